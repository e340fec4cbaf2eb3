import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_StoreError';
const marker = `finhooks.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * The dedup/event store failed (database down, disk full). Answered with 500
 * so the provider retries: nothing was acknowledged.
 */
export class StoreError extends FinhooksError {
  private readonly [symbol] = true;

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'store_failed', httpStatus: 500, ...options });
  }

  static override isInstance(error: unknown): error is StoreError {
    return FinhooksError.hasMarker(error, marker);
  }
}
