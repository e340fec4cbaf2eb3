/**
 * Where an event's dedup key comes from (docs/trust-model.md, docs/architecture.md#identity-and-authenticity).
 *
 * - `provider_id`: a provider event/delivery id inside the authenticated
 *   bytes (Dintero `event_delivery`, Redpin `event_id`). Identical keys are
 *   one event, whenever they arrive.
 * - `signed_material`: signed material that identifies one delivery
 *   without a provider id (the Dintero Checkout callback's signed query
 *   without its timestamp). Identical keys are one event.
 * - `content`: no id in the authenticated bytes. The key is a hash of the
 *   authenticated bytes; a delivery is a duplicate only if its key equals
 *   the key of the *latest* stored event for the same provider, native
 *   type and subject, received within `windowMs`.
 */
export type WebhookIdentitySourceV1 =
  'provider_id' | 'signed_material' | 'content';

/** How the receiver decides whether a delivery is new (the dedup key). */
export interface WebhookIdentityV1 {
  source: WebhookIdentitySourceV1;
  /**
   * The dedup key, derived from authenticated material only, so an
   * unsigned header can never make a replay look new.
   */
  key: string;
  /** `content` only: how long identical bytes count as a retry, in ms. */
  windowMs?: number;
}

/**
 * How a delivery was authenticated.
 * `signature`: an HMAC over the parts flagged below;
 * `credentials`: a shared token, basic auth, an IP allowlist or a custom
 * check proved the sender (integrity of the rest is TLS's job);
 * `none`: the user opted out of authentication.
 */
export type WebhookAuthenticationSchemeV1 =
  'signature' | 'credentials' | 'none';

/**
 * Which parts of an envelope come from authenticated material. Adapters
 * fill it from what their check actually covered; act on a part flagged
 * `false` only after confirming it with the provider's API.
 */
export interface WebhookAuthenticityV1 {
  scheme: WebhookAuthenticationSchemeV1;
  /** The raw body (and so `data`) was covered by the check. */
  body: boolean;
  /** `nativeType` (and so `type`) came from covered material. */
  type: boolean;
  /** `subject` came from covered material (absent when there is no subject). */
  subject?: boolean;
  /** A signed timestamp within tolerance bounded the delivery's age. */
  timestamp: boolean;
  /** Method, host, path and query were covered. */
  url: boolean;
  /** Lower-case names of the headers the check covered. */
  headers: string[];
}

/**
 * Where a part of the envelope was read from: the body, the URL (path or
 * query), or a header (`header:<lower-case name>`).
 */
export type WebhookPartSourceV1 = 'body' | 'url' | `header:${string}`;

/** What an adapter's authentication covered, before the envelope exists. */
export type WebhookVerificationV1 = Omit<
  WebhookAuthenticityV1,
  'type' | 'subject'
>;

/** Whether a part read from `source` was covered by `verification`. */
export function isCovered(
  verification: WebhookVerificationV1,
  source: WebhookPartSourceV1,
): boolean {
  if (verification.scheme === 'none') return false;
  if (verification.scheme === 'credentials') return true;
  if (source === 'body') return verification.body;
  if (source === 'url') return verification.url;
  return verification.headers.includes(source.slice('header:'.length));
}
