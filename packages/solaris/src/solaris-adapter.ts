import {
  defineWebhookAdapter,
  requireHeader,
  type RawWebhookRequest,
  type WebhookHandshakeV1,
} from '@finhooks/core';
import type { SolarisAdapterSettings } from './solaris-adapter-settings';
import { parseSolarisBody } from './solaris-body';
import { describeSolarisDelivery } from './solaris-delivery';
import { solarisFallbackEventId, solarisWebhookId } from './solaris-event-id';
import { solarisEvents } from './solaris-events';
import {
  eventTypeHeader,
  headerValue,
  subscriptionCheckType,
} from './solaris-headers';
import { assertSolarisSettings, verifySolarisRequest } from './solaris-verify';

const provider = 'solaris';

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

function buildSolarisAdapter(settings: SolarisAdapterSettings) {
  return defineWebhookAdapter({
    provider,
    methods: ['POST'],
    events: solarisEvents,
    unsignedHandshake: subscriptionCheck,
    // A signed check (should Solaris ever sign it) is a handshake too.
    handshakeTypes: [subscriptionCheckType],
    authenticate: request => verifySolarisRequest(request, settings),
    parseBody: parseSolarisBody,
    nativeType: request =>
      requireHeader(request, eventTypeHeader, { provider, httpStatus: 400 }),
    // Core's default hashes the body alone; without a Solaris-Webhook-Id the
    // entity id must be part of the id (see solarisFallbackEventId).
    eventId: async (request, _body, nativeType) =>
      solarisWebhookId(request) ??
      (await solarisFallbackEventId(request, nativeType)),
    describeDelivery: describeSolarisDelivery,
  });
}

/** The adapter {@link createSolarisAdapter} returns. */
export type SolarisAdapter = ReturnType<typeof buildSolarisAdapter>;

/**
 * Creates the Solaris adapter: verifies `Solaris-Webhook-Signature`
 * (`sha256=<hex>`, HMAC of the raw body) with the secret of the event
 * type's subscription, answers the `WEBHOOK-SUBSCRIPTION` check, and maps
 * every known event type to a typed, normalized event.
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
