import { FinhooksError, type FinhooksErrorOptions } from './finhooks-error';

const name = 'FINHOOKS_HandlerError';

/**
 * One or more of the application's handlers threw for an event. Every
 * matching handler still ran; `errors` holds what each failing one threw.
 * Without a durable store this is answered with 500 so the provider
 * retries; with one, the event is retried from the store.
 */
export class HandlerError extends FinhooksError {
  // Type-only, so each error class stays a distinct type; FinhooksError
  // sets the runtime marker that `isInstance` reads.
  declare private readonly brand: 'HandlerError';
  readonly errors: readonly unknown[];
  readonly eventId: string;

  constructor({
    errors,
    eventId,
    ...options
  }: FinhooksErrorOptions & { errors: readonly unknown[]; eventId: string }) {
    super({ name, code: 'handler_failed', httpStatus: 500, ...options });
    this.errors = errors;
    this.eventId = eventId;
  }

  static override isInstance(error: unknown): error is HandlerError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
