import { createRawWebhookRequest } from '@finhooks/core';
import {
  signTradevestRequest,
  tradevestExamples,
} from '@finhooks/tradevest/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';

const apiKey = 'example-tradevest-key';
const { app, webhooks } = createApp(apiKey);
const example = tradevestExamples[0]!;
// Tradevest's type is the last path segment: keep the example's path.
const path = new URL(example.request.url).pathname;
let origin: string;

beforeAll(async () => {
  origin = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.close());

async function deliver(value: string): Promise<Response> {
  const signed = await signTradevestRequest(
    createRawWebhookRequest({ ...example.request, url: `${origin}${path}` }),
    { secret: value }, // sets the api-key header
  );
  return fetch(signed.url, {
    method: signed.method,
    headers: signed.headers,
    body: signed.body as BodyInit,
  });
}

describe('Fastify 5 (Tradevest)', () => {
  const seen: string[] = [];
  beforeAll(() => webhooks.onAny(event => void seen.push(event.type)));

  it(`accepts a delivery with the configured header at ${path}`, async () => {
    const response = await deliver(apiKey);
    expect(response.status).toBe(200);
    expect(seen).toEqual([example.type]);
  });

  it('refuses a forged delivery with 401', async () => {
    const response = await deliver('not-the-key');
    expect(response.status).toBe(401);
    expect(seen).toHaveLength(1);
  });

  it('keeps JSON parsing for the rest of the app', async () => {
    const response = await fetch(`${origin}/health`);
    expect(await response.text()).toBe('ok');
  });
});
