import type { RawWebhookRequest, SecretValue } from '@finhooks/core';

/** HMAC algorithms a `Solaris-Webhook-Signature` prefix may name. */
export type SolarisSignatureAlgorithm = 'sha256' | 'sha512' | 'sha1';

/** What a secret resolver is told about the request it must verify. */
export interface SolarisSecretContext {
  /** The `Solaris-Webhook-Event-Type` header (one subscription per type). */
  eventType: string;
  request: RawWebhookRequest;
}

/** A secret, or several while a subscription is replaced (rotation). */
export type SolarisSecretList = string | readonly string[];

/**
 * Per-event-type secrets: a map from event type to the secret(s) of its
 * subscription, or a resolver called for each request.
 */
export type SolarisSecrets =
  | Readonly<Record<string, SolarisSecretList>>
  | ((context: SolarisSecretContext) => SecretValue | Promise<SecretValue>);

/**
 * Every setting of {@link createSolarisAdapter}, all optional; the
 * settings type itself ({@link SolarisAdapterSettings}) requires a secret.
 */
export interface SolarisAdapterOptions {
  /**
   * Secrets per event type. Solaris creates one subscription per event type
   * and returns its `secret` once, so each type usually has its own:
   * `{ BOOKING: 'f82c…', CARD_LIFECYCLE_EVENT: ['new…', 'old…'] }`. Give
   * several secrets for one type while you replace its subscription
   * (rotation). A resolver may look them up per request (a vault, a
   * database keyed by subscription id).
   *
   * Only a secret of exactly one type authenticates the (unsigned)
   * `Solaris-Webhook-Event-Type` header: a map secret that also appears
   * under another type or in `defaultSecret` does not, and a resolver's
   * secrets do only with `resolvesPerType: true`.
   */
  secrets?: SolarisSecrets;
  /**
   * Set it when the `secrets` resolver returns, for each event type, only
   * the secret(s) of that type's own subscription (never one secret shared
   * by several types). The event type is then reported as authenticated
   * (`event.authenticity.type`), and `PERSON_DELETED` / `BUSINESS_DELETED`
   * verified by the resolver are accepted. Default `false`: finhooks cannot
   * see what a resolver does, so it assumes a shared secret.
   */
  resolvesPerType?: boolean;
  /**
   * The secret(s) for event types that `secrets` has none for. Handy when
   * all your subscriptions share one secret, or in development. A shared
   * secret does not authenticate the event type header (anyone holding one
   * signed body may resend it under another type), so `PERSON_DELETED` and
   * `BUSINESS_DELETED` verified by it are refused unless
   * `allowSharedSecretForDeletions` is set.
   */
  defaultSecret?: SolarisSecretList;
  /**
   * Accept `PERSON_DELETED` / `BUSINESS_DELETED` verified by a secret that
   * is not specific to that type (`defaultSecret`, a secret repeated in the
   * map, a resolver without `resolvesPerType`). Default `false`: such a
   * delivery is refused with 401, because their signed body is just `{}`
   * and any captured `{}` signature of the shared secret could be relabelled
   * as the deletion of any person. If you set it, confirm each deletion
   * through the Solaris API before acting (see the README).
   */
  allowSharedSecretForDeletions?: boolean;
  /**
   * How long identical signed bodies of one event type and subject count
   * as a retry, in ms. Solaris signs no id and no timestamp, so a delivery
   * is a duplicate only when its raw body equals the latest stored event
   * of the same type and subject within this window. Default 5 days
   * ({@link solarisDefaultDedupWindowMs}), the period Solaris retries a notification for.
   */
  dedupWindowMs?: number;
  /**
   * Algorithms accepted in the `<algorithm>=<hex>` signature header.
   * Default `['sha256']`, the only one Solaris is known to send; anything
   * else is refused (`reason: 'unsupported_algorithm'`) unless listed here.
   */
  allowedAlgorithms?: readonly SolarisSignatureAlgorithm[];
}

/**
 * Settings of {@link createSolarisAdapter}: `secrets` (per event type, or a
 * resolver), `defaultSecret`, or both. Without either the settings do not
 * compile (`createSolarisAdapter({})`); empty strings and lists are still
 * refused at runtime with `ConfigurationError`.
 */
export type SolarisAdapterSettings =
  | (SolarisAdapterOptions & { secrets: SolarisSecrets })
  | (SolarisAdapterOptions & { defaultSecret: SolarisSecretList });
