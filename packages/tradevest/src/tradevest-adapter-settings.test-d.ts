import { describe, expectTypeOf, it } from 'vitest';
import {
  createTradevestAdapter,
  type TradevestEvent,
} from './tradevest-adapter';
import type { TradevestAdapterSettings } from './tradevest-adapter-settings';
import { verifyTradevestWebhook } from './tradevest-verify-webhook';

declare const key: string;
declare const input: Request;

describe('createTradevestAdapter settings', () => {
  it('should compile with headers, an allowlist, or the explicit opt-out', () => {
    createTradevestAdapter({ headers: [{ name: 'api-key', value: key }] });
    createTradevestAdapter({ ipAllowlist: { allow: ['203.0.113.0/24'] } });
    createTradevestAdapter({
      headers: [{ name: 'api-key', value: [key, 'next'] }],
      ipAllowlist: { allow: ['203.0.113.7'], trustedProxies: 1 },
      dedupWindowMs: 60_000,
    });
    createTradevestAdapter({ dangerouslyAllowUnauthenticated: true });
  });

  it('should not compile without a credential', () => {
    // @ts-expect-error: no check configured
    createTradevestAdapter({});
    // @ts-expect-error: a window is no check
    createTradevestAdapter({ dedupWindowMs: 60_000 });
    // @ts-expect-error: the opt-out must be `true`
    createTradevestAdapter({ dangerouslyAllowUnauthenticated: false });
    // @ts-expect-error: a misspelt setting is no check
    createTradevestAdapter({ header: [{ name: 'api-key', value: key }] });
    // @ts-expect-error: the one-call verify takes the same settings
    void verifyTradevestWebhook(input, {});
  });

  it('should accept settings typed as the exported type', () => {
    const settings: TradevestAdapterSettings = {
      headers: [{ name: 'api-key', value: key }],
    };
    createTradevestAdapter(settings);
    expectTypeOf(settings.dedupWindowMs).toEqualTypeOf<number | undefined>();
  });

  it('should type what the one-call verify returns', async () => {
    const result = await verifyTradevestWebhook(input, {
      headers: [{ name: 'api-key', value: key }],
    });
    if (result.kind === 'event') {
      expectTypeOf(result.event).toEqualTypeOf<TradevestEvent>();
      if (result.event.nativeType === 'TRANSFER_NOTIFICATION')
        expectTypeOf(result.event.data.transferId).toEqualTypeOf<string>();
    }
  });
});
