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
   * It is the only way to build the adapter without a check.
   */
  dangerouslyAllowUnauthenticated?: boolean;
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
}
