import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_EventInProgressError';

/**
 * Another delivery of the same event (same provider and id) is being
 * processed right now. Answered with 409 so the provider retries later
 * instead of the event being acknowledged twice or lost.
 */
export class EventInProgressError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'EventInProgressError';

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'event_in_progress', httpStatus: 409, ...options });
  }

  static override isInstance(error: unknown): error is EventInProgressError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
