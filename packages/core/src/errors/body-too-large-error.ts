import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_BodyTooLargeError';

/**
 * The request body is larger than the configured limit (1 MiB by default).
 * Raise `maxBodyBytes` if a provider legitimately sends bigger payloads.
 */
export class BodyTooLargeError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'BodyTooLargeError';

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'body_too_large', httpStatus: 413, ...options });
  }

  static override isInstance(error: unknown): error is BodyTooLargeError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
