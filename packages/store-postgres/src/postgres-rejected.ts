import { createHash } from 'node:crypto';
import type { AnyWebhookEventV1, InvalidWebhookEventV1 } from '@finhooks/core';

/** Issue code of an event whose data the store could not keep as is. */
export const STORE_REJECTED = 'store_rejected';

const MAX_REASON_LENGTH = 300;

/**
 * Whether a claim failed because of the event's data, so that retrying the
 * same delivery would fail forever: a PostgreSQL data exception (SQLSTATE
 * class 22: a character the encoding refuses…) or program limit (class 54:
 * JSON nested deeper than the server's stack, an index row over its size
 * limit), or JSON too deep for the serializer (`RangeError`). A lost
 * connection, a lock timeout or a full disk is not: those still throw.
 */
export function isRejectedData(error: unknown): boolean {
  if (error instanceof RangeError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(?:22|54)[0-9A-Z]{3}$/.test(code);
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const reason =
    error instanceof RangeError
      ? `the data cannot be serialized (${message}): nested too deep or too large`
      : `PostgreSQL refused the data (${typeof code === 'string' ? `SQLSTATE ${code}: ` : ''}${message})`;
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

/**
 * A text column's value: PostgreSQL text cannot hold NUL, so NUL becomes
 * U+FFFD (the event JSON, which escapes it, keeps the exact value).
 */
export function pgText(value: string): string {
  return value.includes('\u0000')
    ? value.replaceAll('\u0000', '\uFFFD')
    : value;
}

/** Longest text (in characters) a quarantined row keeps in an indexed column. */
const MAX_FITTED_LENGTH = 200;

/** An indexed text column of a quarantined row, short enough for any index. */
export function fittedText(value: string): string {
  const text = pgText(value);
  return text.length > MAX_FITTED_LENGTH
    ? `${text.slice(0, MAX_FITTED_LENGTH - 1)}…`
    : text;
}

/** A dedup key of a quarantined row: too long a key is replaced by its hash. */
export function fittedKey(key: string): string {
  const text = pgText(key);
  return text.length > MAX_FITTED_LENGTH
    ? `sha256:${createHash('sha256').update(key).digest('hex')}`
    : text;
}
