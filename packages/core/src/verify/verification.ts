import type { WebhookVerificationV1 } from '../envelope/v1/webhook-trust-v1';

/** What an HMAC signature covered: list exactly the parts in the signed string. */
export function signatureVerification(covered: {
  body?: boolean;
  url?: boolean;
  timestamp?: boolean;
  /** Lower-case names of signed headers. */
  headers?: readonly string[];
}): WebhookVerificationV1 {
  return {
    scheme: 'signature',
    body: covered.body ?? false,
    url: covered.url ?? false,
    timestamp: covered.timestamp ?? false,
    headers: [...(covered.headers ?? [])],
  };
}

/**
 * A shared credential (static header, basic auth, IP allowlist, custom
 * check) proved the sender: every part of the request is the sender's,
 * and TLS keeps it intact. No timestamp bounds a replay.
 */
export function credentialsVerification(): WebhookVerificationV1 {
  return {
    scheme: 'credentials',
    body: true,
    url: true,
    timestamp: false,
    headers: [],
  };
}

/** The user opted out of authentication: nothing is authentic. */
export function unauthenticatedVerification(): WebhookVerificationV1 {
  return {
    scheme: 'none',
    body: false,
    url: false,
    timestamp: false,
    headers: [],
  };
}
