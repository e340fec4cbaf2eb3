import {
  verifyWebhook,
  type VerifyWebhookOptions,
  type WebhookInput,
  type WebhookReceiveResultV1,
} from '@finhooks/core';
import {
  createTradevestAdapter,
  type TradevestAdapter,
  type TradevestEvent,
} from './tradevest-adapter';
import type { TradevestAdapterSettings } from './tradevest-adapter-settings';

// One adapter per settings object: repeated calls with the same (module
// level) settings do not validate them and build the adapter again.
const adapters = new WeakMap<TradevestAdapterSettings, TradevestAdapter>();

function adapterFor(settings: TradevestAdapterSettings): TradevestAdapter {
  let adapter = adapters.get(settings);
  if (adapter === undefined) {
    adapter = createTradevestAdapter(settings);
    adapters.set(settings, adapter);
  }
  return adapter;
}

/**
 * One call, no router: checks one Tradevest delivery against the headers
 * configured on the webhook (and the optional IP allowlist) and returns
 * what it is — `{ kind: 'event', event }` (typed, with its `authenticity`
 * flags: `scheme: 'credentials'`, no replay protection) or
 * `{ kind: 'invalid', event }` (authentic but failing its schema: keep
 * it) — or rejects with a typed finhooks error whose `httpStatus` says what
 * to answer (`AuthenticationError`, 401, for a missing or wrong header;
 * `RouteNotFoundError`, 404, for a path that names no notification type;
 * `ConfigurationError` for settings without any check).
 *
 * `input` is a Fetch `Request` or `{ body, headers, url, method?,
 * remoteAddress? }` (Node's `req.headers` as is), with the raw body exactly
 * as received and the absolute URL Tradevest called: its last path segment
 * names the type (`…/customer-notification`). The adapter is built once per
 * `settings` object: keep the object at module level, and pass a new
 * object to change the settings. Deduplication is yours: store
 * `event.identity.key`.
 */
export async function verifyTradevestWebhook(
  input: Request | WebhookInput,
  settings: TradevestAdapterSettings,
  options?: VerifyWebhookOptions,
): Promise<WebhookReceiveResultV1<TradevestEvent>> {
  return verifyWebhook(adapterFor(settings), input, options);
}
