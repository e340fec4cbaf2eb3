import {
  defineWebhookAdapter,
  requireHeader,
  type RawWebhookRequest,
  type WebhookHandshakeV1,
} from '@finhooks/core';
import type {
  SolarisAdapterOptions,
  SolarisAdapterSettings,
} from './solaris-adapter-settings';
import { parseSolarisBody } from './solaris-body';
import { describeSolarisDelivery } from './solaris-delivery';
import { solarisEvents } from './solaris-events';
import {
  eventTypeHeader,
  headerValue,
  signatureHeader,
  subscriptionCheckType,
} from './solaris-headers';
import {
  assertSolarisSettings,
  solarisSecretSource,
  verifySolarisRequest,
} from './solaris-verify';

const provider = 'solaris';

/**
 * Solaris retries a notification with exponential backoff for up to 5
 * days (docs/providers/solaris.md#retries): identical signed bodies of
 * one type and subject within that time are one event.
 */
export const solarisDefaultDedupWindowMs = 5 * 24 * 60 * 60 * 1000;

/**
 * Solaris checks a new subscription's URL with an unsigned POST: empty
 * body, `Solaris-Webhook-Event-Type: WEBHOOK-SUBSCRIPTION`. Only exactly
 * that is answered without a signature; it carries nothing to act on.
 */
function subscriptionCheck(
  request: RawWebhookRequest,
): WebhookHandshakeV1 | undefined {
  const eventType = headerValue(request, eventTypeHeader)?.toUpperCase();
  const blank = new TextDecoder().decode(request.body).trim() === '';
  return request.method === 'POST' &&
    eventType === subscriptionCheckType &&
    blank
    ? { provider, nativeType: subscriptionCheckType, response: { status: 200 } }
    : undefined;
}

function buildSolarisAdapter(settings: SolarisAdapterOptions) {
  const secrets = solarisSecretSource(settings);
  return defineWebhookAdapter({
    provider,
    methods: ['POST'],
    sensitiveHeaders: [signatureHeader],
    events: solarisEvents,
    unsignedHandshake: subscriptionCheck,
    // A signed check (should Solaris ever sign it) is a handshake too.
    handshakeTypes: [subscriptionCheckType],
    authenticate: request => verifySolarisRequest(request, settings, secrets),
    parseBody: parseSolarisBody,
    nativeType: request => ({
      value: requireHeader(request, eventTypeHeader, {
        provider,
        httpStatus: 400,
      }),
      from: `header:${eventTypeHeader}`,
    }),
    // Solaris signs neither an id nor a timestamp, and `Solaris-Webhook-Id`
    // is an unsigned header anyone could refresh: the signed body is the
    // identity, compared with the subject's latest event within the window.
    identity: () => ({ source: 'content' }),
    contentWindowMs: settings.dedupWindowMs ?? solarisDefaultDedupWindowMs,
    describeDelivery: describeSolarisDelivery,
  });
}

/** The adapter {@link createSolarisAdapter} returns. */
export type SolarisAdapter = ReturnType<typeof buildSolarisAdapter>;

/**
 * Creates the Solaris adapter: verifies `Solaris-Webhook-Signature`
 * (`sha256=<hex>`, HMAC of the raw body) with the secret of the event
 * type's subscription, answers the `WEBHOOK-SUBSCRIPTION` check, and maps
 * every known event type to a typed, normalized event. The event type is
 * authenticated only by a secret of that type alone; `PERSON_DELETED` and
 * `BUSINESS_DELETED` need one (or `allowSharedSecretForDeletions`).
 *
 * Throws `ConfigurationError` when no secret is configured.
 *
 * @example
 * const solaris = createSolarisAdapter({
 *   secrets: { BOOKING: process.env.SOLARIS_BOOKING_SECRET! },
 *   defaultSecret: process.env.SOLARIS_WEBHOOK_SECRET,
 * });
 */
export function createSolarisAdapter(
  settings: SolarisAdapterSettings,
): SolarisAdapter {
  assertSolarisSettings(settings);
  // A copy: later changes to the caller's object do not alter verification.
  return buildSolarisAdapter({ ...settings });
}
