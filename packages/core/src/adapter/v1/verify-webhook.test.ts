import { describe, expect, it } from 'vitest';
import { createFakeAdapter, signFakeRequest } from '../../testing/fake-adapter';
import { toFetchRequest } from '../../testing/request-helpers';
import { createRawWebhookRequest } from './raw-webhook-request';
import { verifyWebhook } from './verify-webhook';

const secret = 'whsec_test';
const adapter = createFakeAdapter({ secret });
const url = 'https://hooks.example.com/webhooks/fake';
const body = JSON.stringify({
  id: 'evt_1',
  type: 'customer.update',
  customer: { id: 'cus_1' },
});

describe('verifyWebhook', () => {
  it('should verify a Fetch Request and return the typed envelope', async () => {
    const signed = await signFakeRequest(
      createRawWebhookRequest({ url, body }),
      {
        secret,
      },
    );
    const result = await verifyWebhook(adapter, toFetchRequest(signed));
    expect(result.kind).toBe('event');
    expect(result.kind === 'event' && result.event).toMatchObject({
      id: 'evt_1',
      type: 'customer.updated',
      authenticity: { scheme: 'signature', body: true },
    });
  });

  it('should verify a body and Node-style headers', async () => {
    const signed = await signFakeRequest(
      createRawWebhookRequest({ url, body }),
      {
        secret,
      },
    );
    const headers: Record<string, string | string[] | undefined> = {};
    signed.headers.forEach((value, name) => (headers[name] = value));
    const result = await verifyWebhook(adapter, { body, headers, url });
    expect(result.kind === 'event' && result.event.nativeType).toBe(
      'customer.update',
    );
  });

  it('should throw a typed error for a forged delivery', async () => {
    await expect(
      verifyWebhook(adapter, {
        body,
        url,
        headers: { 'x-fake-signature': '00', 'x-fake-timestamp': '1' },
      }),
    ).rejects.toMatchObject({ httpStatus: 401 });
  });
});
