import { describe, expect, it } from 'vitest';
import { createRawWebhookRequest } from '../adapter/v1/raw-webhook-request';
import { AuthenticationError } from '../errors/authentication-error';
import { ConfigurationError } from '../errors/configuration-error';
import { ipInRange, parseIpAddress, parseIpRange } from './ip-address';
import { createRequestAuthenticator } from './request-authenticator';

const provider = 'redpin';
const request = (
  headers: Record<string, string> = {},
  remoteAddress?: string,
) =>
  createRawWebhookRequest({
    url: 'https://x.test/webhooks/redpin',
    headers,
    body: '{}',
    ...(remoteAddress ? { remoteAddress } : {}),
  });

async function refusal(
  promise: Promise<unknown>,
): Promise<AuthenticationError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(AuthenticationError.isInstance(error), String(error)).toBe(true);
  expect((error as AuthenticationError).httpStatus).toBe(401);
  return error as AuthenticationError;
}

describe('createRequestAuthenticator', () => {
  it('should refuse to build without any check', () => {
    expect(() => createRequestAuthenticator({}, { provider })).toThrowError(
      /dangerouslyAllowUnauthenticated/,
    );
    try {
      createRequestAuthenticator({ headers: [] }, { provider });
    } catch (error) {
      expect(ConfigurationError.isInstance(error)).toBe(true);
    }
  });

  it('should allow an explicit opt-out', async () => {
    const authenticate = createRequestAuthenticator(
      { dangerouslyAllowUnauthenticated: true },
      { provider },
    );
    // Nothing is authentic, and the envelope will say so.
    await expect(authenticate(request())).resolves.toMatchObject({
      scheme: 'none',
      body: false,
    });
  });

  it('should check static headers case-insensitively, with rotation', async () => {
    const authenticate = createRequestAuthenticator(
      { headers: [{ name: 'API-Key', value: ['old', 'new'] }] },
      { provider },
    );
    await expect(
      authenticate(request({ 'api-key': 'new' })),
    ).resolves.toMatchObject({ scheme: 'credentials' });
    await expect(
      authenticate(request({ 'API-KEY': 'old' })),
    ).resolves.toMatchObject({ scheme: 'credentials' });
    expect(
      (await refusal(authenticate(request({ 'api-key': 'newer' })))).method,
    ).toBe('static_header');
    expect((await refusal(authenticate(request()))).message).toContain(
      'missing',
    );
  });

  it('should refuse an empty configured header value', () => {
    expect(() =>
      createRequestAuthenticator(
        { headers: [{ name: 'api-key', value: '' }] },
        { provider },
      ),
    ).toThrow(/non-empty/);
  });

  it('should check basic auth', async () => {
    const authenticate = createRequestAuthenticator(
      { basicAuth: { username: 'redpin', password: 'pässword' } },
      { provider },
    );
    const encoded = btoa(
      String.fromCharCode(...new TextEncoder().encode('redpin:pässword')),
    );
    await expect(
      authenticate(request({ authorization: `Basic ${encoded}` })),
    ).resolves.toMatchObject({ scheme: 'credentials' });
    await refusal(
      authenticate(request({ authorization: `Basic ${btoa('redpin:wrong')}` })),
    );
    await refusal(authenticate(request({ authorization: 'Bearer abc' })));
    await refusal(authenticate(request()));
  });

  it('should check the IP allowlist against the socket address', async () => {
    const authenticate = createRequestAuthenticator(
      {
        ipAllowlist: {
          allow: ['34.241.230.119', '10.0.0.0/8', '2001:db8::/32'],
        },
      },
      { provider },
    );
    await expect(
      authenticate(request({}, '34.241.230.119')),
    ).resolves.toMatchObject({ scheme: 'credentials' });
    await expect(
      authenticate(request({}, '::ffff:10.1.2.3')),
    ).resolves.toMatchObject({ scheme: 'credentials' });
    await expect(
      authenticate(request({}, '2001:db8:1::5')),
    ).resolves.toMatchObject({ scheme: 'credentials' });
    await refusal(authenticate(request({}, '34.241.230.120')));
    await refusal(authenticate(request({})));
    // A spoofed X-Forwarded-For is ignored unless proxies are trusted.
    await refusal(
      authenticate(
        request({ 'x-forwarded-for': '34.241.230.119' }, '203.0.113.9'),
      ),
    );
  });

  it('should honour exactly the configured number of trusted proxies', async () => {
    const authenticate = createRequestAuthenticator(
      { ipAllowlist: { allow: ['34.241.230.119'], trustedProxies: 1 } },
      { provider },
    );
    await expect(
      authenticate(
        request({ 'x-forwarded-for': '34.241.230.119' }, '10.0.0.1'),
      ),
    ).resolves.toMatchObject({ scheme: 'credentials' });
    // The client prepended a fake entry; the proxy appended the real one.
    await refusal(
      authenticate(
        request(
          { 'x-forwarded-for': '34.241.230.119, 203.0.113.9' },
          '10.0.0.1',
        ),
      ),
    );
  });

  it('should refuse invalid allowlist entries at construction', () => {
    expect(() =>
      createRequestAuthenticator(
        { ipAllowlist: { allow: ['10.0.0.0/33'] } },
        { provider },
      ),
    ).toThrow(/not an IP/);
  });

  it('should combine checks with AND and run a custom verifier', async () => {
    const authenticate = createRequestAuthenticator(
      {
        headers: [{ name: 'x-token', value: 't' }],
        verify: r => r.headers.get('x-extra') === 'yes',
      },
      { provider },
    );
    await expect(
      authenticate(request({ 'x-token': 't', 'x-extra': 'yes' })),
    ).resolves.toMatchObject({ scheme: 'credentials' });
    expect(
      (await refusal(authenticate(request({ 'x-token': 't' })))).method,
    ).toBe('custom');
    expect(
      (await refusal(authenticate(request({ 'x-extra': 'yes' })))).method,
    ).toBe('static_header');
  });
});

describe('ip parsing', () => {
  it('should parse IPv4, IPv6 and mapped addresses', () => {
    expect(parseIpAddress('1.2.3.4')).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(parseIpAddress('::ffff:1.2.3.4')).toEqual(
      new Uint8Array([1, 2, 3, 4]),
    );
    expect(parseIpAddress('::1')?.length).toBe(16);
    expect(parseIpAddress('[2001:db8::1]')?.length).toBe(16);
    for (const bad of ['1.2.3', '256.1.1.1', 'abc', '1::2::3', ''])
      expect(parseIpAddress(bad)).toBeUndefined();
  });

  it('should match CIDR ranges', () => {
    const range = parseIpRange('192.168.0.0/23')!;
    expect(ipInRange(parseIpAddress('192.168.1.255')!, range)).toBe(true);
    expect(ipInRange(parseIpAddress('192.168.2.0')!, range)).toBe(false);
    expect(ipInRange(parseIpAddress('::1')!, range)).toBe(false);
    expect(
      ipInRange(parseIpAddress('8.8.8.8')!, parseIpRange('0.0.0.0/0')!),
    ).toBe(true);
  });
});
