import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_InvalidJsonError';

/**
 * The authentic body is empty, truncated or not JSON where the provider
 * always sends JSON.
 */
export class InvalidJsonError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'InvalidJsonError';

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'json_invalid', httpStatus: 400, ...options });
  }

  static override isInstance(error: unknown): error is InvalidJsonError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
