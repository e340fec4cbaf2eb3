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
export type WebhookClaimResult = 'claimed' | 'duplicate' | 'in_progress';

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
