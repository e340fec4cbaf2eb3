import type { AnyWebhookEventV1 } from '../envelope/v1/webhook-event-v1';

/** Events are unique per provider: ids are only unique within one. */
export interface WebhookEventKey {
  provider: string;
  id: string;
}

/**
 * `claimed`: this delivery is new, process it. `duplicate`: already
 * processed (or durably stored), answer 200 and do nothing. `in_progress`:
 * another delivery of the same event is being processed right now.
 */
export type WebhookClaimStatus = 'claimed' | 'duplicate' | 'in_progress';

/**
 * What `claim` decided, and the event's id: the id the store assigned to a
 * new event (unique per provider), or the id of the stored event a
 * duplicate repeats.
 */
export interface WebhookClaimResult {
  status: WebhookClaimStatus;
  id: string;
}

/** The delivery as received, without credential headers. */
export interface StoredDelivery {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The raw body bytes, exactly as received. */
  body: Uint8Array;
}

/** What the router hands the store for each authentic event. */
export interface WebhookStoreEntry {
  event: AnyWebhookEventV1;
  /** The request as received, credentials removed; durable stores keep it. */
  delivery: StoredDelivery;
}

/**
 * Deduplication and idempotency for the router.
 *
 * Dedup follows the event's `identity` (docs/trust-model.md): a
 * `provider_id` or `signed_material` key is one event for as long as the
 * store remembers it; a `content` key is a duplicate only of the latest
 * stored event for the same provider, native type and subject, received
 * within `identity.windowMs`. `claim` assigns the stored id atomically:
 * `identity.key`, or `<key>.<n>` when that id is taken by an earlier event.
 *
 * A non-durable store (the in-memory default) only remembers ids: handlers
 * run before the answer and a failure releases the claim so the provider's
 * retry runs them again. A durable store commits the event in `claim`
 * (accept-then-process): the router answers 200 right after and handler
 * failures are retried from the store, not by the provider.
 */
export interface WebhookStore {
  readonly durable: boolean;
  claim(entry: WebhookStoreEntry): Promise<WebhookClaimResult>;
  /** Handlers succeeded. */
  complete(key: WebhookEventKey): Promise<void>;
  /** Handlers failed: release the claim, or schedule a retry if durable. */
  fail(key: WebhookEventKey, error: unknown): Promise<void>;
}
