import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_EventInProgressError';
const marker = `finhooks.error.${name}`;
const symbol = Symbol.for(marker);

/**
 * Another delivery of the same event (same provider and id) is being
 * processed right now. Answered with 409 so the provider retries later
 * instead of the event being acknowledged twice or lost.
 */
export class EventInProgressError extends FinhooksError {
  private readonly [symbol] = true;

  constructor(options: FinhooksErrorOptions) {
    super({ name, code: 'event_in_progress', httpStatus: 409, ...options });
  }

  static override isInstance(error: unknown): error is EventInProgressError {
    return FinhooksError.hasMarker(error, marker);
  }
}
