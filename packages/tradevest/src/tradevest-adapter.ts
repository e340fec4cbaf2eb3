import { defineWebhookAdapter } from '@finhooks/core';
import type { WebhookAdapterV1, WebhookEventsOf } from '@finhooks/core';
import { parseTradevestBody } from './parse-tradevest-body';
import {
  tradevestDefaultDedupWindowMs,
  type TradevestAdapterSettings,
} from './tradevest-adapter-settings';
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
 * configured on the webhook (`authenticity.scheme: 'credentials'`), JSON
 * numbers kept as exact decimal strings.
 *
 * Tradevest sends no delivery id, so every event has a `content` identity:
 * a delivery is a retry only if its bytes equal the latest stored event of
 * the same type and object within `dedupWindowMs` (default 24 h).
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
    // The configured headers are the credential: never stored or logged.
    sensitiveHeaders: (settings.headers ?? []).map(header => header.name),
    events: tradevestEvents,
    authenticate,
    parseBody: parseTradevestBody,
    // Throws RouteNotFoundError outside the catalogue, so core never builds
    // a `tradevest.unknown` event: the narrower type below is exact.
    nativeType: request => ({
      value: tradevestNativeTypeOf(request),
      from: 'url',
    }),
    // No id in any Tradevest body: core hashes provider, native type and
    // the raw body, and the store compares it with the latest event of the
    // same type and subject (each event's `describe` sets the subject).
    identity: () => ({ source: 'content' }),
    contentWindowMs: settings.dedupWindowMs ?? tradevestDefaultDedupWindowMs,
  });
  return adapter as TradevestAdapter;
}
