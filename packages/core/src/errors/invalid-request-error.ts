import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_InvalidRequestError';

/** The request itself is malformed: its URL or Host header cannot be parsed. */
export class InvalidRequestError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'InvalidRequestError';

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'request_invalid', httpStatus: 400, ...options });
  }

  static override isInstance(error: unknown): error is InvalidRequestError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
