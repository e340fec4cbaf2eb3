import type {
  AnyWebhookEventV1,
  InvalidWebhookEventV1,
} from '../envelope/v1/webhook-event-v1';

/** Issue code of an event whose data the store could not keep as is. */
export const STORE_REJECTED = 'store_rejected';

const MAX_REASON_LENGTH = 300;

/** How a store names its database and the error codes of its driver. */
export interface RejectingDatabase {
  /** The database's name in the reason, e.g. `PostgreSQL`. */
  name: string;
  /**
   * Whether a driver error code means the data itself was refused (so
   * retrying the same delivery would fail forever), not the database
   * (a lost connection, a lock timeout, a full disk).
   */
  refusesData(code: string): boolean;
  /** Written before the code in the reason, e.g. `SQLSTATE `. */
  codeLabel?: string;
}

/**
 * Whether a claim failed because of the event's data: JSON nested too deep
 * for the serializer (`RangeError`), or a driver error whose `code` the
 * database says refuses data.
 */
export function isRejectedData(
  error: unknown,
  database: RejectingDatabase,
): boolean {
  if (error instanceof RangeError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && database.refusesData(code);
}

function reasonOf(error: unknown, database: RejectingDatabase): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const label =
    typeof code === 'string' ? `${database.codeLabel ?? ''}${code}: ` : '';
  const reason =
    error instanceof RangeError
      ? `the data cannot be serialized (${message}): nested too deep or too large`
      : `${database.name} refused the data (${label}${message})`;
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
  database: RejectingDatabase,
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
        message: `The store could not keep this event as is: ${reasonOf(error, database)}. Its data is null; the raw delivery body is kept for a replay.`,
      },
    ],
  };
}
