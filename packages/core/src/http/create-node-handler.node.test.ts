import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRawWebhookRequest } from '../adapter/v1/raw-webhook-request';
import { createWebhooks } from '../router/create-webhooks';
import { createFakeAdapter, signFakeRequest } from '../testing/fake-adapter';
import { createNodeHandler } from './create-node-handler';
import type { NodeWebhookRequest } from './read-node-body';

const secret = 'whsec_test';
const body = JSON.stringify({
  id: 'evt_1',
  type: 'customer.update',
  customer: { id: 'cus_1' },
});
let server: Server | undefined;

afterEach(
  () =>
    new Promise<void>(resolve =>
      server ? server.close(() => resolve()) : resolve(),
    ),
);

async function listen(
  options: Parameters<typeof createNodeHandler>[1] = {},
  before?: (request: NodeWebhookRequest) => void | Promise<void>,
) {
  const webhooks = createWebhooks({
    adapters: [
      createFakeAdapter({ secret }),
      createFakeAdapter({ secret, provider: 'other' }),
    ],
  });
  const handle = createNodeHandler(webhooks, options);
  server = createServer(
    async (request: IncomingMessage, response: ServerResponse) => {
      await before?.(request as NodeWebhookRequest);
      await handle(request as NodeWebhookRequest, response);
    },
  );
  await new Promise<void>(resolve => server!.listen(0, '127.0.0.1', resolve));
  return { webhooks, port: (server.address() as AddressInfo).port };
}

async function post(
  port: number,
  payload: string | Buffer,
  headers: Record<string, string> = {},
  path = '/webhooks/fake',
) {
  const raw = await signFakeRequest(
    createRawWebhookRequest({
      url: `http://127.0.0.1:${port}${path}`,
      body: typeof payload === 'string' ? payload : new Uint8Array(payload),
    }),
    { secret },
  );
  const response = await fetch(raw.url, {
    method: 'POST',
    headers: { ...Object.fromEntries(raw.headers), ...headers },
    body: raw.body as BodyInit,
  });
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown>,
  };
}

describe('createNodeHandler', () => {
  it('should accept a signed delivery and deduplicate it', async () => {
    const { webhooks, port } = await listen();
    const handler = vi.fn();
    webhooks.on('customer.updated', handler);
    expect(await post(port, body)).toEqual({
      status: 200,
      json: { ok: true, id: 'evt_1', duplicate: false },
    });
    expect((await post(port, body)).json.duplicate).toBe(true);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('should answer with a Content-Length, not chunked', async () => {
    const { port } = await listen();
    const raw = await signFakeRequest(
      createRawWebhookRequest({
        url: `http://127.0.0.1:${port}/webhooks/fake`,
        body,
      }),
      { secret },
    );
    const response = await fetch(raw.url, {
      method: 'POST',
      headers: Object.fromEntries(raw.headers),
      body: raw.body as BodyInit,
    });
    const text = await response.text();
    expect(response.headers.get('content-length')).toBe(
      String(Buffer.byteLength(text)),
    );
    expect(response.headers.get('transfer-encoding')).toBeNull();
  });

  it('should answer 401, 400, 404 and 405', async () => {
    const { port } = await listen();
    const forged = await fetch(`http://127.0.0.1:${port}/webhooks/fake`, {
      method: 'POST',
      body,
    });
    expect(forged.status).toBe(401);
    expect((await post(port, 'not json')).status).toBe(400);
    expect((await post(port, body, {}, '/webhooks/unknown')).status).toBe(404);
    const get = await fetch(`http://127.0.0.1:${port}/webhooks/fake`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('should survive malformed paths and Host headers as a bare http.createServer handler', async () => {
    const webhooks = createWebhooks({
      adapters: [createFakeAdapter({ secret })],
      logger: { debug() {}, info() {}, warn() {}, error() {} },
    });
    const errors: unknown[] = [];
    webhooks.onError(error => void errors.push(error));
    // Exactly the README's plain Node setup: no wrapper that catches.
    server = createServer(createNodeHandler(webhooks));
    await new Promise<void>(resolve => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const send = (path: string, host: string) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(
          { port, host: '127.0.0.1', path, method: 'POST', headers: { host } },
          response => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on('error', reject);
        request.end('{}');
      });
    expect(await send('/webhooks/%E0%A4%A/fake', 'localhost')).toBe(401);
    // One adapter: every path routes to it.
    expect(await send('/%E0%A4%A', 'localhost')).toBe(401);
    expect(await send('/webhooks/fake', 'exa mple:99999')).toBe(401);
    expect(await send('//%zz', '[::1')).toBe(400);
    expect(errors).toHaveLength(4);
  });

  it('should answer 413 for a streamed body past the limit without buffering it', async () => {
    const { port } = await listen({ maxBodyBytes: 1024 });
    const status = await new Promise<number>((resolve, reject) => {
      // Chunked: no Content-Length, so the limit is enforced while reading.
      const request = httpRequest(
        { port, host: '127.0.0.1', path: '/webhooks/fake', method: 'POST' },
        response => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      for (let index = 0; index < 64; index++)
        request.write(Buffer.alloc(1024, 0x20));
      request.end();
    });
    expect(status).toBe(413);
  });

  it('should answer 413 by Content-Length before reading', async () => {
    const { port } = await listen({ maxBodyBytes: 16 });
    expect((await post(port, body)).status).toBe(413);
  });

  it('should use a raw body a framework kept (express.raw / rawBody)', async () => {
    const { port } = await listen({}, async request => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const rawBody = Buffer.concat(chunks);
      request.rawBody = rawBody;
      request.body = JSON.parse(rawBody.toString()) as unknown;
    });
    expect((await post(port, body)).status).toBe(200);
  });

  it('should explain a body a JSON middleware already parsed', async () => {
    const { port } = await listen({}, async request => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      request.body = JSON.parse(Buffer.concat(chunks).toString()) as unknown;
    });
    const { status, json } = await post(port, body);
    expect(status).toBe(500);
    expect(json).toMatchObject({
      error: {
        code: 'body_already_parsed',
        message: expect.stringContaining('express.raw'),
      },
    });
  });
});
