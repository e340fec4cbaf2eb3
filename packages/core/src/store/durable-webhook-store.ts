import type { AnyWebhookEventV1 } from '../envelope/v1/webhook-event-v1';
import type {
  StoredDelivery,
  WebhookEventKey,
  WebhookStore,
} from './webhook-store';

/**
 * Processing state of a stored event.
 * `pending` → handlers not run yet (or due for a retry);
 * `processing` → leased by a worker; `processed` → handlers succeeded;
 * `failed` → handlers failed `maxAttempts` times (dead letter);
 * `quarantined` → authentic but invalid payload, waiting for a replay.
 */
export type StoredEventState =
  'pending' | 'processing' | 'processed' | 'failed' | 'quarantined';

/** One row of a durable store. */
export interface StoredWebhookEvent {
  provider: string;
  id: string;
  state: StoredEventState;
  /** Handler runs so far. */
  attempts: number;
  /**
   * Fencing token of the row's current (or last) lease: a new, larger value
   * each time the event is claimed or leased (`0` while it never was, as a
   * quarantined event). Pass the one `leaseDue` returned to `complete` and
   * `fail`. Optional for stores written before leases were fenced.
   */
  lease?: number;
  lastError?: string;
  /** When a pending event is next due (ISO-8601). */
  nextAttemptAt?: string;
  event: AnyWebhookEventV1;
  delivery: StoredDelivery;
}

/** Options of {@link DurableWebhookStore.complete} and {@link DurableWebhookStore.fail}. */
export interface StoreLeaseOptions {
  /**
   * The lease the caller holds (`StoredWebhookEvent.lease`, from `leaseDue`):
   * the row changes only while it still holds this lease, so a worker whose
   * lease expired and was taken over cannot overwrite the new holder's state.
   */
  lease?: number;
}

/** Filters of {@link DurableWebhookStore.listEvents}. */
export interface ListStoredEventsQuery {
  provider?: string;
  type?: string;
  state?: StoredEventState;
  /** Default 50, at most 500 (`clampListLimit`). */
  limit?: number;
  /**
   * Opaque cursor from a previous page (`encodeStoreCursor`); a
   * cursor the store did not issue throws `InvalidCursorError`.
   */
  cursor?: string;
}

/**
 * A subject (a payment, a customer, a person…) of one provider, as in the
 * envelope's `subject`: the key of {@link DurableWebhookStore.latestBySubject}
 * and {@link DurableWebhookStore.deleteBySubject}.
 */
export interface StoredSubjectQuery {
  provider: string;
  /** `event.subject.type`, e.g. `payment`. */
  subjectType: string;
  /** `event.subject.id`, the provider's id of the subject. */
  subjectId: string;
}

/** One page, newest first. */
export interface StoredEventsPage {
  events: StoredWebhookEvent[];
  nextCursor: string | null;
}

/**
 * A store that commits the raw delivery and the normalized event in one
 * transaction inside `claim` (accept-then-process), deduplicates by the
 * event's identity (see {@link WebhookStore}) and keeps ids unique per
 * provider, and lets a worker retry failed
 * handlers and replay quarantined payloads. SQLite and PostgreSQL
 * implementations behave identically.
 */
export interface DurableWebhookStore extends WebhookStore {
  readonly durable: true;
  /** Creates or upgrades the schema (idempotent; safe with concurrent callers). */
  migrate(): Promise<void>;
  listEvents(query?: ListStoredEventsQuery): Promise<StoredEventsPage>;
  getEvent(key: WebhookEventKey): Promise<StoredWebhookEvent | undefined>;
  /**
   * Handlers succeeded: a `processing` event becomes `processed`. With a
   * `lease`, only while the event still holds that lease. Without one, the
   * lease of this store's own `claim` of the event applies if it made one
   * (the router's in-process path, which passes no lease); otherwise the
   * call is not fenced.
   */
  complete(key: WebhookEventKey, options?: StoreLeaseOptions): Promise<void>;
  /**
   * Handlers failed: a `processing` event is retried with backoff
   * (`pending`) or dead-lettered (`failed`); a quarantined one records the
   * error. Fenced by `lease` exactly as {@link complete}.
   */
  fail(
    key: WebhookEventKey,
    error: unknown,
    options?: StoreLeaseOptions,
  ): Promise<void>;
  /**
   * Leases up to `limit` events that are due (`pending` with
   * `nextAttemptAt` ≤ now, or `processing` whose lease expired) for
   * `leaseMs`, marking them `processing`, counting an attempt and issuing a
   * new `lease` token (which fences out the previous holder). Two workers
   * never lease the same event.
   */
  leaseDue(options: {
    limit: number;
    leaseMs: number;
  }): Promise<StoredWebhookEvent[]>;
  /**
   * Replaces a quarantined event with a re-mapped one (after an adapter
   * upgrade). A now-valid event becomes `pending`; a still-invalid one stays
   * quarantined with the new issues. Returns the updated row.
   */
  replaceQuarantined(
    key: WebhookEventKey,
    event: AnyWebhookEventV1,
  ): Promise<StoredWebhookEvent | undefined>;
  /**
   * Re-maps a stored event in place, in any state (after an adapter renamed
   * its normalized type or subject type, see `remapStoredEvents`): replaces
   * the event's type, native type, subject, status, `occurredAt` and JSON, and
   * keeps its id, identity (dedup key), state, attempts, lease, error and
   * raw delivery. `event` must keep the stored `provider`, `id` and
   * `identity`. Returns whether the event was found.
   */
  rewriteEvent(
    key: WebhookEventKey,
    event: AnyWebhookEventV1,
  ): Promise<boolean>;
  /**
   * The stored event about a subject with the latest `occurredAt` (ties, and
   * events without `occurredAt`, by receipt time, then id): keeps the latest
   * state per subject when a provider delivers out of order (Redpin,
   * Solaris). Every state counts, quarantined events included. `undefined`
   * when nothing is stored about the subject.
   */
  latestBySubject(
    query: StoredSubjectQuery,
  ): Promise<StoredWebhookEvent | undefined>;
  /**
   * Deletes every stored event about a subject, with its raw delivery, in
   * any state, and returns how many events were deleted: for erasure duties
   * such as Solaris `PERSON_DELETED`. Only events whose `subject` is this
   * one are deleted. A later delivery of a deleted event is stored again as
   * new; a handler still running on one finds no row to complete.
   */
  deleteBySubject(query: StoredSubjectQuery): Promise<number>;
  /**
   * Retention: deletes `processed` events received before `before`, with
   * their raw deliveries, and returns how many were deleted. Never touches
   * pending, processing, quarantined or failed events. Keep `before` older
   * than the longest content-identity window, or a late retry of a deleted
   * event is stored again as new.
   */
  purgeProcessed(options: { before: Date }): Promise<number>;
  /** Stored event counts by provider and state. */
  counts(): Promise<
    { provider: string; state: StoredEventState; count: number }[]
  >;
  close(): Promise<void>;
}
