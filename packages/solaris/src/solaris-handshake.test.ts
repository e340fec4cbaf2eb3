import {
  UnprocessableEventError,
  createFetchHandler,
  createWebhooks,
} from '@finhooks/core';
import { toFetchRequest } from '@finhooks/core/testing';
import { createRawWebhookRequest } from '@finhooks/core';
import { describe, expect, it, vi } from 'vitest';
import { createSolarisAdapter } from './solaris-adapter';
import {
  signedSolarisRequest,
  solarisRequest,
  testSecret,
  testUrl,
} from './solaris-test-helpers';

function setup() {
  const webhooks = createWebhooks({
    adapters: [createSolarisAdapter({ defaultSecret: testSecret })],
  });
  const handler = vi.fn();
  webhooks.onAny(handler);
  return { webhooks, handler, fetch: createFetchHandler(webhooks) };
}

const check = (headers: Record<string, string>, body = '') =>
  toFetchRequest(
    createRawWebhookRequest({ method: 'POST', url: testUrl, headers, body }),
  );

describe('subscription check (WEBHOOK-SUBSCRIPTION)', () => {
  it.each([
    ['Solaris-Webhook-Event-Type', 'WEBHOOK-SUBSCRIPTION', ''],
    ['SOLARIS-WEBHOOK-EVENT-TYPE', 'WEBHOOK-SUBSCRIPTION', ''],
    ['solaris-webhook-event-type', 'webhook-subscription', '  \n'],
  ])(
    'should answer 200 to %s: %s without the handlers',
    async (name, value, body) => {
      const { fetch, handler } = setup();
      const response = await fetch(check({ [name]: value }, body));
      expect(response.status).toBe(200);
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it('should refuse an unsigned check that carries a body', async () => {
    const { fetch, handler } = setup();
    const response = await fetch(
      check(
        { 'Solaris-Webhook-Event-Type': 'WEBHOOK-SUBSCRIPTION' },
        '{"id":"x"}',
      ),
    );
    expect(response.status).toBe(401);
    expect(handler).not.toHaveBeenCalled();
  });

  it('should refuse every other unsigned request with 401', async () => {
    const { fetch, handler } = setup();
    for (const [type, body] of [
      ['BOOKING', '{"id":"b"}'],
      ['PERSON_DELETED', ''],
      ['PERSON_DELETED', '{}'],
    ] as const) {
      const response = await fetch(
        toFetchRequest(createRawWebhookRequest(solarisRequest(type, body))),
      );
      expect(response.status).toBe(401);
    }
    const noType = await fetch(check({}));
    expect(noType.status).toBe(401);
    expect(handler).not.toHaveBeenCalled();
  });

  it('should not treat a GET as the check', async () => {
    const { fetch } = setup();
    const response = await fetch(
      new Request(testUrl, {
        headers: { 'Solaris-Webhook-Event-Type': 'WEBHOOK-SUBSCRIPTION' },
      }),
    );
    expect(response.status).toBe(405);
  });
});

describe('HTTP answers', () => {
  it('should answer 200 to an unknown event type and deliver it as solaris.unknown', async () => {
    const { fetch, handler } = setup();
    const request = await signedSolarisRequest('BRAND_NEW_EVENT', { id: 'n1' });
    const response = await fetch(toFetchRequest(request));
    expect(response.status).toBe(200);
    expect(handler).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'solaris.unknown',
        nativeType: 'BRAND_NEW_EVENT',
      }),
    );
  });

  it('should answer 422 when the application throws UnprocessableEventError, never 410', async () => {
    const { webhooks, fetch } = setup();
    webhooks.on('booking.created', () => {
      throw new UnprocessableEventError({
        provider: 'solaris',
        message: 'We never book this.',
      });
    });
    const request = await signedSolarisRequest('BOOKING', {
      id: 'b1',
      amount: { value: 1, unit: 'cents', currency: 'EUR' },
    });
    const response = await fetch(toFetchRequest(request));
    expect(response.status).toBe(422);
  });

  it('should answer 401 to a tampered body', async () => {
    const { fetch } = setup();
    const request = await signedSolarisRequest('ACCOUNT_CLOSURE', {
      account_id: 'acc_1',
    });
    const tampered = createRawWebhookRequest({
      method: 'POST',
      url: testUrl,
      headers: request.headers,
      body: JSON.stringify({ account_id: 'acc_2' }),
    });
    expect((await fetch(toFetchRequest(tampered))).status).toBe(401);
  });
});
