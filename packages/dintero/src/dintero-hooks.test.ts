import {
  createFetchHandler,
  createRawWebhookRequest,
  createWebhooks,
  MethodNotAllowedError,
  redactHeaders,
  MissingHeaderError,
  SignatureVerificationError,
  type RawWebhookRequest,
  type RawWebhookRequestInit,
} from '@finhooks/core';
import {
  tamperBody,
  toFetchRequest,
  withHeaders,
} from '@finhooks/core/testing';
import { describe, expect, it } from 'vitest';
import { createDinteroAdapter } from './dintero-adapter';
import { DinteroEventMismatchError } from './dintero-event-mismatch-error';
import { dinteroExamples, signDinteroRequest } from './testing/index';

const secret = 'hooks-secret';
const url = 'https://shop.example.com/webhooks/dintero';
const adapter = createDinteroAdapter({ secret });

function customerDelivery(
  overrides: { header?: string | null; body?: Record<string, unknown> } = {},
): RawWebhookRequestInit {
  const body = {
    account_id: 'T12345678',
    event: 'customer_update',
    event_delivery: 'delivery-7',
    id: 'customer-1',
    status: 'active',
    updated_at: '2026-05-01T10:00:00Z',
    ...overrides.body,
  };
  const headers: Record<string, string> = { 'event-delivery': 'delivery-7' };
  if (overrides.header !== null) {
    headers.event = overrides.header ?? 'customer_update';
  }
  return { url, headers, body: JSON.stringify(body) };
}

const sign = (init: RawWebhookRequestInit, key = secret) =>
  signDinteroRequest(createRawWebhookRequest(init), { secret: key });

async function refusal(
  promise: Promise<unknown>,
): Promise<{ error: unknown; status: number | undefined }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { error, status: (error as { httpStatus?: number }).httpStatus };
}

describe('Hooks API verification', () => {
  it('should accept a signed delivery and read account, livemode and id', async () => {
    const result = await adapter.receive(await sign(customerDelivery()));
    expect(result.kind).toBe('event');
    if (result.kind !== 'event') return;
    expect(result.event).toMatchObject({
      id: 'delivery-7',
      type: 'customer.updated',
      nativeType: 'customer_update',
      account: 'T12345678',
      livemode: false,
      subject: { type: 'customer', id: 'customer-1' },
      status: 'active',
      occurredAt: '2026-05-01T10:00:00.000Z',
    });
  });

  it('should mark P accounts as live', async () => {
    const init = customerDelivery({ body: { account_id: 'P12345678' } });
    const result = await adapter.receive(await sign(init));
    expect(result.kind === 'event' && result.event.livemode).toBe(true);
  });

  it('should refuse a tampered body with SignatureVerificationError', async () => {
    const { error, status } = await refusal(
      adapter.receive(tamperBody(await sign(customerDelivery()))),
    );
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
    expect(status).toBe(401);
  });

  it('should refuse a body re-serialized by a proxy', async () => {
    const signed = await sign(customerDelivery());
    const reserialized = JSON.stringify(
      JSON.parse(new TextDecoder().decode(signed.body)),
      null,
      2,
    );
    const request = createRawWebhookRequest({
      url,
      headers: signed.headers,
      body: reserialized,
    });
    const { error } = await refusal(adapter.receive(request));
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
  });

  it('should refuse the wrong secret', async () => {
    const { error, status } = await refusal(
      adapter.receive(await sign(customerDelivery(), 'another-secret')),
    );
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
    expect(status).toBe(401);
  });

  it('should accept both the old and the new secret while rotating', async () => {
    const rotating = createDinteroAdapter({
      secret: ['new-secret', 'old-secret'],
    });
    for (const key of ['old-secret', 'new-secret']) {
      const result = await rotating.receive(
        await sign(customerDelivery(), key),
      );
      expect(result.kind).toBe('event');
    }
    const { error } = await refusal(
      rotating.receive(await sign(customerDelivery(), 'retired-secret')),
    );
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
  });

  it('should resolve secrets per request', async () => {
    const seen: string[] = [];
    const resolving = createDinteroAdapter({
      secret: ({ request }) => {
        seen.push(new URL(request.url).pathname);
        return secret;
      },
    });
    const result = await resolving.receive(await sign(customerDelivery()));
    expect(result.kind).toBe('event');
    expect(seen).toEqual(['/webhooks/dintero']);
  });

  it('should refuse a delivery without event-signature (401)', async () => {
    const request = withHeaders(await sign(customerDelivery()), {
      'event-signature': null,
    });
    const { error, status } = await refusal(adapter.receive(request));
    expect(MissingHeaderError.isInstance(error)).toBe(true);
    expect((error as MissingHeaderError).header).toBe('event-signature');
    expect(status).toBe(401);
  });

  it('should answer GET on the Hooks path with 405', async () => {
    const request = createRawWebhookRequest({ method: 'GET', url });
    const { error, status } = await refusal(adapter.receive(request));
    expect(MethodNotAllowedError.isInstance(error)).toBe(true);
    expect(status).toBe(405);
  });

  it('should refuse Hooks deliveries when only callbacks are configured', async () => {
    const callbacksOnly = createDinteroAdapter({
      checkout: { secret: 'checkout', accountId: 'T12345678' },
    });
    const { error, status } = await refusal(
      callbacksOnly.receive(await sign(customerDelivery())),
    );
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
    expect(status).toBe(401);
    expect((error as Error).message).toMatch(/no Hooks secret is configured/);
  });
});

describe('Hooks API event type and delivery id', () => {
  it('should refuse an event header that disagrees with the signed body (400)', async () => {
    const request = await sign(customerDelivery({ header: 'customer_delete' }));
    const { error, status } = await refusal(adapter.receive(request));
    expect(DinteroEventMismatchError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      field: 'event',
      headerValue: 'customer_delete',
      bodyValue: 'customer_update',
      code: 'request_invalid',
    });
    expect(status).toBe(400);
  });

  it('should refuse a signed body relabelled as ping', async () => {
    const request = await sign(customerDelivery({ header: 'ping' }));
    const { error } = await refusal(adapter.receive(request));
    expect(DinteroEventMismatchError.isInstance(error)).toBe(true);
  });

  it('should accept the documented header alias checkout_transaction_update', async () => {
    const init: RawWebhookRequestInit = {
      url,
      headers: { event: 'checkout_transaction_update' },
      body: JSON.stringify({
        account_id: 'P12345678',
        event: 'checkout_transaction',
        event_delivery: 'delivery-9',
        transaction: { id: 'P12345678.abc', status: 'CAPTURED' },
      }),
    };
    const result = await adapter.receive(await sign(init));
    expect(result.kind === 'event' && result.event.nativeType).toBe(
      'checkout_transaction',
    );
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'compatibility' }),
    ]);
  });

  it('should use the signed body event when the header is missing', async () => {
    const result = await adapter.receive(
      await sign(customerDelivery({ header: null })),
    );
    expect(result.kind === 'event' && result.event.nativeType).toBe(
      'customer_update',
    );
  });

  it('should accept a fields-mask body without event, its type flagged unauthenticated', async () => {
    // A subscription `fields` mask may drop `event` (and `event_delivery`)
    // from the body; answering 400 would get the subscription deleted.
    const init = customerDelivery({
      body: { event: undefined, event_delivery: undefined },
    });
    const result = await adapter.receive(await sign(init));
    expect(result.kind).toBe('event');
    if (result.kind !== 'event') return;
    expect(result.event).toMatchObject({
      nativeType: 'customer_update',
      type: 'customer.updated',
      subject: { type: 'customer', id: 'customer-1' },
      authenticity: {
        scheme: 'signature',
        body: true,
        type: false,
        subject: true,
      },
      identity: { source: 'content', windowMs: 24 * 60 * 60 * 1000 },
    });
    // The deprecated opt-in changes nothing any more.
    const lenient = createDinteroAdapter({
      secret,
      allowUnsignedEventType: true,
    });
    const again = await lenient.receive(await sign(init));
    expect(again.kind === 'event' && again.event.identity).toEqual(
      result.event.identity,
    );
  });

  it('should flag a type read from the signed body as authenticated', async () => {
    const result = await adapter.receive(await sign(customerDelivery()));
    expect(result.kind === 'event' && result.event.authenticity).toEqual({
      scheme: 'signature',
      body: true,
      type: true,
      subject: true,
      timestamp: false,
      url: false,
      headers: [],
    });
  });

  it('should use dedupWindowMs as the window of content identities', async () => {
    const init = customerDelivery({ body: { event_delivery: undefined } });
    const hourly = createDinteroAdapter({ secret, dedupWindowMs: 3_600_000 });
    const result = await hourly.receive(await sign(init));
    expect(result.kind === 'event' && result.event.identity).toMatchObject({
      source: 'content',
      windowMs: 3_600_000,
    });
    expect(() => createDinteroAdapter({ secret, dedupWindowMs: 0 })).toThrow(
      /dedupWindowMs/,
    );
  });

  it('should refuse a body without event and no event header (400)', async () => {
    const init = customerDelivery({ header: null, body: { event: undefined } });
    const { error, status } = await refusal(adapter.receive(await sign(init)));
    expect(MissingHeaderError.isInstance(error)).toBe(true);
    expect(status).toBe(400);
  });

  it('should identify a delivery by its signed event_delivery, whatever the header says', async () => {
    const signed = await sign(customerDelivery());
    const first = await adapter.receive(signed);
    // A retry, and a replay with a fresh unsigned event-delivery header.
    const retry = await adapter.receive(await sign(customerDelivery()));
    const replay = await adapter.receive(
      withHeaders(signed, { 'event-delivery': 'fresh-id-to-bypass-dedup' }),
    );
    for (const result of [first, retry, replay]) {
      expect(result.kind === 'event' && result.event).toMatchObject({
        id: 'delivery-7',
        identity: { source: 'provider_id', key: 'delivery-7' },
      });
    }
    // The header is kept as a fact, with a warning about the mismatch.
    expect(replay.kind === 'event' && replay.event.delivery.headers).toEqual(
      expect.objectContaining({ 'event-delivery': 'fresh-id-to-bypass-dedup' }),
    );
    expect(replay.warnings).toEqual([
      expect.objectContaining({ type: 'compatibility' }),
    ]);
  });

  it('should not take identity from the event-delivery header when the body has none', async () => {
    const init = customerDelivery({ body: { event_delivery: undefined } });
    const signed = await sign(init);
    const first = await adapter.receive(signed);
    const replay = await adapter.receive(
      withHeaders(signed, { 'event-delivery': 'fresh-id' }),
    );
    const identity = (result: typeof first) =>
      result.kind === 'event' ? result.event.identity : undefined;
    expect(identity(first)?.source).toBe('content');
    expect(identity(replay)).toEqual(identity(first));
  });

  it('should fall back to a deterministic id without any delivery id', async () => {
    const init = customerDelivery({ body: { event_delivery: undefined } });
    const request = withHeaders(await sign(init), { 'event-delivery': null });
    const first = await adapter.receive(request);
    const second = await adapter.receive(request);
    expect(first.kind === 'event' && first.event.id).toMatch(/^[0-9a-f]{64}$/);
    expect(first.kind === 'event' && first.event.id).toBe(
      second.kind === 'event' && second.event.id,
    );
  });

  it('should read the "event-delivery" body key of the shopping examples', async () => {
    const example = dinteroExamples.find(
      candidate => candidate.nativeType === 'shopping_order_update',
    );
    const request = await signDinteroRequest(
      createRawWebhookRequest(example!.request),
      { secret },
    );
    const result = await adapter.receive(request);
    expect(result.kind === 'event' && result.event.id).toBe(
      'cfedde7e-b088-415e-ad5b-cbe54acbb6f9',
    );
  });

  it('should deliver an invalid payload as kind "invalid", not drop it', async () => {
    const init = customerDelivery({ body: { id: 42 } });
    const result = await adapter.receive(await sign(init));
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') {
      expect(result.event.issues[0]?.path).toEqual(['id']);
    }
  });
});

describe('Hooks API over HTTP', () => {
  const webhooks = createWebhooks({ adapters: [adapter] });
  const handle = createFetchHandler(webhooks);
  const post = async (request: RawWebhookRequest) =>
    handle(toFetchRequest(request));

  it('should answer an unknown event name with 200 as dintero.unknown', async () => {
    const types: string[] = [];
    webhooks.onAny(event => {
      types.push(event.type);
    });
    const init: RawWebhookRequestInit = {
      url,
      headers: { event: 'brand_new_event', 'event-delivery': 'unknown-1' },
      body: JSON.stringify({
        account_id: 'P12345678',
        event: 'brand_new_event',
      }),
    };
    const response = await post(await sign(init));
    expect(response.status).toBe(200);
    expect(types).toEqual(['dintero.unknown']);
  });

  it('should answer ping with 200 and hand it to onHandshake only', async () => {
    const handshakes: string[] = [];
    const events: string[] = [];
    const local = createWebhooks({ adapters: [adapter] });
    local.onHandshake(handshake => {
      handshakes.push(handshake.nativeType);
    });
    local.onAny(event => {
      events.push(event.type);
    });
    const ping: RawWebhookRequestInit = {
      url,
      headers: { event: 'ping', 'event-delivery': 'ping-1' },
      body: JSON.stringify({ id: 'subscription-1', active: true }),
    };
    const response = await createFetchHandler(local)(
      toFetchRequest(await sign(ping)),
    );
    expect(response.status).toBe(200);
    expect(handshakes).toEqual(['ping']);
    expect(events).toEqual([]);
  });

  it('should count a retried delivery once', async () => {
    const seen: string[] = [];
    const local = createWebhooks({ adapters: [adapter] });
    local.on('dintero:customer_update', event => {
      seen.push(event.id);
    });
    const handler = createFetchHandler(local);
    const signed = await sign(customerDelivery());
    for (const request of [
      signed,
      await sign(customerDelivery()),
      withHeaders(signed, { 'event-delivery': 'fresh-header-id' }),
    ]) {
      expect((await handler(toFetchRequest(request))).status).toBe(200);
    }
    expect(seen).toEqual(['delivery-7']);
  });

  it('should answer GET with 405, a mismatch with 400, a bad signature with 401', async () => {
    const get = createRawWebhookRequest({ method: 'GET', url });
    expect((await post(get)).status).toBe(405);
    const mismatch = await sign(customerDelivery({ header: 'customer_add' }));
    expect((await post(mismatch)).status).toBe(400);
    const forged = await sign(customerDelivery(), 'forged');
    expect((await post(forged)).status).toBe(401);
  });
});

// Dintero's published ping: the subscription object, sent when a
// subscription is created; unsigned when the subscription has no secret.
const subscription = (secretValue: unknown) => ({
  id: 'subscription-1',
  created_at: '2026-05-01T10:00:00Z',
  active: true,
  config: {
    content_type: 'application/json',
    insecure_ssl: 0,
    secret: secretValue,
    url,
  },
  events: ['receipt_add'],
});

const pingRequest = (
  body: unknown = subscription({ type: 'HMAC-SHA1' }),
  init: Partial<RawWebhookRequestInit> = {},
) =>
  createRawWebhookRequest({
    url,
    headers: { event: 'ping', 'event-delivery': 'ping-1' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });

describe('Hooks API ping', () => {
  it('should answer an unsigned ping as a handshake that emits nothing', async () => {
    const handshakes: unknown[] = [];
    const events: string[] = [];
    const errors: unknown[] = [];
    const local = createWebhooks({ adapters: [adapter] });
    local.onHandshake(handshake => {
      handshakes.push(handshake);
    });
    local.onAny(event => {
      events.push(event.type);
    });
    local.onError(error => {
      errors.push(error);
    });
    const response = await createFetchHandler(local)(
      toFetchRequest(pingRequest()),
    );
    expect(response.status).toBe(200);
    expect(handshakes).toEqual([
      expect.objectContaining({ provider: 'dintero', nativeType: 'ping' }),
    ]);
    expect(events).toEqual([]);
    expect(errors).toEqual([]);
  });

  it.each([
    ['a string', 'plain-subscription-secret'],
    ['an object', { type: 'HMAC-SHA1', value: 'plain-subscription-secret' }],
  ])(
    'should not hand a subscription secret given as %s to onHandshake',
    async (_shape, secretValue) => {
      const body = subscription(secretValue);
      const unsigned = await adapter.receive(pingRequest(body));
      const signed = await adapter.receive(
        await signDinteroRequest(pingRequest(body), { secret }),
      );
      for (const result of [unsigned, signed]) {
        expect(result.kind).toBe('handshake');
        if (result.kind !== 'handshake') continue;
        expect(JSON.stringify(result.handshake)).not.toContain(
          'plain-subscription-secret',
        );
        expect(result.handshake.data).toMatchObject({
          id: 'subscription-1',
          config: { secret: '[redacted]', url },
          events: ['receipt_add'],
        });
      }
    },
  );

  it('should verify a ping that carries a signature', async () => {
    const forged = await signDinteroRequest(pingRequest(), {
      secret: 'not-the-secret',
    });
    const { error, status } = await refusal(adapter.receive(forged));
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
    expect(status).toBe(401);
  });

  it.each([
    ['GET', pingRequest(undefined, { method: 'GET', body: undefined })],
    ['an empty object', pingRequest({})],
    [
      'a body naming an event',
      pingRequest({ ...subscription({}), event: 'customer_update' }),
    ],
    ['a body that is not JSON', pingRequest('{"id":')],
    [
      'a body larger than a subscription',
      pingRequest({ ...subscription({}), padding: 'x'.repeat(20_000) }),
    ],
    [
      'another event header',
      pingRequest(undefined, { headers: { event: 'customer_update' } }),
    ],
    ['the callback path', pingRequest(undefined, { url: `${url}/callback` })],
  ])('should not accept an unsigned ping with %s', async (_name, request) => {
    const { error, status } = await refusal(adapter.receive(request));
    expect(error).toBeDefined();
    expect([401, 405]).toContain(status);
  });
});

describe('stored deliveries', () => {
  it('should not keep the Hooks signature header', async () => {
    const signed = await sign(customerDelivery());
    expect(signed.headers.has('event-signature')).toBe(true);
    const kept = redactHeaders(signed.headers, adapter.sensitiveHeaders);
    expect(kept).not.toHaveProperty('event-signature');
    expect(kept).toHaveProperty('event-delivery', 'delivery-7');
    expect(adapter.sensitiveHeaders).toEqual(
      expect.arrayContaining(['event-signature', 'dintero-signature']),
    );
  });
});
