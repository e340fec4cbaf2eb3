import { createRawWebhookRequest } from '@finhooks/core';
import { signSolarisRequest, solarisExamples } from '@finhooks/solaris/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import worker, { receiverFor, type Env } from './worker';

const env: Env = { SOLARIS_BOOKING_SECRET: 'example-booking-secret' };
const booking = solarisExamples.find(example => example.name === 'BOOKING')!;

async function deliver(secret: string): Promise<Response> {
  const signed = await signSolarisRequest(
    createRawWebhookRequest({
      ...booking.request,
      url: 'https://hooks.example.workers.dev/',
    }),
    { secret },
  );
  const request = new Request(signed.url, {
    method: signed.method,
    headers: signed.headers,
    body: signed.body as BodyInit,
  });
  return worker.fetch(request, env);
}

describe('Workers-style fetch on the edge runtime (Solaris)', () => {
  const seen: string[] = [];
  beforeAll(() =>
    receiverFor(env).webhooks.onAny(event => void seen.push(event.type)),
  );

  it('runs without Node APIs', () => {
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe(
      'string',
    );
  });

  it('accepts a signed delivery', async () => {
    const response = await deliver(env.SOLARIS_BOOKING_SECRET);
    expect(response.status).toBe(200);
    expect(seen).toEqual(['booking.created']);
  });

  it('refuses a forged delivery with 401', async () => {
    const response = await deliver('not-the-secret');
    expect(response.status).toBe(401);
    expect(seen).toHaveLength(1);
  });
});
