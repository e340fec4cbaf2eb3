import { FinhooksError, type FinhooksErrorOptions } from '@finhooks/core';

const name = 'FINHOOKS_DinteroEventMismatchError';
const marker = `finhooks.error.${name}`;
const symbol = Symbol.for(marker);

/** Which Hooks API field disagreed. */
export type DinteroMismatchField = 'event' | 'event_delivery';

/**
 * A Hooks API delivery whose unsigned headers disagree with its signed body:
 * the `event` header names another event type than the body's `event`, or
 * `event-delivery` differs from the body's `event_delivery`. The body is
 * authentic, the headers are not covered by the signature, so the request
 * is refused rather than guessed at (a relabelled body would otherwise be
 * handled as another event type). Also thrown when the signed body names no
 * event at all (see `allowUnsignedEventType`). Answered with 400.
 */
export class DinteroEventMismatchError extends FinhooksError {
  private readonly [symbol] = true;
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
    super({ name, code: 'payload_invalid', httpStatus: 400, ...options });
    this.field = field;
    this.headerValue = headerValue;
    this.bodyValue = bodyValue;
  }

  /** True for this error, from any copy of the package. */
  static override isInstance(
    error: unknown,
  ): error is DinteroEventMismatchError {
    return FinhooksError.hasMarker(error, marker);
  }
}
