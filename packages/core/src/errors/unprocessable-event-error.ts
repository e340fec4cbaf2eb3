import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_UnprocessableEventError';

/**
 * Throw this from a handler for an event the application will never accept.
 * The endpoint answers 422, which tells providers that honour it (Solaris)
 * to stop retrying this notification. Use it sparingly: the event is not
 * delivered again.
 */
export class UnprocessableEventError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'UnprocessableEventError';

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'event_unprocessable', httpStatus: 422, ...options });
  }

  static override isInstance(error: unknown): error is UnprocessableEventError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
