import type { RawWebhookRequest, SecretSource } from '@finhooks/core';

/** What a Hooks API secret resolver is called with, once per delivery. */
export interface DinteroHooksSecretContext {
  request: RawWebhookRequest;
}

/**
 * What a Checkout callback secret resolver is called with: once per
 * configured account id, so each merchant account may have its own secret.
 */
export interface DinteroCheckoutSecretContext {
  request: RawWebhookRequest;
  /** The account id whose signature is being checked. */
  accountId: string;
}

/**
 * Checkout `callback_url` callbacks, signed with `Dintero-Signature`
 * (HMAC-SHA256 over timestamp, account id, method, host, path and sorted
 * query). See https://docs.dintero.com/docs/checkout/validating-callbacks.
 */
export interface DinteroCheckoutCallbackSettings {
  /**
   * The signature secret created with `POST /v1/admin/signature`. Several
   * values are accepted at once (rotation), or a resolver per request and
   * account.
   */
  secret: SecretSource<DinteroCheckoutSecretContext>;
  /**
   * The merchant account id(s) that sign callbacks (`P…` production, `T…`
   * test). The account id is part of the signed string, never sent in the
   * request, so it must be configured.
   */
  accountId: string | readonly string[];
  /**
   * Largest accepted distance between the signed `t=` timestamp and now, in
   * seconds, in the past AND in the future. Default 300 (Dintero's advice).
   */
  toleranceSeconds?: number;
  /**
   * The public base URL Dintero calls (scheme, host and an optional path
   * prefix a proxy strips), e.g. `https://shop.example.com`. The request's
   * own path and query are appended to it. Set it when a proxy or tunnel
   * rewrites the host, because the host and path are signed. Wins over
   * forwarding headers.
   */
  publicUrl?: string;
  /**
   * Read the public host from `X-Forwarded-Host` (and `X-Forwarded-Proto`).
   * Only enable it behind a proxy that sets these headers itself; otherwise
   * a caller chooses the host that is checked. Default `false`.
   */
  trustForwardedHeaders?: boolean;
  /**
   * The last path segment that marks a request as a Checkout callback
   * (`/webhooks/dintero/callback`). Default `'callback'`; every other path
   * is treated as a Hooks API delivery.
   */
  callbackPath?: string;
}

/**
 * What every shape of {@link DinteroAdapterSettings} accepts. Use
 * `DinteroAdapterSettings` itself: it requires at least one mechanism.
 */
export interface DinteroAdapterSettingsBase {
  /**
   * The Hooks API subscription secret (`config.secret`), used to verify the
   * `event-signature` header (HMAC-SHA1 of the raw body). Pass several
   * values while rotating, or a resolver per request.
   */
  secret?: SecretSource<DinteroHooksSecretContext>;
  /** Checkout `callback_url` verification; omit if you do not use callbacks. */
  checkout?: DinteroCheckoutCallbackSettings;
  /**
   * How long a Hooks delivery without a signed `event_delivery` (a
   * subscription `fields` mask that drops it) counts as a retry of an
   * identical earlier delivery for the same event type and subject, in
   * milliseconds. Default 24 hours (`dinteroDefaultDedupWindowMs`): Dintero tries a delivery at most 5
   * times, waiting up to 120 s per attempt, so every retry lands well
   * inside it. Deliveries with `event_delivery`, and Checkout callbacks,
   * are deduplicated by their signed id or signed URL whatever their age.
   */
  dedupWindowMs?: number;
  /**
   * @deprecated Ignored. A signed body without `event` (a subscription
   * `fields` mask) is now always accepted, with its type taken from the
   * `event` header and flagged unauthenticated (`authenticity.type ===
   * false`).
   */
  allowUnsignedEventType?: boolean;
}

/** Settings that verify Hooks API deliveries (and, optionally, callbacks). */
export interface DinteroHooksAdapterSettings extends DinteroAdapterSettingsBase {
  /**
   * The Hooks API subscription secret (`config.secret`), used to verify the
   * `event-signature` header (HMAC-SHA1 of the raw body). Pass several
   * values while rotating, or a resolver per request.
   */
  secret: SecretSource<DinteroHooksSecretContext>;
}

/** Settings that verify Checkout callbacks (and, optionally, Hooks). */
export interface DinteroCheckoutAdapterSettings extends DinteroAdapterSettingsBase {
  /** Checkout `callback_url` verification. */
  checkout: DinteroCheckoutCallbackSettings;
}

/**
 * Settings of {@link createDinteroAdapter}. Configure at least one
 * mechanism: `secret` for Hooks API deliveries, `checkout` for Checkout
 * callbacks (or both). Settings with neither do not compile; an empty
 * secret is refused when the adapter is created. A request for a mechanism
 * that is not configured is refused.
 */
export type DinteroAdapterSettings =
  DinteroHooksAdapterSettings | DinteroCheckoutAdapterSettings;
