import { createRawWebhookRequest } from '@finhooks/core';
import { signSolarisRequest, solarisExamples } from '@finhooks/solaris/testing';
import { beforeAll, describe, expect, it } from 'vitest';

const secret = 'example-booking-secret';
process.env.SOLARIS_BOOKING_SECRET = secret;
// Imported after the environment is set, as Next loads a route module.
const { POST } = await import('../app/api/webhooks/route');
const { webhooks } = await import('../lib/webhooks');

const booking = solarisExamples.find(example => example.name === 'BOOKING')!;

async function deliver(signingSecret: string): Promise<Response> {
  const signed = await signSolarisRequest(
    createRawWebhookRequest({
      ...booking.request,
      url: 'https://shop.example/api/webhooks', // Next's route, no provider segment
    }),
    { secret: signingSecret },
  );
  return POST(
    new Request(signed.url, {
      method: signed.method,
      headers: signed.headers,
      body: signed.body as BodyInit,
    }),
  );
}

describe('Next.js route handler (Solaris)', () => {
  const seen: string[] = [];
  beforeAll(() => webhooks.onAny(event => void seen.push(event.type)));

  it('accepts a signed delivery at /api/webhooks', async () => {
    const response = await deliver(secret);
    expect(response.status).toBe(200);
    expect(seen).toEqual(['booking.created']);
  });

  it('refuses a forged delivery with 401', async () => {
    const response = await deliver('not-the-secret');
    expect(response.status).toBe(401);
    expect(seen).toHaveLength(1);
  });
});
