import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRawWebhookRequest } from '@finhooks/core';
import { redpinExamples, signRedpinRequest } from '@finhooks/redpin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';

const token = 'example-redpin-token';
const { app, webhooks } = createApp(token);
const example = redpinExamples.find(
  item => item.type === 'payment.status_changed',
)!;
let server: Server;
let origin: string;

beforeAll(async () => {
  server = await new Promise<Server>(resolve => {
    const started = app.listen(0, () => resolve(started));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

async function deliver(value: string): Promise<Response> {
  const signed = await signRedpinRequest(
    createRawWebhookRequest({
      ...example.request,
      url: `${origin}/webhooks/redpin`,
    }),
    { secret: value }, // sets x-redpin-webhook-token
  );
  return fetch(signed.url, {
    method: signed.method,
    headers: signed.headers,
    body: signed.body as BodyInit,
  });
}

describe('Express 5 (Redpin)', () => {
  const seen: string[] = [];
  beforeAll(() => webhooks.onAny(event => void seen.push(event.type)));

  it('accepts a delivery with the configured token', async () => {
    const response = await deliver(token);
    expect(response.status).toBe(200);
    expect(seen).toEqual(['payment.status_changed']);
  });

  it('refuses a forged delivery with 401', async () => {
    const response = await deliver('not-the-token');
    expect(response.status).toBe(401);
    expect(seen).toHaveLength(1);
  });
});
