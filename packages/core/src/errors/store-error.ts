import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_StoreError';

/**
 * The dedup/event store failed (database down, disk full). Answered with 500
 * so the provider retries: nothing was acknowledged.
 */
export class StoreError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'StoreError';

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'store_failed', httpStatus: 500, ...options });
  }

  static override isInstance(error: unknown): error is StoreError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
