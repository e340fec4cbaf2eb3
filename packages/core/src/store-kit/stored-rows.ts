import type { AnyWebhookEventV1 } from '../envelope/v1/webhook-event-v1';
import type {
  StoredEventState,
  StoredEventsPage,
  StoredWebhookEvent,
} from '../store/durable-webhook-store';
import type { WebhookEventKey } from '../store/webhook-store';
import { encodeStoreCursor } from './store-cursor';
import { storedBytes } from './stored-bytes';

/**
 * An event row joined with its delivery, as a SQL store reads it: times in
 * milliseconds since the epoch, the event and headers as JSON text, the
 * body as bytes (or the hex text form of a bytea). Delivery columns are
 * `null` for a row without a delivery.
 */
export interface StoredEventRow {
  provider: string;
  id: string;
  state: StoredEventState;
  attempts: number;
  lease: number;
  last_error: string | null;
  next_attempt_at: number | null;
  received_at: number;
  event: string;
  method: string | null;
  url: string | null;
  headers: string | null;
  body: Uint8Array | string | null;
}

/** The {@link StoredWebhookEvent} of a row. */
export function toStoredEvent(row: StoredEventRow): StoredWebhookEvent {
  const stored: StoredWebhookEvent = {
    provider: row.provider,
    id: row.id,
    state: row.state,
    attempts: row.attempts,
    lease: row.lease,
    event: JSON.parse(row.event) as AnyWebhookEventV1,
    delivery: {
      method: row.method ?? '',
      url: row.url ?? '',
      headers:
        row.headers === null
          ? {}
          : (JSON.parse(row.headers) as Record<string, string>),
      body: storedBytes(row.body),
    },
  };
  if (row.last_error !== null) stored.lastError = row.last_error;
  if (row.next_attempt_at !== null)
    stored.nextAttemptAt = new Date(row.next_attempt_at).toISOString();
  return stored;
}

/**
 * A `listEvents` page from up to `limit + 1` rows in the store's order
 * (newest first): the extra row only says that a next page exists.
 */
export function toEventsPage(
  rows: readonly StoredEventRow[],
  limit: number,
): StoredEventsPage {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map(toStoredEvent),
    nextCursor:
      rows.length > limit && last !== undefined
        ? encodeStoreCursor({
            receivedAtMs: last.received_at,
            provider: last.provider,
            id: last.id,
          })
        : null,
  };
}

/**
 * Throws unless `event` is the stored event `key` names: a replay or a
 * re-mapping must keep the event's provider and id.
 */
export function assertSameEvent(
  method: string,
  key: WebhookEventKey,
  event: AnyWebhookEventV1,
): void {
  if (event.provider !== key.provider || event.id !== key.id) {
    throw new TypeError(
      `${method}: the new event is ${event.provider}/${event.id}, not ${key.provider}/${key.id}; a replay must keep the event's identity.`,
    );
  }
}

/** The `before` time of `purgeProcessed`, in ms; throws for an invalid date. */
export function purgeCutoffMs(before: Date): number {
  const cutoff = before.getTime();
  if (Number.isNaN(cutoff))
    throw new TypeError('purgeProcessed: `before` is not a valid date.');
  return cutoff;
}

/** `last_error` of events dead-lettered because their lease kept expiring. */
export function leaseExpiredMessage(maxAttempts: number): string {
  return `The lease expired ${maxAttempts} times: the worker stopped while running the handlers.`;
}
