import {
  AuthenticationError,
  ConfigurationError,
  createRawWebhookRequest,
  redactHeaders,
  type RawWebhookRequestInit,
} from '@finhooks/core';
import {
  runAdapterConformanceTests,
  withHeaders,
} from '@finhooks/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { createRedpinAdapter } from './redpin-adapter';
import {
  REDPIN_TEST_TOKEN_HEADER,
  redpinExamples,
  signRedpinRequest,
} from './testing/index';

const url = 'http://localhost:3000/webhooks/redpin';
const token = 'redpin-token-7f3a';

runAdapterConformanceTests({
  createAdapter: secret =>
    createRedpinAdapter({
      auth: { headers: [{ name: REDPIN_TEST_TOKEN_HEADER, value: secret }] },
    }),
  secret: token,
  fixtures: redpinExamples,
  sign: signRedpinRequest,
  stripAuthentication: request =>
    withHeaders(request, { [REDPIN_TEST_TOKEN_HEADER]: null }),
  signsBody: false,
  unknownEvent: {
    url,
    body: JSON.stringify({
      event_id: '9',
      event_type: 'WALLET BALANCE',
      version: 'v1.0.0',
      event_timestamp: '2025-01-01T00:00:00Z',
      data: { wallet_id: 'w1' },
    }),
  },
});

const approved = redpinExamples.find(example =>
  example.name.endsWith('APPROVED'),
)!.request;

function request(init: Partial<RawWebhookRequestInit> = {}) {
  return createRawWebhookRequest({ ...approved, ...init });
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(AuthenticationError.isInstance(error), String(error)).toBe(true);
  expect((error as AuthenticationError).httpStatus).toBe(401);
  return error as AuthenticationError;
}

const basic = (username: string, password: string) =>
  `Basic ${btoa(`${username}:${password}`)}`;

describe('createRedpinAdapter', () => {
  it('should refuse to be built without auth', () => {
    for (const settings of [
      undefined,
      {},
      { auth: {} },
      { auth: { headers: [] } },
      { auth: { dangerouslyAllowUnauthenticated: false } },
    ]) {
      expect(() => createRedpinAdapter(settings as never)).toThrowError(
        expect.objectContaining({ code: 'configuration_invalid' }),
      );
    }
  });

  it('should refuse an invalid allowlist entry at construction', () => {
    try {
      createRedpinAdapter({ auth: { ipAllowlist: { allow: ['10.0.0.300'] } } });
      expect.unreachable();
    } catch (error) {
      expect(ConfigurationError.isInstance(error)).toBe(true);
    }
  });

  it('should accept every request with the explicit opt-out', async () => {
    const adapter = createRedpinAdapter({
      auth: { dangerouslyAllowUnauthenticated: true },
    });
    const result = await adapter.receive(request());
    expect(result.kind).toBe('event');
  });

  it('should list configured static headers as sensitive', () => {
    const adapter = createRedpinAdapter({
      auth: { headers: [{ name: 'X-Api-Key', value: 'a' }] },
    });
    expect(adapter.sensitiveHeaders).toEqual(['x-api-key']);
    expect(adapter.methods).toEqual(['POST']);
    expect(adapter.nativeTypes).toEqual([
      'PAYMENT STATUS',
      'THIRD PARTY CUSTOMER STATUS',
      'CUSTOMER STATUS',
    ]);
  });

  it('should list every credential header as sensitive, so none is stored', () => {
    const adapter = createRedpinAdapter({
      auth: {
        headers: [{ name: 'X-Api-Key', value: 'a' }],
        basicAuth: { username: 'redpin', password: 's3cret' },
        verify: request => request.headers.get('x-client-cert') === 'ok',
        sensitiveHeaders: ['X-Client-Cert'],
      },
    });
    expect(adapter.sensitiveHeaders).toEqual([
      'x-api-key',
      'authorization',
      'x-client-cert',
    ]);
    const kept = redactHeaders(
      new Headers({
        'x-api-key': 'a',
        authorization: basic('redpin', 's3cret'),
        'x-client-cert': 'ok',
        'content-type': 'application/json',
      }),
      adapter.sensitiveHeaders,
    );
    expect(kept).toEqual({ 'content-type': 'application/json' });
  });

  it('should report a credentials verification, or none when opted out', async () => {
    const checked = createRedpinAdapter({
      auth: { headers: [{ name: 'x-api-key', value: token }] },
    });
    const result = await checked.receive(
      request({ headers: { 'x-api-key': token } }),
    );
    expect(result.kind === 'event' && result.event.authenticity.scheme).toBe(
      'credentials',
    );
    const open = createRedpinAdapter({
      auth: { dangerouslyAllowUnauthenticated: true },
    });
    const unchecked = await open.receive(request());
    expect(
      unchecked.kind === 'event' && unchecked.event.authenticity.scheme,
    ).toBe('none');
  });
});

describe('static header authentication', () => {
  const adapter = createRedpinAdapter({
    auth: {
      headers: [{ name: 'x-api-key', value: ['old-token', 'new-token'] }],
    },
  });

  it('should accept any of the rotating values', async () => {
    for (const value of ['old-token', 'new-token']) {
      const result = await adapter.receive(
        request({ headers: { 'x-api-key': value } }),
      );
      expect(result.kind).toBe('event');
    }
  });

  it('should refuse a missing or wrong header with 401', async () => {
    expect((await refusal(adapter.receive(request()))).method).toBe(
      'static_header',
    );
    await refusal(
      adapter.receive(request({ headers: { 'x-api-key': 'new-tokenx' } })),
    );
    await refusal(
      adapter.receive(request({ headers: { 'x-api-key': 'NEW-TOKEN' } })),
    );
  });

  it('should authenticate before parsing the body', async () => {
    // A body that is not JSON: a 401, not a 400, proves the order.
    await refusal(adapter.receive(request({ body: '{not json' })));
  });
});

describe('basic auth', () => {
  const adapter = createRedpinAdapter({
    auth: {
      basicAuth: [
        { username: 'redpin', password: 's3cret' },
        { username: 'redpin', password: 'n3xt' },
      ],
    },
  });

  it('should accept any configured pair', async () => {
    for (const password of ['s3cret', 'n3xt']) {
      const result = await adapter.receive(
        request({ headers: { authorization: basic('redpin', password) } }),
      );
      expect(result.kind).toBe('event');
    }
  });

  it('should refuse missing or wrong credentials with 401', async () => {
    expect((await refusal(adapter.receive(request()))).method).toBe(
      'basic_auth',
    );
    await refusal(
      adapter.receive(
        request({ headers: { authorization: basic('redpin', 'guess') } }),
      ),
    );
    await refusal(
      adapter.receive(request({ headers: { authorization: 'Bearer s3cret' } })),
    );
  });
});

describe('IP allowlist', () => {
  const direct = createRedpinAdapter({
    auth: { ipAllowlist: { allow: ['203.0.113.0/24', '2001:db8::/32'] } },
  });
  const behindProxy = createRedpinAdapter({
    auth: { ipAllowlist: { allow: ['203.0.113.7'], trustedProxies: 1 } },
  });

  it('should accept addresses in the list (IPv4, mapped IPv4, IPv6)', async () => {
    for (const remoteAddress of [
      '203.0.113.9',
      '::ffff:203.0.113.9',
      '2001:db8::1',
    ]) {
      expect((await direct.receive(request({ remoteAddress }))).kind).toBe(
        'event',
      );
    }
  });

  it('should refuse other or unknown addresses with 401', async () => {
    expect(
      (
        await refusal(
          direct.receive(request({ remoteAddress: '198.51.100.1' })),
        )
      ).method,
    ).toBe('ip_allowlist');
    await refusal(direct.receive(request()));
  });

  it('should ignore X-Forwarded-For unless proxies are trusted', async () => {
    await refusal(
      direct.receive(
        request({
          remoteAddress: '10.0.0.2',
          headers: { 'x-forwarded-for': '203.0.113.9' },
        }),
      ),
    );
  });

  it('should read the client from X-Forwarded-For behind a trusted proxy', async () => {
    const forwarded = (value: string) =>
      request({
        remoteAddress: '10.0.0.2',
        headers: { 'x-forwarded-for': value },
      });
    expect((await behindProxy.receive(forwarded('203.0.113.7'))).kind).toBe(
      'event',
    );
    // A spoofed left-most entry does not help: the proxy appends the real peer.
    await refusal(behindProxy.receive(forwarded('203.0.113.7, 198.51.100.1')));
  });
});

describe('custom verifier', () => {
  it('should pass the raw request and accept on true', async () => {
    const verify = vi.fn(async () => true);
    const adapter = createRedpinAdapter({ auth: { verify } });
    expect((await adapter.receive(request())).kind).toBe('event');
    expect(verify).toHaveBeenCalledWith(
      expect.objectContaining({ method: 'POST', url: approved.url }),
    );
  });

  it('should refuse on false or a throw with 401', async () => {
    const refusing = createRedpinAdapter({ auth: { verify: () => false } });
    expect((await refusal(refusing.receive(request()))).method).toBe('custom');
    const throwing = createRedpinAdapter({
      auth: {
        verify: () => {
          throw new Error('mTLS header missing');
        },
      },
    });
    await refusal(throwing.receive(request()));
  });
});

describe('combined checks', () => {
  const adapter = createRedpinAdapter({
    auth: {
      headers: [{ name: 'x-api-key', value: token }],
      basicAuth: { username: 'redpin', password: 's3cret' },
      ipAllowlist: { allow: ['203.0.113.0/24'] },
      verify: request => request.headers.get('user-agent') === 'Redpin',
    },
  });
  const complete = {
    remoteAddress: '203.0.113.5',
    headers: {
      'x-api-key': token,
      authorization: basic('redpin', 's3cret'),
      'user-agent': 'Redpin',
    },
  };

  it('should accept a request that passes every check', async () => {
    expect((await adapter.receive(request(complete))).kind).toBe('event');
  });

  it.each([
    ['static_header', { 'x-api-key': null }],
    ['basic_auth', { authorization: null }],
    ['custom', { 'user-agent': null }],
  ] as const)('should refuse when %s fails', async (method, change) => {
    const failing = withHeaders(request(complete), change);
    expect((await refusal(adapter.receive(failing))).method).toBe(method);
  });

  it('should refuse when the address fails', async () => {
    const outside = request({ ...complete, remoteAddress: '198.51.100.1' });
    expect((await refusal(adapter.receive(outside))).method).toBe(
      'ip_allowlist',
    );
  });
});

describe('unknown and unclassified bodies', () => {
  const adapter = createRedpinAdapter({
    auth: { dangerouslyAllowUnauthenticated: true },
  });

  it('should deliver an unknown event_type as redpin.unknown with the raw body', async () => {
    const body = {
      event_id: '1',
      event_type: 'WALLET BALANCE',
      version: 'v2',
      data: {},
    };
    const result = await adapter.receive(
      request({ body: JSON.stringify(body) }),
    );
    expect(result.kind).toBe('event');
    if (result.kind !== 'event') return;
    expect(result.event).toMatchObject({
      type: 'redpin.unknown',
      nativeType: 'WALLET BALANCE',
      data: body,
    });
  });

  it('should deliver a flat body it cannot classify as redpin.unknown', async () => {
    for (const body of [{ hello: 'world' }, [1, 2], { event_type: ' ' }]) {
      const result = await adapter.receive(
        request({ body: JSON.stringify(body) }),
      );
      expect(result.kind === 'event' && result.event.type).toBe(
        'redpin.unknown',
      );
      expect(result.kind === 'event' && result.event.nativeType).toBe(
        'UNCLASSIFIED',
      );
    }
  });

  it('should quarantine a known type whose payload drifted, with precise issues', async () => {
    const body = {
      event_id: '5',
      event_type: 'PAYMENT STATUS',
      version: 'v1.0.0',
      event_timestamp: '2025-01-01T00:00:00Z',
      data: { status: 'RECEIVED_FUNDS' },
    };
    const result = await adapter.receive(
      request({ body: JSON.stringify(body) }),
    );
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.event.type).toBe('payment.status_changed');
    expect(result.event.data).toEqual(body);
    // Worded by core for this parse, not by zod's global configuration.
    expect(result.event.issues).toEqual([
      {
        path: ['data', 'payment_id'],
        code: 'invalid_type',
        message: 'Required: expected string',
      },
    ]);
  });
});

describe('signRedpinRequest', () => {
  it('should set the token header on a copy', async () => {
    const original = request();
    const signed = await signRedpinRequest(original, {
      secret: 't',
      headerName: 'x-key',
    });
    expect(signed.headers.get('x-key')).toBe('t');
    expect(original.headers.get('x-key')).toBeNull();
    expect(signed.body).toEqual(original.body);
    expect(signed.body).not.toBe(original.body);
  });
});
