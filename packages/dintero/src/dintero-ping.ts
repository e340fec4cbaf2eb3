import {
  safeParseJson,
  type RawWebhookRequest,
  type WebhookHandshakeV1,
} from '@finhooks/core';
import { dinteroHooksSignatureHeader } from './dintero-hooks-verify';
import { dinteroPingType } from './dintero-hook-identity';
import { dinteroProvider } from './dintero-provider';

/** A subscription object is small; anything larger is not a ping. */
const maxPingBytes = 16 * 1024;

// Keys whose values are credentials, whatever their shape: the subscription's
// `config.secret` may be a string or `{ type, value }`.
const secretKey =
  /secret|password|passphrase|token|api[-_]?key|private[-_]?key/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of a subscription object without its secret: every value under a
 * secret-looking key (`config.secret`, whatever its shape) is replaced by
 * `"[redacted]"`, so neither `onHandshake` nor a log ever sees it.
 */
export function redactDinteroSubscription(value: unknown, depth = 0): unknown {
  if (depth > 16 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    return value.map(item => redactDinteroSubscription(item, depth + 1));
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] =
      secretKey.test(key) && item !== null && item !== undefined
        ? '[redacted]'
        : redactDinteroSubscription(item, depth + 1);
  }
  return copy;
}

/**
 * Whether a Hooks body is the subscription object of a `ping`: an object
 * without `event`, with a `config` object and an `events` array.
 */
export function isDinteroSubscription(body: unknown): boolean {
  return (
    isRecord(body) &&
    !Object.hasOwn(body, 'event') &&
    isRecord(body.config) &&
    Array.isArray(body.events)
  );
}

/**
 * Dintero sends `ping` (on subscription create, or from the ping endpoint)
 * without `event-signature` when the subscription has no secret. Such a
 * ping changes nothing, so it is answered 200 as a handshake instead of
 * 401 — but only when it is narrowly one: a POST to a Hooks path, header
 * `event: ping`, no signature header (a signed ping is verified as usual,
 * so a wrong secret shows up at subscription time), and a small JSON body
 * that is a subscription object. Its secret is redacted from `data`.
 */
export function dinteroUnsignedPing(
  request: RawWebhookRequest,
  isHooksPath: boolean,
): WebhookHandshakeV1 | undefined {
  if (
    !isHooksPath ||
    request.method !== 'POST' ||
    request.headers.get('event')?.trim() !== dinteroPingType ||
    request.headers.has(dinteroHooksSignatureHeader) ||
    request.body.length === 0 ||
    request.body.length > maxPingBytes
  ) {
    return undefined;
  }
  let body: unknown;
  try {
    body = safeParseJson(request.body, { provider: dinteroProvider });
  } catch {
    return undefined;
  }
  if (!isDinteroSubscription(body)) return undefined;
  return {
    provider: dinteroProvider,
    nativeType: dinteroPingType,
    response: { status: 200 },
    data: redactDinteroSubscription(body),
  };
}
