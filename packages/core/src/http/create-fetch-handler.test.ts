import { describe, expect, it, vi } from 'vitest';
import { createRawWebhookRequest } from '../adapter/v1/raw-webhook-request';
import { UnprocessableEventError } from '../errors/unprocessable-event-error';
import { createWebhooks } from '../router/create-webhooks';
import { createFakeAdapter, signFakeRequest } from '../testing/fake-adapter';
import { toFetchRequest } from '../testing/request-helpers';
import { createFetchHandler } from './create-fetch-handler';

const secret = 'whsec_test';
const base = 'https://hooks.example.com';
const customerBody = JSON.stringify({
  type: 'customer.update',
  customer: { id: 'cus_1' },
});

/** The fake provider's id lives in the signed body. */
function withId(body: string, id: string): string {
  try {
    return JSON.stringify({ id, ...(JSON.parse(body) as object) });
  } catch {
    return body;
  }
}

async function signedRequest(
  body: string,
  { path = '/webhooks/fake', id = 'evt_1' } = {},
) {
  const raw = await signFakeRequest(
    createRawWebhookRequest({
      url: `${base}${path}`,
      body: withId(body, id),
    }),
    { secret },
  );
  return toFetchRequest(raw);
}

function setup(options: Parameters<typeof createFetchHandler>[1] = {}) {
  const webhooks = createWebhooks({
    adapters: [
      createFakeAdapter({ secret }),
      createFakeAdapter({ secret, provider: 'other' }),
    ],
  });
  return { webhooks, handle: createFetchHandler(webhooks, options) };
}

describe('createFetchHandler', () => {
  it('should answer 200 for an accepted event and 200 for its duplicate, running the handler once', async () => {
    const { webhooks, handle } = setup();
    const handler = vi.fn();
    webhooks.on('customer.updated', handler);
    const first = await handle(await signedRequest(customerBody));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      ok: true,
      id: 'evt_1',
      duplicate: false,
    });
    const second = await handle(await signedRequest(customerBody));
    expect(await second.json()).toEqual({
      ok: true,
      id: 'evt_1',
      duplicate: true,
    });
    expect(handler).toHaveBeenCalledOnce();
  });

  it('should answer 200 to unknown types and invalid payloads (never dropped)', async () => {
    const { handle } = setup();
    expect(
      (await handle(await signedRequest('{"type":"brand.new"}', { id: 'u' })))
        .status,
    ).toBe(200);
    expect(
      (
        await handle(
          await signedRequest('{"type":"customer.update"}', { id: 'i' }),
        )
      ).status,
    ).toBe(200);
  });

  it('should answer 401 for a tampered body, with a JSON error and no secret', async () => {
    const { handle } = setup();
    const request = await signedRequest(customerBody);
    const tampered = new Request(request.url, {
      method: 'POST',
      headers: request.headers,
      body: customerBody.replace('cus_1', 'cus_2'),
    });
    const response = await handle(tampered);
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      ok: false,
      error: { code: 'signature_invalid' },
    });
    expect(text).not.toContain(secret);
  });

  it('should answer 400 for an authentic body that is not JSON, and for an empty one', async () => {
    const { handle } = setup();
    expect(
      (await handle(await signedRequest('{"type": "customer.upd'))).status,
    ).toBe(400);
    expect((await handle(await signedRequest(''))).status).toBe(400);
  });

  it('should answer 413 past the limit, by Content-Length and while streaming', async () => {
    const { handle } = setup({ maxBodyBytes: 64 });
    const big = JSON.stringify({
      type: 'customer.update',
      customer: { id: 'x'.repeat(100) },
    });
    expect((await handle(await signedRequest(big))).status).toBe(413);
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(32).fill(0x20));
        if (pulled > 1000) controller.close();
      },
    });
    const streamed = new Request(`${base}/webhooks/fake`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const response = await handle(streamed);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(10); // stopped reading, did not buffer the rest
  });

  it('should answer 405 with Allow for a wrong method and 404 for an unknown route', async () => {
    const { handle } = setup();
    const wrong = await handle(
      new Request(`${base}/webhooks/fake`, { method: 'GET' }),
    );
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(
      (
        await handle(
          new Request(`${base}/webhooks/third`, { method: 'POST', body: '{}' }),
        )
      ).status,
    ).toBe(404);
  });

  it('should route every path to the only adapter (a Next.js route handler)', async () => {
    const webhooks = createWebhooks({
      adapters: [createFakeAdapter({ secret })],
    });
    const handle = createFetchHandler(webhooks);
    const raw = await signFakeRequest(
      createRawWebhookRequest({
        url: `${base}/api/webhooks`,
        body: customerBody,
      }),
      { secret },
    );
    expect((await handle(toFetchRequest(raw))).status).toBe(200);
  });

  it('should match provider segments in any letter case', async () => {
    const { handle } = setup();
    expect(
      (
        await handle(
          await signedRequest(customerBody, { path: '/webhooks/FaKe' }),
        )
      ).status,
    ).toBe(200);
  });

  it('should say how to fix a path that names no provider', async () => {
    const { handle } = setup();
    const response = await handle(
      new Request(`${base}/api/webhooks`, { method: 'POST', body: '{}' }),
    );
    expect(response.status).toBe(404);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toContain('/webhooks/fake');
    expect(error.message).toContain("{ provider: '<name>' }");
  });

  it('should route by the configured provider regardless of path', async () => {
    const { handle } = setup({ provider: 'fake' });
    expect(
      (
        await handle(
          await signedRequest(customerBody, { path: '/hooks/anything' }),
        )
      ).status,
    ).toBe(200);
  });

  it('should answer 500 when a handler fails (the provider retries) and 422 when it refuses for good', async () => {
    const { webhooks, handle } = setup();
    const off = webhooks.on('customer.updated', () => {
      throw new Error('db down');
    });
    const failed = await handle(await signedRequest(customerBody));
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toContain('stack');
    off();
    webhooks.on('customer.updated', () => {
      throw new UnprocessableEventError({ message: 'never' });
    });
    expect(
      (await handle(await signedRequest(customerBody, { id: 'evt_2' }))).status,
    ).toBe(422);
  });

  it('should explain a body that was already read', async () => {
    const { handle } = setup();
    const request = await signedRequest(customerBody);
    await request.json();
    const response = await handle(request);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({
      error: { code: 'body_already_parsed' },
    });
  });

  it('should answer the handshake with 200 without handlers', async () => {
    const { webhooks, handle } = setup();
    const handler = vi.fn();
    webhooks.onAny(handler);
    const response = await handle(
      new Request(`${base}/webhooks/fake`, {
        method: 'POST',
        headers: { 'x-fake-check': 'subscribe' },
      }),
    );
    expect(response.status).toBe(200);
    expect(handler).not.toHaveBeenCalled();
  });

  it('should never answer 410', async () => {
    const { handle } = setup();
    const statuses = await Promise.all(
      [
        new Request(`${base}/gone`, { method: 'POST' }),
        new Request(`${base}/webhooks/fake`, { method: 'DELETE' }),
        new Request(`${base}/webhooks/fake`, { method: 'POST', body: 'x' }),
      ].map(async request => (await handle(request)).status),
    );
    expect(statuses).not.toContain(410);
  });

  it('should report each request once to onResult, with its outcome or error', async () => {
    const results: {
      status: number;
      provider?: string;
      code?: string;
      outcome?: string;
    }[] = [];
    const { handle } = setup({
      onResult: result => {
        results.push({
          status: result.status,
          provider: result.provider,
          code: (result.error as { code?: string } | undefined)?.code,
          outcome: result.outcome?.status,
        });
        throw new Error('a broken listener must not change the answer');
      },
    });
    expect((await handle(await signedRequest(customerBody))).status).toBe(200);
    expect((await handle(await signedRequest(customerBody))).status).toBe(200);
    expect(
      (await handle(new Request(`${base}/nowhere`, { method: 'POST' }))).status,
    ).toBe(404);
    expect(results).toEqual([
      { status: 200, provider: 'fake', code: undefined, outcome: 'accepted' },
      { status: 200, provider: 'fake', code: undefined, outcome: 'duplicate' },
      {
        status: 404,
        provider: undefined,
        code: 'route_not_found',
        outcome: undefined,
      },
    ]);
  });
});
