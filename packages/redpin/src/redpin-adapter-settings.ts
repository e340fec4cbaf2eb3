import type { RequestAuthOptions } from '@finhooks/core';

/**
 * The checks Redpin's calls can be authenticated with. Redpin documents no
 * webhook signature, so you agree a check with Redpin (or your network)
 * and configure it here. Every configured check must pass.
 */
type RedpinAuthChecks = RequestAuthOptions;

/** What every shape of {@link RedpinAuthSettings} may add. */
interface RedpinAuthExtras {
  /**
   * Further headers that carry credentials (one your `verify` reads, such
   * as a client-certificate header set by your gateway). Like the names
   * in `headers` (and `Authorization`), they are never stored or logged.
   */
  sensitiveHeaders?: readonly string[];
}

/** At least one check, here `TCheck`; the others are optional. */
type RedpinAuthWith<TCheck extends keyof RedpinAuthChecks> = RedpinAuthExtras &
  RedpinAuthChecks &
  Required<Pick<RedpinAuthChecks, TCheck>> & {
    /** Leave unset (or `false`) when a check is configured. */
    dangerouslyAllowUnauthenticated?: boolean;
  };

/**
 * The explicit opt-out: no check at all. Anyone who knows the URL can then
 * forge events; use it only behind another authenticating layer. Events
 * are then marked `authenticity.scheme: 'none'`.
 */
export interface RedpinUnauthenticatedSettings
  extends RedpinAuthExtras, RedpinAuthChecks {
  /**
   * Accept every request without any check. It is the only way to build
   * the adapter without one.
   */
  dangerouslyAllowUnauthenticated: true;
}

/**
 * How Redpin's calls are authenticated: at least one of `headers` (static
 * headers such as an API key, constant-time, several values while
 * rotating), `basicAuth`, `ipAllowlist` (`trustedProxies` for
 * `X-Forwarded-For`) and `verify` (your own async check); or
 * `dangerouslyAllowUnauthenticated: true`. `{}` does not compile; an empty
 * list or value is refused at runtime (`ConfigurationError`).
 */
export type RedpinAuthSettings =
  | RedpinAuthWith<'headers'>
  | RedpinAuthWith<'basicAuth'>
  | RedpinAuthWith<'ipAllowlist'>
  | RedpinAuthWith<'verify'>
  | RedpinUnauthenticatedSettings;

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
