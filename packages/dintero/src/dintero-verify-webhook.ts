import {
  verifyWebhook,
  type VerifyWebhookOptions,
  type WebhookInput,
  type WebhookReceiveResultV1,
} from '@finhooks/core';
import {
  createDinteroAdapter,
  type DinteroAdapter,
  type DinteroEvent,
} from './dintero-adapter';
import type { DinteroAdapterSettings } from './dintero-adapter-settings';

// One adapter per settings object: repeated calls with the same (module
// level) settings do not validate them and build the adapter again.
const adapters = new WeakMap<DinteroAdapterSettings, DinteroAdapter>();

function adapterFor(settings: DinteroAdapterSettings): DinteroAdapter {
  let adapter = adapters.get(settings);
  if (adapter === undefined) {
    adapter = createDinteroAdapter(settings);
    adapters.set(settings, adapter);
  }
  return adapter;
}

/**
 * One call, no router: verifies one Dintero delivery (a Hooks API delivery
 * or a Checkout callback) and returns what it is —
 * `{ kind: 'event', event }` (typed, with its `authenticity` flags),
 * `{ kind: 'invalid', event }` (authentic but failing its schema: keep it)
 * or `{ kind: 'handshake', handshake }` (a `ping`; answer 200) — or rejects
 * with a typed finhooks error whose `httpStatus` says what to answer (401
 * for a forged or unsigned delivery, `ConfigurationError` for settings
 * without a secret).
 *
 * `input` is a Fetch `Request` or `{ body, headers, url, method? }`, with
 * the raw body exactly as received and the absolute URL Dintero called
 * (a callback's URL is signed). The adapter is built once per `settings`
 * object: keep the object at module level, and pass a new object to change
 * the settings. Deduplication is yours: store `event.identity.key`.
 */
export async function verifyDinteroWebhook(
  input: Request | WebhookInput,
  settings: DinteroAdapterSettings,
  options?: VerifyWebhookOptions,
): Promise<WebhookReceiveResultV1<DinteroEvent>> {
  return verifyWebhook(adapterFor(settings), input, options);
}
