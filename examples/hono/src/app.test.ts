import type { AddressInfo } from 'node:net';
import { createRawWebhookRequest } from '@finhooks/core';
import { dinteroExamples, signDinteroRequest } from '@finhooks/dintero/testing';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';

const secret = 'example-hooks-secret';
const { app, webhooks } = createApp(secret);
const example = dinteroExamples.find(item => item.mechanism === 'hooks')!;
let server: ServerType;
let origin: string;

beforeAll(async () => {
  server = await new Promise<ServerType>(resolve => {
    const started = serve({ fetch: app.fetch, port: 0 }, () =>
      resolve(started),
    );
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

async function deliver(signingSecret: string): Promise<Response> {
  const signed = await signDinteroRequest(
    createRawWebhookRequest({
      ...example.request,
      url: `${origin}/webhooks/dintero`,
    }),
    { secret: signingSecret },
  );
  return fetch(signed.url, {
    method: signed.method,
    headers: signed.headers,
    body: signed.body as BodyInit,
  });
}

describe('Hono on @hono/node-server (Dintero)', () => {
  const seen: string[] = [];
  beforeAll(() => webhooks.onAny(event => void seen.push(event.nativeType)));

  it('accepts a signed delivery', async () => {
    const response = await deliver(secret);
    expect(response.status).toBe(200);
    expect(seen).toEqual([example.nativeType]);
  });

  it('refuses a forged delivery with 401', async () => {
    const response = await deliver('not-the-secret');
    expect(response.status).toBe(401);
    expect(seen).toHaveLength(1);
  });
});
