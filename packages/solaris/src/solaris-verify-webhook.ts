import {
  verifyWebhook,
  type VerifyWebhookOptions,
  type WebhookInput,
  type WebhookReceiveResultV1,
} from '@finhooks/core';
import { createSolarisAdapter, type SolarisAdapter } from './solaris-adapter';
import type { SolarisAdapterSettings } from './solaris-adapter-settings';
import type { SolarisEvent } from './solaris-event-types';

// One adapter per settings object: repeated calls with the same settings
// do not rebuild it (nor re-read the settings: change them by passing a
// new object).
const adapters = new WeakMap<SolarisAdapterSettings, SolarisAdapter>();

/**
 * Verifies one Solaris delivery without the router: the `Solaris-Webhook-
 * Signature` HMAC of the raw body under the event type's secret, then the
 * typed, normalized event.
 *
 * Resolves to `{ kind: 'event', event }` (check `event.authenticity`
 * before acting on a part it flags `false`), `{ kind: 'invalid', event }`
 * (authentic, but failing its schema: keep it) or `{ kind: 'handshake',
 * handshake }` (the `WEBHOOK-SUBSCRIPTION` check: answer
 * `handshake.response`). Rejects with a typed finhooks error whose
 * `httpStatus` says what to answer (401 for a bad signature,
 * `ConfigurationError` for settings without a secret). Deduplication is
 * yours: store `event.identity.key` (Solaris signs no id).
 *
 * @example
 * const settings = { secrets: { BOOKING: process.env.SOLARIS_BOOKING_SECRET! } };
 * export async function POST(request: Request) {
 *   const result = await verifySolarisWebhook(request, settings);
 *   if (result.kind === 'event' && result.event.type === 'booking.created')
 *     console.log(result.event.data.amount.value);
 *   return new Response(null, { status: 200 });
 * }
 */
export async function verifySolarisWebhook(
  input: Request | WebhookInput,
  settings: SolarisAdapterSettings,
  options?: VerifyWebhookOptions,
): Promise<WebhookReceiveResultV1<SolarisEvent>> {
  let adapter = adapters.get(settings);
  if (adapter === undefined) {
    adapter = createSolarisAdapter(settings);
    adapters.set(settings, adapter);
  }
  return verifyWebhook(adapter, input, options);
}
