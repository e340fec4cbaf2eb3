import { FinhooksError, type FinhooksErrorOptions } from '@finhooks/core';

const name = 'FINHOOKS_DinteroEventMismatchError';

/** Which Hooks API field disagreed. */
export type DinteroMismatchField = 'event' | 'event_delivery';

/**
 * A Hooks API delivery whose unsigned `event` header names another event
 * type than its signed body's `event`. The body is authentic, the header is
 * not covered by the signature, so the request is refused rather than
 * guessed at (a relabelled body would otherwise be handled as another event
 * type). Answered with 400. (`field: 'event_delivery'` is no longer thrown:
 * a differing `event-delivery` header is recorded as a fact with a warning,
 * and the signed `event_delivery` identifies the delivery.)
 */
export class DinteroEventMismatchError extends FinhooksError {
  // Type-only, so it stays a distinct type; FinhooksError sets the runtime
  // marker that `isInstance` reads.
  declare private readonly brand: 'DinteroEventMismatchError';
  /** The field that disagreed. */
  readonly field: DinteroMismatchField;
  /** The header's value, if sent. */
  readonly headerValue: string | undefined;
  /** The signed body's value, if present. */
  readonly bodyValue: string | undefined;

  constructor({
    field,
    headerValue,
    bodyValue,
    ...options
  }: FinhooksErrorOptions & {
    field: DinteroMismatchField;
    headerValue: string | undefined;
    bodyValue: string | undefined;
  }) {
    super({ name, code: 'request_invalid', httpStatus: 400, ...options });
    this.field = field;
    this.headerValue = headerValue;
    this.bodyValue = bodyValue;
  }

  /** True for this error, from any copy of the package. */
  static override isInstance(
    error: unknown,
  ): error is DinteroEventMismatchError {
    return FinhooksError.hasMarker(error, `finhooks.error.${name}`);
  }
}
