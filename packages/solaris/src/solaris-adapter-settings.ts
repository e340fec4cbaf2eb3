import type { RawWebhookRequest, SecretValue } from '@finhooks/core';

/** HMAC algorithms a `Solaris-Webhook-Signature` prefix may name. */
export type SolarisSignatureAlgorithm = 'sha256' | 'sha512' | 'sha1';

/** What a secret resolver is told about the request it must verify. */
export interface SolarisSecretContext {
  /** The `Solaris-Webhook-Event-Type` header (one subscription per type). */
  eventType: string;
  request: RawWebhookRequest;
}

/**
 * Per-event-type secrets: a map from event type to the secret(s) of its
 * subscription, or a resolver called for each request.
 */
export type SolarisSecrets =
  | Readonly<Record<string, string | readonly string[]>>
  | ((context: SolarisSecretContext) => SecretValue | Promise<SecretValue>);

/** Settings of {@link createSolarisAdapter}. */
export interface SolarisAdapterSettings {
  /**
   * Secrets per event type. Solaris creates one subscription per event type
   * and returns its `secret` once, so each type usually has its own:
   * `{ BOOKING: 'f82c…', CARD_LIFECYCLE_EVENT: ['new…', 'old…'] }`. Give
   * several secrets for one type while you replace its subscription
   * (rotation). A resolver may look them up per request (a vault, a
   * database keyed by subscription id).
   */
  secrets?: SolarisSecrets;
  /**
   * The secret(s) for event types that `secrets` has none for. Handy when
   * all your subscriptions share one secret, or in development.
   */
  defaultSecret?: string | readonly string[];
  /**
   * Algorithms accepted in the `<algorithm>=<hex>` signature header.
   * Default `['sha256']`, the only one Solaris is known to send; anything
   * else is refused (`reason: 'unsupported_algorithm'`) unless listed here.
   */
  allowedAlgorithms?: readonly SolarisSignatureAlgorithm[];
}
