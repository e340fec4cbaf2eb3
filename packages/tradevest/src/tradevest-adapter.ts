import { defineWebhookAdapter } from '@finhooks/core';
import type { WebhookAdapterV1, WebhookEventsOf } from '@finhooks/core';
import { parseTradevestBody } from './parse-tradevest-body';
import type { TradevestAdapterSettings } from './tradevest-adapter-settings';
import { tradevestEvents } from './tradevest-events';
import { tradevestNativeTypeOf } from './tradevest-paths';
import { createTradevestAuthenticator } from './tradevest-verify';

/**
 * Every event the Tradevest adapter emits: narrow on `nativeType` (or
 * `type`) to get `data` typed exactly. There is no `tradevest.unknown`
 * member: the path names the type, and an unknown path is a 404.
 */
export type TradevestEvent = Exclude<
  WebhookEventsOf<'tradevest', typeof tradevestEvents>,
  { type: 'tradevest.unknown' }
>;

/** The adapter {@link createTradevestAdapter} returns. */
export type TradevestAdapter = WebhookAdapterV1<TradevestEvent>;

/**
 * Creates the Tradevest adapter: one path per notification type (the last
 * path segment, under any prefix), authenticated by the static headers
 * configured on the webhook, ids from core's deterministic hash (Tradevest
 * sends no delivery id), JSON numbers kept as exact decimal strings.
 *
 * @throws ConfigurationError when no header, no allowlist and no explicit
 * `dangerouslyAllowUnauthenticated` is given, or a setting is unusable.
 */
export function createTradevestAdapter(
  settings: TradevestAdapterSettings,
): TradevestAdapter {
  const authenticate = createTradevestAuthenticator(settings);
  const adapter = defineWebhookAdapter({
    provider: 'tradevest',
    methods: ['POST'],
    sensitiveHeaders: (settings.headers ?? []).map(header => header.name),
    events: tradevestEvents,
    authenticate,
    parseBody: parseTradevestBody,
    // Throws RouteNotFoundError outside the catalogue, so core never builds
    // a `tradevest.unknown` event: the narrower type below is exact.
    nativeType: request => tradevestNativeTypeOf(request),
    // No eventId: Tradevest has no delivery id, so core hashes
    // provider, native type and raw body (DESIGN §2).
  });
  return adapter as TradevestAdapter;
}
