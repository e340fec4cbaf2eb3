import {
  createFetchHandler,
  createRawWebhookRequest,
  createWebhooks,
  MethodNotAllowedError,
  MissingHeaderError,
  redactHeaders,
  SignatureVerificationError,
  TimestampOutOfToleranceError,
  type RawWebhookRequestInit,
} from '@finhooks/core';
import { toFetchRequest, withHeaders } from '@finhooks/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import testVector from './__fixtures__/dintero-callback-signature-test-vector.json';
import { createDinteroAdapter } from './dintero-adapter';
import type { DinteroCheckoutCallbackSettings } from './dintero-adapter-settings';
import { dinteroCallbackSignedString } from './dintero-callback-signature';
import { signDinteroRequest } from './testing/index';

const secret = 'checkout-secret';
const accountId = 'T12345678';
const base = 'https://shop.example.com/webhooks/dintero/callback';
const query =
  'transaction_id=T12345678.abc&merchant_reference=order+1&session_id=T12345678.ses&time=2026-05-01T10%3A00%3A00Z';

/** SHA-256 hex of UTF-8 text (Web Crypto: the pinned key, independently). */
async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(text),
  );
  return [...new Uint8Array(digest)]
    .map(byte => byte.toString(16).padStart(2, '0'))
    .join('');
}

function adapterWith(checkout: Partial<DinteroCheckoutCallbackSettings> = {}) {
  return createDinteroAdapter({ checkout: { secret, accountId, ...checkout } });
}

const sign = (
  init: RawWebhookRequestInit,
  options: { secret?: string; accountId?: string; now?: Date } = {},
) =>
  signDinteroRequest(createRawWebhookRequest(init), {
    secret,
    accountId,
    ...options,
  });

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (caught: unknown) => caught as Error & { httpStatus: number },
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Dintero-Signature test vector', () => {
  it('should build the published signed string', () => {
    expect(
      dinteroCallbackSignedString({
        timestamp: testVector.timestamp,
        accountId: testVector.accountId,
        method: testVector.method,
        url: new URL(testVector.url),
      }),
    ).toBe(testVector.signedString);
  });

  it('should sign the published example exactly as Dintero does', async () => {
    const signed = await signDinteroRequest(
      createRawWebhookRequest({ method: 'GET', url: testVector.url }),
      {
        secret: testVector.secret,
        accountId: testVector.accountId,
        now: new Date(testVector.timestamp * 1000),
      },
    );
    expect(signed.headers.get('dintero-signature')).toBe(
      testVector.signatureHeader,
    );
  });

  it('should verify the published example at its own time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date((testVector.timestamp + 60) * 1000));
    const adapter = createDinteroAdapter({
      checkout: { secret: testVector.secret, accountId: testVector.accountId },
    });
    const request = createRawWebhookRequest({
      method: 'GET',
      url: testVector.url,
      headers: { 'dintero-signature': testVector.signatureHeader },
    });
    const result = await adapter.receive(request);
    expect(result.kind).toBe('event');
    if (result.kind !== 'event') return;
    expect(result.event).toMatchObject({
      nativeType: 'checkout_callback',
      type: 'payment.status_changed',
      normalizedStatus: 'authorized',
      account: 'P00000000',
      livemode: true,
      data: { A: '992', B: '123' },
    });
  });

  it('should refuse the published example today (it is years old)', async () => {
    const adapter = createDinteroAdapter({
      checkout: { secret: testVector.secret, accountId: testVector.accountId },
    });
    const request = createRawWebhookRequest({
      method: 'GET',
      url: testVector.url,
      headers: { 'dintero-signature': testVector.signatureHeader },
    });
    const error = await refusal(adapter.receive(request));
    expect(TimestampOutOfToleranceError.isInstance(error)).toBe(true);
  });
});

describe('Checkout callback timestamps', () => {
  const now = new Date('2026-05-01T10:00:00Z');
  const at = (offsetSeconds: number) =>
    new Date(now.getTime() + offsetSeconds * 1000);

  it.each([
    ['300 s old', -300, true],
    ['300 s ahead', 300, true],
    ['301 s old (stale)', -301, false],
    ['301 s ahead (future)', 301, false],
    [
      "5 hours ahead (what Dintero's sample would accept)",
      5 * 3600 - 60,
      false,
    ],
  ])('should judge a timestamp %s', async (_name, offset, accepted) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
    const request = await sign(
      { method: 'GET', url: `${base}?${query}` },
      { now: at(offset) },
    );
    const outcome = await adapterWith()
      .receive(request)
      .then(
        result => result.kind,
        (error: unknown) => error,
      );
    if (accepted) expect(outcome).toBe('event');
    else expect(TimestampOutOfToleranceError.isInstance(outcome)).toBe(true);
  });

  it('should honour a configured tolerance', async () => {
    const request = await sign(
      { method: 'GET', url: `${base}?${query}` },
      { now: new Date(Date.now() - 90_000) },
    );
    const strict = adapterWith({ toleranceSeconds: 60 });
    expect(
      TimestampOutOfToleranceError.isInstance(
        await refusal(strict.receive(request)),
      ),
    ).toBe(true);
    expect((await adapterWith().receive(request)).kind).toBe('event');
  });
});

describe('Checkout callback URL and query', () => {
  it('should not depend on the order of query parameters', async () => {
    const signed = await sign({ method: 'GET', url: `${base}?B=123&A=992` });
    const reordered = createRawWebhookRequest({
      method: 'GET',
      url: `${base}?A=992&B=123`,
      headers: signed.headers,
    });
    expect((await adapterWith().receive(reordered)).kind).toBe('event');
  });

  it('should treat %20 and + as the same space', async () => {
    const signed = await sign({ method: 'GET', url: `${base}?ref=order+1` });
    const encoded = createRawWebhookRequest({
      method: 'GET',
      url: `${base}?ref=order%201`,
      headers: signed.headers,
    });
    expect((await adapterWith().receive(encoded)).kind).toBe('event');
  });

  it('should refuse a changed query value, path or host', async () => {
    const signed = await sign({ method: 'GET', url: `${base}?${query}` });
    for (const url of [
      `${base}?${query.replace('order+1', 'order+2')}`,
      `${base}?${query}&extra=1`,
      `https://shop.example.com/other/callback?${query}`,
      `https://evil.example.com/webhooks/dintero/callback?${query}`,
    ]) {
      const request = createRawWebhookRequest({
        method: 'GET',
        url,
        headers: signed.headers,
      });
      const error = await refusal(adapterWith().receive(request));
      expect(SignatureVerificationError.isInstance(error), url).toBe(true);
    }
  });

  it('should refuse a signed GET replayed as POST', async () => {
    const signed = await sign({ method: 'GET', url: `${base}?${query}` });
    const request = createRawWebhookRequest({
      method: 'POST',
      url: signed.url,
      headers: signed.headers,
    });
    const error = await refusal(adapterWith().receive(request));
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
  });

  it('should check the public URL, not the proxied one', async () => {
    const publicRequest = await sign({
      method: 'GET',
      url: `${base}?${query}`,
    });
    // What the app sees behind a proxy that rewrote host and path prefix.
    const proxied = createRawWebhookRequest({
      method: 'GET',
      url: `http://127.0.0.1:3000/webhooks/dintero/callback?${query}`,
      headers: publicRequest.headers,
    });
    expect(
      SignatureVerificationError.isInstance(
        await refusal(adapterWith().receive(proxied)),
      ),
    ).toBe(true);
    const configured = adapterWith({ publicUrl: 'https://shop.example.com' });
    expect((await configured.receive(proxied)).kind).toBe('event');
  });

  it('should put a publicUrl path prefix before the request path', async () => {
    const publicRequest = await sign({
      method: 'GET',
      url: `https://shop.example.com/api/webhooks/dintero/callback?${query}`,
    });
    const stripped = createRawWebhookRequest({
      method: 'GET',
      url: `http://127.0.0.1:3000/webhooks/dintero/callback?${query}`,
      headers: publicRequest.headers,
    });
    const adapter = adapterWith({ publicUrl: 'https://shop.example.com/api/' });
    expect((await adapter.receive(stripped)).kind).toBe('event');
  });

  it('should read forwarding headers only when the proxy is trusted', async () => {
    const publicRequest = await sign({
      method: 'GET',
      url: `${base}?${query}`,
    });
    const forwarded = withHeaders(
      createRawWebhookRequest({
        method: 'GET',
        url: `http://127.0.0.1:3000/webhooks/dintero/callback?${query}`,
        headers: publicRequest.headers,
      }),
      { 'x-forwarded-host': 'shop.example.com', 'x-forwarded-proto': 'https' },
    );
    expect(
      SignatureVerificationError.isInstance(
        await refusal(adapterWith().receive(forwarded)),
      ),
    ).toBe(true);
    const trusting = adapterWith({ trustForwardedHeaders: true });
    expect((await trusting.receive(forwarded)).kind).toBe('event');
  });

  it('should let publicUrl win over forwarding headers', async () => {
    const publicRequest = await sign({
      method: 'GET',
      url: `${base}?${query}`,
    });
    const forwarded = withHeaders(
      createRawWebhookRequest({
        method: 'GET',
        url: `http://127.0.0.1:3000/webhooks/dintero/callback?${query}`,
        headers: publicRequest.headers,
      }),
      { 'x-forwarded-host': 'attacker.example.com' },
    );
    const adapter = adapterWith({
      publicUrl: 'https://shop.example.com',
      trustForwardedHeaders: true,
    });
    expect((await adapter.receive(forwarded)).kind).toBe('event');
  });
});

describe('Checkout callback payload', () => {
  it('should map a GET callback from its signed query', async () => {
    const request = await sign({
      method: 'GET',
      url: `${base}?${query}`,
      headers: { 'event-delivery': 'callback-delivery-1' },
    });
    const result = await adapterWith().receive(request, {
      receivedAt: new Date('2026-05-01T10:00:05Z'),
    });
    expect(result.kind === 'event' && result.event).toMatchInlineSnapshot(`
      {
        "account": "T12345678",
        "authenticity": {
          "body": false,
          "headers": [],
          "scheme": "signature",
          "subject": true,
          "timestamp": true,
          "type": true,
          "url": true,
        },
        "data": {
          "merchant_reference": "order 1",
          "session_id": "T12345678.ses",
          "time": "2026-05-01T10:00:00Z",
          "transaction_id": "T12345678.abc",
        },
        "delivery": {
          "headers": {
            "event-delivery": "callback-delivery-1",
          },
        },
        "id": "51c0c45f772ef8a2852ecac6295484217ae59eed1c759dcd946ecc078b4a3cf8",
        "identity": {
          "key": "51c0c45f772ef8a2852ecac6295484217ae59eed1c759dcd946ecc078b4a3cf8",
          "source": "signed_material",
        },
        "livemode": false,
        "nativeType": "checkout_callback",
        "normalizedStatus": "authorized",
        "occurredAt": "2026-05-01T10:00:00.000Z",
        "provider": "dintero",
        "receivedAt": "2026-05-01T10:00:05.000Z",
        "specVersion": "1",
        "subject": {
          "id": "T12345678.abc",
          "type": "payment",
        },
        "type": "payment.status_changed",
      }
    `);
  });

  it('should keep a POST body apart and never let it override signed values', async () => {
    const request = await sign({
      method: 'POST',
      url: `${base}?method=POST&${query}`,
      body: JSON.stringify({
        transaction_id: 'forged',
        id: 'forged',
        status: 'CAPTURED',
      }),
    });
    const result = await adapterWith().receive(request);
    expect(result.kind).toBe('event');
    if (result.kind !== 'event') return;
    expect(result.event.data).toMatchObject({
      transaction_id: 'T12345678.abc',
      unverified_body: { transaction_id: 'forged', status: 'CAPTURED' },
    });
    expect(result.event.subject).toEqual({
      type: 'payment',
      id: 'T12345678.abc',
    });
    // The unsigned body's CAPTURED decides nothing: the plain callback
    // means "authorized".
    expect(result.event.status).toBeUndefined();
    expect(result.event.normalizedStatus).toBe('authorized');
  });

  it('should carry a signed error code as the status: a failed callback never looks like a success', async () => {
    const request = await sign({
      method: 'GET',
      url: `${base}?report_error=true&session_id=T12345678.ses&merchant_reference=order+1&time=2026-05-01T10%3A00%3A00Z&error=failed`,
    });
    const result = await adapterWith().receive(request);
    expect(result.kind).toBe('event');
    if (result.kind !== 'event') return;
    expect(result.event).toMatchObject({
      type: 'payment.status_changed',
      status: 'failed',
      normalizedStatus: 'failed',
    });
    // report_error=true: transaction_id is optional, so there is no subject.
    expect(result.event.subject).toBeUndefined();
    expect(result.warnings).toEqual([]);
  });

  it('should decide a cancelled payment as canceled, and any other error code as failed', async () => {
    for (const [error, normalized] of [
      ['cancelled', 'canceled'],
      ['authorization', 'failed'],
      ['some_new_code', 'failed'],
    ] as const) {
      const request = await sign({
        method: 'GET',
        url: `${base}?${query}&report_error=true&error=${error}`,
      });
      const result = await adapterWith().receive(request);
      expect(result.kind === 'event' && result.event).toMatchObject({
        status: error,
        normalizedStatus: normalized,
        subject: { type: 'payment', id: 'T12345678.abc' },
      });
      expect(result.warnings).toEqual([]);
    }
  });

  it('should let the error win over a reported event', async () => {
    const request = await sign({
      method: 'GET',
      url: `${base}?${query}&report_error=true&report_event=CAPTURE&event=CAPTURE&error=failed`,
    });
    const result = await adapterWith().receive(request);
    expect(result.kind === 'event' && result.event).toMatchObject({
      status: 'failed',
      normalizedStatus: 'failed',
    });
  });

  it.each([
    ['INITIATE', 'pending'],
    ['AUTHORIZE', 'authorized'],
    ['CAPTURE', 'succeeded'],
    ['REFUND', 'refunded'],
    ['VOID', 'canceled'],
  ] as const)(
    'should read a reported %s operation (report_event) as %s',
    async (operation, normalized) => {
      const request = await sign({
        method: 'GET',
        url: `${base}?${query}&report_event=true&event=${operation}`,
      });
      const result = await adapterWith().receive(request);
      expect(result.kind === 'event' && result.event).toMatchObject({
        type: 'payment.status_changed',
        normalizedStatus: normalized,
      });
      expect(result.kind === 'event' && result.event.status).toBeUndefined();
    },
  );

  it('should leave an undocumented reported operation undecided', async () => {
    const request = await sign({
      method: 'GET',
      url: `${base}?${query}&report_event=true&event=EXTEND`,
    });
    const result = await adapterWith().receive(request);
    expect(result.kind === 'event' && result.event.normalizedStatus).toBe(
      undefined,
    );
  });

  it('should warn about a repeated query parameter instead of dropping it silently', async () => {
    const request = await sign({
      method: 'GET',
      url: `${base}?${query}&event=AUTHORIZE&event=CAPTURE`,
    });
    const result = await adapterWith().receive(request);
    expect(result.kind === 'event' && result.event.data).toMatchObject({
      event: 'AUTHORIZE',
    });
    expect(result.warnings).toEqual([
      expect.objectContaining({
        type: 'compatibility',
        message: expect.stringContaining('"event"') as string,
      }),
    ]);
  });

  it('should let a signed query parameter named unverified_body win', async () => {
    const request = await sign({
      method: 'POST',
      url: `${base}?unverified_body=signed`,
      body: '{"forged":true}',
    });
    const result = await adapterWith().receive(request);
    expect(result.kind === 'event' && result.event.data).toMatchObject({
      unverified_body: 'signed',
    });
  });

  it('should accept a tampered POST body: the signature does not cover it', async () => {
    const signed = await sign({
      method: 'POST',
      url: `${base}?${query}`,
      body: '{"status":"AUTHORIZED"}',
    });
    const tampered = createRawWebhookRequest({
      method: 'POST',
      url: signed.url,
      headers: signed.headers,
      body: '{"status":"CAPTURED"}',
    });
    const result = await adapterWith().receive(tampered);
    expect(result.kind === 'event' && result.event.data).toMatchObject({
      unverified_body: { status: 'CAPTURED' },
    });
  });

  it('should give a GET callback without event-delivery a stable hashed id', async () => {
    const first = await adapterWith().receive(
      await sign({ method: 'GET', url: `${base}?${query}` }),
    );
    const retry = await adapterWith().receive(
      await sign(
        {
          method: 'GET',
          url: `${base}?${query.split('&').reverse().join('&')}`,
        },
        { now: new Date(Date.now() + 30_000) },
      ),
    );
    const other = await adapterWith().receive(
      await sign({ method: 'GET', url: `${base}?${query}&event=CAPTURE` }),
    );
    const id = (result: typeof first) =>
      result.kind === 'event' ? result.event.id : undefined;
    expect(id(first)).toMatch(/^[0-9a-f]{64}$/);
    expect(id(retry)).toBe(id(first));
    expect(id(other)).not.toBe(id(first));
  });

  it('should pin the callback identity: SHA-256 of the signed material without t', async () => {
    // `dintero\ncheckout_callback\n<account>\n<method>\n<host>\n<path>\n<sorted query>`
    const key = async (init: RawWebhookRequestInit) => {
      const result = await adapterWith().receive(await sign(init));
      return result.kind === 'event' ? result.event.identity : undefined;
    };
    expect(await key({ method: 'GET', url: `${base}?${query}` })).toEqual({
      source: 'signed_material',
      key: await sha256Hex(
        [
          'dintero',
          'checkout_callback',
          accountId,
          'GET',
          'shop.example.com',
          '/webhooks/dintero/callback',
          'merchant_reference=order+1&session_id=T12345678.ses&time=2026-05-01T10%3A00%3A00Z&transaction_id=T12345678.abc',
        ].join('\n'),
      ),
    });
  });
});

describe('Checkout callback identity', () => {
  const receive = async (
    init: RawWebhookRequestInit,
    options: { now?: Date; accountId?: string } = {},
    adapter = adapterWith(),
  ) => {
    const result = await adapter.receive(await sign(init, options));
    if (result.kind !== 'event') throw new Error(result.kind);
    return result.event;
  };

  it('should give a callback re-signed with a new t the same key', async () => {
    const init = { method: 'GET', url: `${base}?${query}` };
    const first = await receive(init, { now: new Date(Date.now() - 120_000) });
    const retry = await receive(init);
    expect(first.identity.source).toBe('signed_material');
    expect(retry.identity).toEqual(first.identity);
    expect(retry.id).toBe(first.id);
  });

  it('should not let a fresh event-delivery header make a replay new', async () => {
    const signed = await sign({
      method: 'GET',
      url: `${base}?${query}`,
      headers: { 'event-delivery': 'delivery-1' },
    });
    const first = await adapterWith().receive(signed);
    const replay = await adapterWith().receive(
      withHeaders(signed, { 'event-delivery': 'delivery-2' }),
    );
    expect(first.kind === 'event' && first.event.identity.source).toBe(
      'signed_material',
    );
    expect(replay.kind === 'event' && replay.event.id).toBe(
      first.kind === 'event' && first.event.id,
    );
    // The header is still recorded, as a fact.
    expect(replay.kind === 'event' && replay.event.delivery.headers).toEqual({
      'event-delivery': 'delivery-2',
    });
  });

  it('should deliver a replay with fresh event-delivery headers to the handler once', async () => {
    const seen: string[] = [];
    const webhooks = createWebhooks({ adapters: [adapterWith()] });
    webhooks.on('dintero:checkout_callback', event => {
      seen.push(event.id);
    });
    const handler = createFetchHandler(webhooks);
    const signed = await sign({ method: 'GET', url: `${base}?${query}` });
    for (const delivery of ['d-1', 'd-2', 'd-3']) {
      const request = withHeaders(signed, { 'event-delivery': delivery });
      expect((await handler(toFetchRequest(request))).status).toBe(200);
    }
    expect(seen).toHaveLength(1);
  });

  it('should tell apart callbacks that differ in a signed part', async () => {
    const adapter = adapterWith({ accountId: [accountId, 'T87654321'] });
    const init = { method: 'GET', url: `${base}?${query}` };
    const keys = [
      await receive(init, {}, adapter),
      await receive(init, { accountId: 'T87654321' }, adapter),
      await receive({ ...init, method: 'POST' }, {}, adapter),
      await receive(
        { ...init, url: `${base}?${query}&event=CAPTURE` },
        {},
        adapter,
      ),
    ].map(event => event.identity.key);
    expect(new Set(keys).size).toBe(4);
  });

  it('should flag url, timestamp, type and subject authenticated, but not the body', async () => {
    const event = await receive({
      method: 'POST',
      url: `${base}?method=POST&${query}`,
      body: '{"status":"AUTHORIZED"}',
    });
    expect(event.authenticity).toEqual({
      scheme: 'signature',
      body: false,
      type: true,
      subject: true,
      timestamp: true,
      url: true,
      headers: [],
    });
  });

  it('should not store the Dintero-Signature header', async () => {
    const adapter = adapterWith();
    const signed = await sign({ method: 'GET', url: `${base}?${query}` });
    expect(
      redactHeaders(signed.headers, adapter.sensitiveHeaders),
    ).not.toHaveProperty('dintero-signature');
  });
});

describe('Checkout callback accounts, secrets and methods', () => {
  it('should try every configured account and report the one that matched', async () => {
    const adapter = adapterWith({ accountId: ['T12345678', 'P87654321'] });
    const request = await sign(
      { method: 'GET', url: `${base}?${query}` },
      { accountId: 'P87654321' },
    );
    const result = await adapter.receive(request);
    expect(result.kind === 'event' && result.event).toMatchObject({
      account: 'P87654321',
      livemode: true,
    });
  });

  it('should keep the signing account and identity when a stored callback is replayed', async () => {
    const adapter = adapterWith({ accountId: ['T12345678', 'P87654321'] });
    const request = await sign(
      { method: 'GET', url: `${base}?${query}` },
      { accountId: 'P87654321' },
    );
    const first = await adapter.receive(request);
    if (first.kind !== 'event') throw new Error(first.kind);
    // What a store keeps: no signature header, the envelope's facts.
    const stored = createRawWebhookRequest({
      method: request.method,
      url: request.url,
      headers: redactHeaders(request.headers, adapter.sensitiveHeaders),
    });
    const replay = await adapter.receive(stored, {
      alreadyVerified: first.event.authenticity,
      verifiedFacts: {
        account: first.event.account,
        livemode: first.event.livemode,
      },
    });
    expect(replay.kind === 'event' && replay.event).toMatchObject({
      account: 'P87654321',
      livemode: true,
      identity: first.event.identity,
    });
  });

  it('should refuse a signature made for another account', async () => {
    const request = await sign(
      { method: 'GET', url: `${base}?${query}` },
      { accountId: 'T99999999' },
    );
    const error = await refusal(adapterWith().receive(request));
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
    expect(error?.httpStatus).toBe(401);
  });

  it('should accept a rotated secret and resolve secrets per account', async () => {
    const rotating = adapterWith({ secret: ['new', 'old'] });
    for (const key of ['new', 'old']) {
      const request = await sign(
        { method: 'GET', url: `${base}?${query}` },
        { secret: key },
      );
      expect((await rotating.receive(request)).kind).toBe('event');
    }
    const perAccount = adapterWith({
      accountId: ['T12345678', 'T87654321'],
      secret: ({ accountId: account }) => `secret-of-${account}`,
    });
    const request = await sign(
      { method: 'GET', url: `${base}?${query}` },
      { secret: 'secret-of-T87654321', accountId: 'T87654321' },
    );
    expect((await perAccount.receive(request)).kind).toBe('event');
  });

  it('should refuse a callback without Dintero-Signature (401)', async () => {
    const request = createRawWebhookRequest({
      method: 'GET',
      url: `${base}?${query}`,
    });
    const error = await refusal(adapterWith().receive(request));
    expect(MissingHeaderError.isInstance(error)).toBe(true);
    expect(error?.httpStatus).toBe(401);
  });

  it.each([
    'v0-hmac-sha256=abc',
    't=1700000000',
    't=soon,v0-hmac-sha256=' + 'a'.repeat(64),
    't=1700000000,v0-hmac-sha256=' + 'z'.repeat(64),
  ])('should refuse the malformed header %s', async header => {
    const request = createRawWebhookRequest({
      method: 'GET',
      url: `${base}?${query}`,
      headers: { 'dintero-signature': header },
    });
    const error = await refusal(adapterWith().receive(request));
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
    expect((error as SignatureVerificationError).reason).toBe('malformed');
  });

  it('should answer other methods on the callback path with 405', async () => {
    const request = await sign({ method: 'PUT', url: `${base}?${query}` });
    const error = await refusal(adapterWith().receive(request));
    expect(MethodNotAllowedError.isInstance(error)).toBe(true);
    expect(error?.httpStatus).toBe(405);
  });

  it('should refuse callbacks when only Hooks are configured', async () => {
    const hooksOnly = createDinteroAdapter({ secret: 'hooks' });
    const request = await sign({ method: 'GET', url: `${base}?${query}` });
    const error = await refusal(hooksOnly.receive(request));
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
    expect(error?.httpStatus).toBe(401);
    expect(error?.message).toMatch(/Checkout callbacks are not configured/);
  });

  it('should recognise callbacks by a configured path segment', async () => {
    const adapter = adapterWith({ callbackPath: 'dintero-callback' });
    const url = `https://shop.example.com/hooks/dintero-callback?${query}`;
    const request = await signDinteroRequest(
      createRawWebhookRequest({ method: 'GET', url }),
      { secret, accountId, callbackPath: 'dintero-callback' },
    );
    expect((await adapter.receive(request)).kind).toBe('event');
    // The default segment is now a Hooks path: GET is refused there.
    const defaultPath = await sign({ method: 'GET', url: `${base}?${query}` });
    const error = await refusal(adapter.receive(defaultPath));
    expect(MethodNotAllowedError.isInstance(error)).toBe(true);
  });
});
