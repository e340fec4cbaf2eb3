import { createRequestAuthenticator } from '@finhooks/core';
import type { RequestAuthenticator } from '@finhooks/core';
import {
  assertTradevestSettings,
  type TradevestAdapterSettings,
} from './tradevest-adapter-settings';

/**
 * Tradevest signs nothing: the only credential is the static headers the
 * partner configured on the webhook. Checks them (and the optional IP
 * allowlist) with core's constant-time authenticator; refuses to build with
 * no check unless `dangerouslyAllowUnauthenticated` is set.
 */
export function createTradevestAuthenticator(
  settings: TradevestAdapterSettings,
): RequestAuthenticator {
  assertTradevestSettings(settings);
  const { headers, ipAllowlist, dangerouslyAllowUnauthenticated } = settings;
  return createRequestAuthenticator(
    {
      ...(headers === undefined ? {} : { headers }),
      ...(ipAllowlist === undefined ? {} : { ipAllowlist }),
      ...(dangerouslyAllowUnauthenticated === undefined
        ? {}
        : { dangerouslyAllowUnauthenticated }),
    },
    { provider: 'tradevest' },
  );
}
