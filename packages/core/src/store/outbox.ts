import type { AnyWebhookEventV1 } from '../envelope/v1/webhook-event-v1';
import type { DurableWebhookStore } from './durable-webhook-store';
import type { WebhookEventKey } from './webhook-store';

/** One committed event a relay must publish, leased to the caller. */
export interface OutboxEvent {
  provider: string;
  id: string;
  /** Outbox position: insertion (commit) order of the events. */
  position: number;
  event: AnyWebhookEventV1;
  /** How many times the event was taken, this take included (1: first time). */
  takes: number;
  /**
   * When the event was first taken (ms since the epoch): it may have reached
   * the broker at any time since, even though it was never marked published.
   */
  firstTakenAt: number;
}

/** Options of {@link OutboxStore.takeUnpublished}. */
export interface TakeUnpublishedOptions {
  /** At most this many events, oldest first. */
  limit: number;
  /**
   * How long the events stay reserved for the caller, in ms: another relay
   * (or this one) takes them again only after the lease expired.
   */
  leaseMs: number;
}

/** An event the broker acknowledged, with the broker's sequence. */
export interface PublishedOutboxEvent extends WebhookEventKey {
  /** Stream sequence from the broker's ack (JetStream `seq`). */
  sequence: number;
}

/** What is waiting to be published (quarantined events do not count). */
export interface OutboxLag {
  /** Committed events not marked published yet. */
  events: number;
  /** `receivedAt` of the oldest of them (ISO-8601); absent when none. */
  oldestReceivedAt?: string;
}

/**
 * The transactional outbox of a durable store, for a relay to a message
 * broker (`@finhooks/relay-nats`). Once `enableOutbox()` ran on a database,
 * every event `claim` commits is recorded as unpublished in the same
 * transaction; a relay takes unpublished events with a per-row lease (two
 * relays never hold the same event; one that dies leaves its events to the
 * others when the lease expires), publishes them and marks them published
 * with the broker's sequence. Quarantined events are not handed out until a
 * replay made them valid. Retention (`purgeProcessed`) never deletes an
 * unpublished event; erasure (`deleteBySubject`) deletes its outbox record
 * too. Events committed before the outbox was enabled are not relayed.
 */
export interface OutboxStore {
  /** Starts recording committed events (idempotent; the first call wins). */
  enableOutbox(): Promise<void>;
  /**
   * Leases up to `limit` unpublished, non-quarantined events whose lease (if
   * any) expired, oldest first, for `leaseMs`.
   */
  takeUnpublished(options: TakeUnpublishedOptions): Promise<OutboxEvent[]>;
  /** Marks events published (idempotent; an unknown key is ignored). */
  markPublished(events: readonly PublishedOutboxEvent[]): Promise<void>;
  /**
   * Gives leased events back before their lease expires (a failed publish):
   * the next `takeUnpublished` may take them again.
   */
  releaseUnpublished(keys: readonly WebhookEventKey[]): Promise<void>;
  /**
   * The stream sequence an event was published with; `null` when it is
   * recorded but unpublished, `undefined` when the outbox has no record.
   */
  publishedSequence(key: WebhookEventKey): Promise<number | null | undefined>;
  /** How much is waiting (lag in events, and the oldest event's receipt time). */
  outboxLag(): Promise<OutboxLag>;
}

/** A durable store with an outbox (the SQLite and PostgreSQL stores). */
export type OutboxDurableStore = DurableWebhookStore & OutboxStore;

/** Whether `store` implements {@link OutboxStore}. */
export function isOutboxStore<TStore extends object>(
  store: TStore,
): store is TStore & OutboxStore {
  const candidate = store as Partial<OutboxStore>;
  return (
    typeof candidate.enableOutbox === 'function' &&
    typeof candidate.takeUnpublished === 'function' &&
    typeof candidate.markPublished === 'function' &&
    typeof candidate.releaseUnpublished === 'function' &&
    typeof candidate.outboxLag === 'function'
  );
}
