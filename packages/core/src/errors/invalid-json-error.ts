import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_InvalidJsonError';
const marker = `finhooks.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * The authentic body is empty, truncated or not JSON where the provider
 * always sends JSON.
 */
export class InvalidJsonError extends FinhooksError {
  private readonly [symbol] = true;

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'json_invalid', httpStatus: 400, ...options });
  }

  static override isInstance(error: unknown): error is InvalidJsonError {
    return FinhooksError.hasMarker(error, marker);
  }
}
