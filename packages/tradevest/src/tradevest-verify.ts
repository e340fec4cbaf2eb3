import { createRequestAuthenticator } from '@finhooks/core';
import type { RawWebhookRequest, WebhookAuthentication } from '@finhooks/core';
import {
  assertTradevestSettings,
  type TradevestAdapterSettings,
} from './tradevest-adapter-settings';

/**
 * Tradevest signs nothing: the only credential is the static headers the
 * partner configured on the webhook. Checks them (and the optional IP
 * allowlist) with core's constant-time authenticator; refuses to build with
 * no check unless `dangerouslyAllowUnauthenticated` is set.
 *
 * The verification is core's: `credentials` (the configured headers proved
 * the sender; TLS keeps the request intact; no timestamp, so no replay
 * protection), or `none` when the user opted out.
 */
export function createTradevestAuthenticator(
  settings: TradevestAdapterSettings,
): (request: RawWebhookRequest) => Promise<WebhookAuthentication> {
  assertTradevestSettings(settings);
  const { headers, ipAllowlist, dangerouslyAllowUnauthenticated } = settings;
  const authenticator = createRequestAuthenticator(
    {
      ...(headers === undefined ? {} : { headers }),
      ...(ipAllowlist === undefined ? {} : { ipAllowlist }),
      ...(dangerouslyAllowUnauthenticated === undefined
        ? {}
        : { dangerouslyAllowUnauthenticated }),
    },
    { provider: 'tradevest' },
  );
  return async request => ({ verification: await authenticator(request) });
}
