import { describe, expectTypeOf, it } from 'vitest';
import { createRedpinAdapter, type RedpinEvent } from './redpin-adapter';
import type {
  RedpinAdapterSettings,
  RedpinAuthSettings,
} from './redpin-adapter-settings';
import { verifyRedpinWebhook } from './redpin-verify-webhook';

declare const token: string;
declare const input: Request;

describe('createRedpinAdapter settings', () => {
  it('should compile with at least one check, or the explicit opt-out', () => {
    createRedpinAdapter({
      auth: { headers: [{ name: 'x-key', value: token }] },
    });
    createRedpinAdapter({
      auth: { basicAuth: { username: 'u', password: token } },
    });
    createRedpinAdapter({
      auth: { ipAllowlist: { allow: ['203.0.113.0/24'] } },
    });
    createRedpinAdapter({ auth: { verify: () => true } });
    createRedpinAdapter({
      auth: {
        headers: [{ name: 'x-key', value: [token, 'next'] }],
        ipAllowlist: { allow: ['203.0.113.7'], trustedProxies: 1 },
        sensitiveHeaders: ['x-client-cert'],
      },
      dedupWindowMs: 60_000,
    });
    createRedpinAdapter({ auth: { dangerouslyAllowUnauthenticated: true } });
  });

  it('should not compile without a credential', () => {
    // @ts-expect-error: `auth` is required
    createRedpinAdapter({});
    // @ts-expect-error: no check configured
    createRedpinAdapter({ auth: {} });
    // @ts-expect-error: only extra sensitive headers, no check
    createRedpinAdapter({ auth: { sensitiveHeaders: ['x-client-cert'] } });
    // @ts-expect-error: the opt-out must be `true`
    createRedpinAdapter({ auth: { dangerouslyAllowUnauthenticated: false } });
    createRedpinAdapter({
      // @ts-expect-error: a misspelt check is no check
      auth: { header: [{ name: 'x-key', value: token }] },
    });
    // @ts-expect-error: the one-call verify takes the same settings
    void verifyRedpinWebhook(input, { auth: {} });
  });

  it('should accept settings typed as the exported types', () => {
    const auth: RedpinAuthSettings = { verify: () => true };
    const settings: RedpinAdapterSettings = { auth };
    createRedpinAdapter(settings);
    expectTypeOf(settings.auth.headers).toEqualTypeOf<
      RedpinAuthSettings['headers']
    >();
  });

  it('should type what the one-call verify returns', async () => {
    const result = await verifyRedpinWebhook(input, {
      auth: { verify: () => true },
    });
    if (result.kind === 'event') {
      expectTypeOf(result.event).toEqualTypeOf<RedpinEvent>();
      if (result.event.type === 'payment.status_changed')
        expectTypeOf(result.event.data.payment_id).toEqualTypeOf<string>();
    }
  });
});
