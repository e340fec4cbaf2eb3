import type { RawWebhookRequest } from '../adapter/v1/raw-webhook-request';
import type { WebhookVerificationV1 } from '../envelope/v1/webhook-trust-v1';
import {
  AuthenticationError,
  type AuthenticationMethod,
} from '../errors/authentication-error';
import { ConfigurationError } from '../errors/configuration-error';
import { toBase64, utf8Encode } from '../utils/bytes';
import { ipInRange, parseIpAddress, parseIpRange } from './ip-address';
import { timingSafeEqual } from './timing-safe-equal';
import {
  credentialsVerification,
  unauthenticatedVerification,
} from './verification';

/** A static header the provider is configured to send with every request. */
export interface StaticHeaderCredential {
  /** Header name, e.g. `api-key` (case-insensitive). */
  name: string;
  /** Accepted values; several while a token is rotated. */
  value: string | readonly string[];
}

/** HTTP basic-auth credentials; several pairs may be active. */
export interface BasicAuthCredential {
  username: string;
  password: string;
}

/** Source-address allowlist. */
export interface IpAllowlistOptions {
  /** Addresses and CIDR ranges, IPv4 and IPv6. */
  allow: readonly string[];
  /**
   * Number of reverse proxies in front of this server that append to
   * `X-Forwarded-For`. `0` (default) trusts only the socket address; never
   * raise it unless those proxies exist, or anyone can spoof their address.
   */
  trustedProxies?: number;
}

/**
 * Authentication for providers that do not sign their webhooks. Every
 * configured check must pass (they combine with AND).
 */
export interface RequestAuthOptions {
  /** Static headers, all required, compared in constant time. */
  headers?: readonly StaticHeaderCredential[];
  /** Basic-auth credentials; any one pair is accepted. */
  basicAuth?: BasicAuthCredential | readonly BasicAuthCredential[];
  ipAllowlist?: IpAllowlistOptions;
  /** A custom check; return false (or throw) to refuse the request. */
  verify?: (request: RawWebhookRequest) => boolean | Promise<boolean>;
}

/**
 * Checks one request; throws `AuthenticationError` when it is refused, and
 * returns what the check covered (`credentials`, or `none` when opted out).
 */
export type RequestAuthenticator = (
  request: RawWebhookRequest,
) => Promise<WebhookVerificationV1>;

function fail(
  provider: string,
  method: AuthenticationMethod,
  message: string,
): never {
  throw new AuthenticationError({ provider, method, message });
}

/** The client address, honouring only the configured number of proxies. */
export function clientAddress(
  request: RawWebhookRequest,
  trustedProxies = 0,
): string | undefined {
  if (trustedProxies <= 0) return request.remoteAddress;
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map(part => part.trim())
    .filter(part => part !== '');
  if (forwarded.length === 0) return request.remoteAddress;
  return forwarded[Math.max(0, forwarded.length - trustedProxies)];
}

function hasAnyCheck(options: RequestAuthOptions): boolean {
  const basic = options.basicAuth;
  return (
    (options.headers?.length ?? 0) > 0 ||
    (basic !== undefined && (!Array.isArray(basic) || basic.length > 0)) ||
    (options.ipAllowlist?.allow.length ?? 0) > 0 ||
    options.verify !== undefined
  );
}

/**
 * Builds the authenticator for a provider without signatures. Refuses (with
 * `ConfigurationError`) to build one with no check at all unless
 * `dangerouslyAllowUnauthenticated` is set, so an unauthenticated endpoint
 * is always a visible, deliberate choice in code review.
 */
export function createRequestAuthenticator(
  options: RequestAuthOptions & { dangerouslyAllowUnauthenticated?: boolean },
  { provider }: { provider: string },
): RequestAuthenticator {
  if (!hasAnyCheck(options)) {
    if (options.dangerouslyAllowUnauthenticated === true)
      return async () => unauthenticatedVerification();
    throw new ConfigurationError({
      provider,
      message: `${provider}: no authentication configured. ${provider} does not sign webhooks, so configure a static header, basic auth, an IP allowlist or a custom verifier; set \`dangerouslyAllowUnauthenticated: true\` only if you accept forged events.`,
    });
  }
  const headers = (options.headers ?? []).map(header => {
    const values =
      typeof header.value === 'string' ? [header.value] : [...header.value];
    if (
      header.name.trim() === '' ||
      values.length === 0 ||
      values.some(value => value === '')
    ) {
      throw new ConfigurationError({
        provider,
        message: `${provider}: a static header needs a name and a non-empty value.`,
      });
    }
    return { name: header.name.toLowerCase(), values };
  });
  const basic =
    options.basicAuth === undefined
      ? []
      : Array.isArray(options.basicAuth)
        ? (options.basicAuth as readonly BasicAuthCredential[])
        : [options.basicAuth as BasicAuthCredential];
  const ranges = (options.ipAllowlist?.allow ?? []).map(entry => {
    const range = parseIpRange(entry);
    if (range === undefined) {
      throw new ConfigurationError({
        provider,
        message: `${provider}: "${entry}" in ipAllowlist is not an IP address or CIDR range.`,
      });
    }
    return range;
  });

  return async request => {
    for (const header of headers) {
      const received = request.headers.get(header.name);
      if (received === null)
        fail(
          provider,
          'static_header',
          `The "${header.name}" header is missing.`,
        );
      let ok = false;
      for (const value of header.values)
        if (timingSafeEqual(received, value)) ok = true;
      if (!ok)
        fail(
          provider,
          'static_header',
          `The "${header.name}" header has the wrong value.`,
        );
    }
    if (basic.length > 0) {
      const authorization = request.headers.get('authorization') ?? '';
      const match = /^basic\s+(\S+)$/i.exec(authorization);
      if (match === null)
        fail(provider, 'basic_auth', 'Basic-auth credentials are missing.');
      let ok = false;
      for (const credential of basic) {
        const expected = toBase64(
          utf8Encode(`${credential.username}:${credential.password}`),
        );
        if (timingSafeEqual(match[1]!, expected)) ok = true;
      }
      if (!ok)
        fail(provider, 'basic_auth', 'Basic-auth credentials are wrong.');
    }
    if (ranges.length > 0) {
      const text = clientAddress(request, options.ipAllowlist?.trustedProxies);
      const address = text === undefined ? undefined : parseIpAddress(text);
      if (
        address === undefined ||
        !ranges.some(range => ipInRange(address, range))
      ) {
        fail(
          provider,
          'ip_allowlist',
          `The source address ${text ?? '(unknown)'} is not in the allowlist.`,
        );
      }
    }
    if (options.verify !== undefined) {
      let ok: boolean;
      try {
        ok = await options.verify(request);
      } catch (cause) {
        throw new AuthenticationError({
          provider,
          method: 'custom',
          message: 'The custom verifier threw.',
          cause,
        });
      }
      if (!ok)
        fail(provider, 'custom', 'The custom verifier refused the request.');
    }
    return credentialsVerification();
  };
}
