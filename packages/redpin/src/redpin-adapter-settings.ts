import type { RequestAuthOptions } from '@finhooks/core';

/**
 * How Redpin's calls are authenticated. Redpin documents no webhook
 * signature, so you agree a check with Redpin (or your network) and
 * configure it here. Every configured check must pass.
 */
export interface RedpinAuthSettings extends RequestAuthOptions {
  /**
   * Accept every request without any check. Anyone who knows the URL can
   * then forge events; use it only behind another authenticating layer.
   * It is the only way to build the adapter without a check. Events are
   * then marked `authenticity.scheme: 'none'`.
   */
  dangerouslyAllowUnauthenticated?: boolean;
  /**
   * Further headers that carry credentials (one your `verify` reads, such
   * as a client-certificate header set by your gateway). Like the names
   * in `headers` (and `Authorization`), they are never stored or logged.
   */
  sensitiveHeaders?: readonly string[];
}

/** Settings of {@link createRedpinAdapter}. */
export interface RedpinAdapterSettings {
  /**
   * Required: one or more of `headers` (static headers such as an API key,
   * constant-time, several values while rotating), `basicAuth`,
   * `ipAllowlist` (`trustedProxies` for `X-Forwarded-For`) and `verify`
   * (your own async check); or `dangerouslyAllowUnauthenticated: true`.
   */
  auth: RedpinAuthSettings;
  /**
   * How long a delivery without an `event_id` (every `CUSTOMER STATUS`,
   * and any other id-less body) counts as a retry of an identical earlier
   * delivery about the same subject, in milliseconds. Identical bytes
   * after a different event for that subject (active → inactive →
   * active), or after the window, are a new event. Default 24 hours:
   * Redpin says it retries but does not document how often or for how
   * long. Deliveries with an `event_id` are deduplicated by it whatever
   * their age.
   */
  dedupWindowMs?: number;
}
