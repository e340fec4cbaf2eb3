import {
  AuthenticationError,
  ConfigurationError,
  createRawWebhookRequest,
  type RawWebhookRequestInit,
} from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import { createTradevestAdapter } from './tradevest-adapter';
import type { TradevestAdapterSettings } from './tradevest-adapter-settings';

const request = (init: Partial<RawWebhookRequestInit> = {}) =>
  createRawWebhookRequest({
    url: 'https://partner.example.com/user-notification',
    body: '{"userId":"u-1","notificationType":"CREATED"}',
    ...init,
  });

async function refusal(
  settings: TradevestAdapterSettings,
  init: Partial<RawWebhookRequestInit>,
) {
  return createTradevestAdapter(settings)
    .receive(request(init))
    .then(
      () => undefined,
      (error: unknown) => error,
    );
}

function configurationError(build: () => unknown): ConfigurationError {
  let caught: unknown;
  try {
    build();
  } catch (error) {
    caught = error;
  }
  expect(ConfigurationError.isInstance(caught), String(caught)).toBe(true);
  return caught as ConfigurationError;
}

describe('createTradevestAdapter settings', () => {
  it('should refuse to be built without any check', () => {
    // @ts-expect-error: no check configured (refused by the type as well)
    configurationError(() => createTradevestAdapter({}));
    configurationError(() => createTradevestAdapter({ headers: [] }));
    configurationError(() =>
      createTradevestAdapter({
        dangerouslyAllowUnauthenticated: false,
      } as unknown as TradevestAdapterSettings),
    );
  });

  it('should refuse an empty header value', () => {
    configurationError(() =>
      createTradevestAdapter({ headers: [{ name: 'api-key', value: '' }] }),
    );
    configurationError(() =>
      createTradevestAdapter({ headers: [{ name: 'api-key', value: [] }] }),
    );
  });

  it('should refuse more than the five headers Tradevest can send', () => {
    const headers = Array.from({ length: 6 }, (_, index) => ({
      name: `h${index}`,
      value: 'v',
    }));
    expect(
      configurationError(() => createTradevestAdapter({ headers })).message,
    ).toMatch(/at most 5/);
  });

  it('should refuse a header name with whitespace and a misspelt setting', () => {
    configurationError(() =>
      createTradevestAdapter({ headers: [{ name: 'api key', value: 'v' }] }),
    );
    const misspelt = {
      header: [{ name: 'api-key', value: 'v' }],
    } as unknown as TradevestAdapterSettings;
    expect(
      configurationError(() => createTradevestAdapter(misspelt)).message,
    ).toMatch(/unknown setting "header"/);
  });

  it('should name each unusable setting in readable words', () => {
    const message = (settings: unknown) =>
      configurationError(() =>
        createTradevestAdapter(settings as TradevestAdapterSettings),
      ).message;
    const headers = [{ name: 'api-key', value: 'k' }];
    expect(message({ headers, dedupWindowMs: 1.5 })).toContain(
      'dedupWindowMs: a whole number of milliseconds',
    );
    expect(message({ headers, dedupWindowMs: -1 })).toContain(
      'dedupWindowMs: a positive number of milliseconds',
    );
    expect(message({ headers, dedupWindowMs: '60000' })).toContain(
      'dedupWindowMs: expected number',
    );
    expect(message({ headers: [{ name: 'api key', value: 'k' }] })).toContain(
      'headers.0.name: a header name without spaces',
    );
    expect(
      message({ ipAllowlist: { allow: ['203.0.113.7'], trustedProxies: -1 } }),
    ).toContain('ipAllowlist.trustedProxies: expected at least 0');
    expect(
      message({ headers: [{ name: 'api-key', value: ['k', 1], extra: 1 }] }),
    ).toBe(
      'tradevest: invalid settings (headers.0: unknown setting "extra"; headers.0.value: invalid value).',
    );
    expect(
      message({ headers, dedupWindowMs: Number.POSITIVE_INFINITY }),
    ).toContain('dedupWindowMs: expected number');
    expect(message({ ipAllowlist: { allow: ['203.0.113.7', 7] } })).toContain(
      'ipAllowlist.allow.1: expected string',
    );
  });

  it('should run unauthenticated only with the explicit opt-out', async () => {
    const adapter = createTradevestAdapter({
      dangerouslyAllowUnauthenticated: true,
    });
    expect((await adapter.receive(request())).kind).toBe('event');
  });
});

describe('header authentication', () => {
  const settings: TradevestAdapterSettings = {
    headers: [
      { name: 'api-key', value: ['new-key', 'old-key'] },
      { name: 'X-Partner', value: 'acme' },
    ],
  };

  it('should accept every configured header, names case-insensitive, any rotation value', async () => {
    const adapter = createTradevestAdapter(settings);
    for (const key of ['new-key', 'old-key']) {
      const result = await adapter.receive(
        request({ headers: { 'API-KEY': key, 'x-partner': 'acme' } }),
      );
      expect(result.kind).toBe('event');
    }
  });

  it.each([
    ['a missing header', { 'api-key': 'new-key' }],
    ['a wrong value', { 'api-key': 'new-key', 'x-partner': 'acme2' }],
    ['a prefix of the value', { 'api-key': 'new', 'x-partner': 'acme' }],
    ['no headers at all', {}],
  ])(
    'should refuse %s with AuthenticationError (401)',
    async (_name, headers) => {
      const error = await refusal(settings, { headers });
      expect(AuthenticationError.isInstance(error), String(error)).toBe(true);
      expect((error as AuthenticationError).httpStatus).toBe(401);
      expect((error as AuthenticationError).method).toBe('static_header');
    },
  );

  it('should require both header and allowlist when both are configured', async () => {
    const both: TradevestAdapterSettings = {
      headers: [{ name: 'api-key', value: 'k' }],
      ipAllowlist: { allow: ['203.0.113.0/24'] },
    };
    const inside = {
      headers: { 'api-key': 'k' },
      remoteAddress: '203.0.113.7',
    };
    expect(
      (await createTradevestAdapter(both).receive(request(inside))).kind,
    ).toBe('event');
    const outside = await refusal(both, {
      ...inside,
      remoteAddress: '198.51.100.1',
    });
    expect((outside as AuthenticationError).method).toBe('ip_allowlist');
  });

  it('should accept an IP allowlist alone as the check', async () => {
    const adapter = createTradevestAdapter({
      ipAllowlist: { allow: ['203.0.113.7'] },
    });
    const result = await adapter.receive(
      request({ remoteAddress: '203.0.113.7' }),
    );
    expect(result.kind).toBe('event');
  });
});
