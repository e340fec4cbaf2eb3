import type { AnyWebhookEventV1, InvalidWebhookEventV1 } from '@finhooks/core';

/** Issue code of an event whose data the store could not keep as is. */
export const STORE_REJECTED = 'store_rejected';

const MAX_REASON_LENGTH = 300;

/**
 * Whether a claim failed because of the event's data (so retrying the same
 * delivery would fail forever), not because of the database: JSON nested
 * deeper than the serializer's stack, a string or blob over SQLite's size
 * limit.
 */
export function isRejectedData(error: unknown): boolean {
  if (error instanceof RangeError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (code === 'SQLITE_TOOBIG' || code === 'SQLITE_MISMATCH')
  );
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const reason =
    error instanceof RangeError
      ? `the data cannot be serialized (${message}): nested too deep or too large`
      : `SQLite refused the data (${typeof code === 'string' ? `${code}: ` : ''}${message})`;
  return reason.length > MAX_REASON_LENGTH
    ? `${reason.slice(0, MAX_REASON_LENGTH - 1)}…`
    : reason;
}

/**
 * The quarantined stand-in of an authentic event the database cannot take
 * as is: `data: null` and a `store_rejected` issue with the reason. The
 * delivery (raw body bytes included) is stored unchanged, so a replay can
 * map it again.
 */
export function rejectedEvent(
  event: AnyWebhookEventV1,
  error: unknown,
): InvalidWebhookEventV1 {
  const issues = 'issues' in event ? event.issues : [];
  return {
    ...event,
    data: null,
    issues: [
      ...issues,
      {
        path: [],
        code: STORE_REJECTED,
        message: `The store could not keep this event as is: ${reasonOf(error)}. Its data is null; the raw delivery body is kept for a replay.`,
      },
    ],
  };
}
