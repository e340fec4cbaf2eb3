import {
  createFetchHandler,
  createRawWebhookRequest,
  createWebhooks,
  MethodNotAllowedError,
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
      code: 'payload_invalid',
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

  it('should refuse a body without event unless allowUnsignedEventType is set', async () => {
    const init = customerDelivery({ body: { event: undefined } });
    const { error, status } = await refusal(adapter.receive(await sign(init)));
    expect(DinteroEventMismatchError.isInstance(error)).toBe(true);
    expect(status).toBe(400);

    const lenient = createDinteroAdapter({
      secret,
      allowUnsignedEventType: true,
    });
    const result = await lenient.receive(await sign(init));
    expect(result.kind === 'event' && result.event.nativeType).toBe(
      'customer_update',
    );
  });

  it('should refuse a body without event and no event header (400)', async () => {
    const init = customerDelivery({ header: null, body: { event: undefined } });
    const { error, status } = await refusal(adapter.receive(await sign(init)));
    expect(MissingHeaderError.isInstance(error)).toBe(true);
    expect(status).toBe(400);
  });

  it('should refuse an event-delivery header that differs from the body', async () => {
    const request = withHeaders(await sign(customerDelivery()), {
      'event-delivery': 'fresh-id-to-bypass-dedup',
    });
    const { error, status } = await refusal(adapter.receive(request));
    expect(DinteroEventMismatchError.isInstance(error)).toBe(true);
    expect((error as DinteroEventMismatchError).field).toBe('event_delivery');
    expect(status).toBe(400);
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

  it('should answer an unsigned ping with 401', async () => {
    const ping = createRawWebhookRequest({
      url,
      headers: { event: 'ping' },
      body: '{}',
    });
    expect((await post(ping)).status).toBe(401);
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
