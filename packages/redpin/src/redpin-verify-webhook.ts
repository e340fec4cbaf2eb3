import {
  verifyWebhook,
  type VerifyWebhookOptions,
  type WebhookInput,
  type WebhookReceiveResultV1,
} from '@finhooks/core';
import {
  createRedpinAdapter,
  type RedpinAdapter,
  type RedpinEvent,
} from './redpin-adapter';
import type { RedpinAdapterSettings } from './redpin-adapter-settings';

// One adapter per settings object: repeated calls with the same (module
// level) settings do not validate them and build the adapter again.
const adapters = new WeakMap<RedpinAdapterSettings, RedpinAdapter>();

function adapterFor(settings: RedpinAdapterSettings): RedpinAdapter {
  let adapter = adapters.get(settings);
  if (adapter === undefined) {
    adapter = createRedpinAdapter(settings);
    adapters.set(settings, adapter);
  }
  return adapter;
}

/**
 * One call, no router: checks one Redpin delivery with the configured
 * `auth` and returns what it is — `{ kind: 'event', event }` (typed, with
 * its `authenticity` flags: `scheme: 'credentials'`, no replay protection)
 * or `{ kind: 'invalid', event }` (authentic but failing its schema, or an
 * ambiguous flat body: keep it) — or rejects with a typed finhooks error
 * whose `httpStatus` says what to answer (`AuthenticationError`, 401, for
 * a missing or wrong credential; `ConfigurationError` for settings without
 * any check).
 *
 * `input` is a Fetch `Request` or `{ body, headers, url, method?,
 * remoteAddress? }` (Node's `req.headers` as is; `remoteAddress` for an
 * IP allowlist), with the raw body exactly as received. The adapter is
 * built once per `settings` object: keep the object at module level, and
 * pass a new object to change the settings. Deduplication is yours: store
 * `event.identity.key`.
 */
export async function verifyRedpinWebhook(
  input: Request | WebhookInput,
  settings: RedpinAdapterSettings,
  options?: VerifyWebhookOptions,
): Promise<WebhookReceiveResultV1<RedpinEvent>> {
  return verifyWebhook(adapterFor(settings), input, options);
}
