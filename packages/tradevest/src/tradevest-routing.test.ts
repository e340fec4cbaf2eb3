import {
  createFetchHandler,
  createRawWebhookRequest,
  createWebhooks,
  RouteNotFoundError,
  type RawWebhookRequestInit,
} from '@finhooks/core';
import { toFetchRequest } from '@finhooks/core/testing';
import { describe, expect, it } from 'vitest';
import { signTradevestRequest } from './testing/index';
import { createTradevestAdapter } from './tradevest-adapter';

const secret = 'tv_secret_api_key';
const body = JSON.stringify({
  customerId: 'cus-1',
  modifiedOn: '2025-05-23T00:32:56.709Z',
  status: 'ACTIVE',
  notificationType: 'UPDATED',
});

function adapter() {
  return createTradevestAdapter({
    headers: [{ name: 'api-key', value: secret }],
  });
}

function signed(url: string, init: Partial<RawWebhookRequestInit> = {}) {
  return signTradevestRequest(createRawWebhookRequest({ url, body, ...init }), {
    secret,
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('path resolution', () => {
  it.each([
    ['without a prefix', 'https://partner.example.com/customer-notification'],
    [
      'under a prefix',
      'https://partner.example.com/webhooks/tradevest/customer-notification',
    ],
    [
      'with a trailing slash',
      'https://partner.example.com/hooks/customer-notification/',
    ],
    [
      'with a query string',
      'https://partner.example.com/customer-notification?source=tv',
    ],
  ])(
    'should read the native type from the last segment %s',
    async (_name, url) => {
      const result = await adapter().receive(await signed(url));
      expect(result.kind).toBe('event');
      if (result.kind !== 'event') return;
      expect(result.event.nativeType).toBe('CUSTOMER_NOTIFICATION');
      expect(result.event.type).toBe('customer.status_changed');
    },
  );

  it.each([
    [
      'an unknown path',
      'https://partner.example.com/webhooks/tradevest/account-notification',
    ],
    [
      'the native name instead of the path',
      'https://partner.example.com/CUSTOMER_NOTIFICATION',
    ],
    ['an upper-case path', 'https://partner.example.com/Customer-Notification'],
    [
      'a path that only starts with a known one',
      'https://partner.example.com/customer-notification-v2',
    ],
    ['the prefix alone', 'https://partner.example.com/webhooks/tradevest'],
    ['the root', 'https://partner.example.com/'],
  ])(
    'should refuse %s with RouteNotFoundError (404, never 410)',
    async (_name, url) => {
      const error = await rejection(adapter().receive(await signed(url)));
      expect(RouteNotFoundError.isInstance(error), String(error)).toBe(true);
      expect((error as RouteNotFoundError).httpStatus).toBe(404);
    },
  );

  it('should answer 404 for an unknown path before reading a broken body', async () => {
    const request = await signed('https://partner.example.com/nope', {
      body: '{"broken": ',
    });
    const error = await rejection(adapter().receive(request));
    expect(RouteNotFoundError.isInstance(error)).toBe(true);
  });

  it('should still authenticate first: an unknown path without the header is a 401', async () => {
    const request = createRawWebhookRequest({
      url: 'https://partner.example.com/nope',
      body,
    });
    const error = await rejection(adapter().receive(request));
    expect((error as { httpStatus?: number }).httpStatus).toBe(401);
  });
});

describe('through createFetchHandler at /webhooks/tradevest/<path>', () => {
  const webhooks = createWebhooks({ adapters: [adapter()] });
  const received: string[] = [];
  webhooks.on('customer.status_changed', event => {
    received.push(event.data.customerId);
  });
  const handle = createFetchHandler(webhooks);
  const base = 'http://localhost:3000/webhooks/tradevest';

  it('should accept a known path with the configured header (200)', async () => {
    const response = await handle(
      toFetchRequest(await signed(`${base}/customer-notification`)),
    );
    expect(response.status).toBe(200);
    expect(received).toContain('cus-1');
  });

  it('should answer 404 for an unknown path', async () => {
    const response = await handle(
      toFetchRequest(await signed(`${base}/unknown-notification`)),
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      ok: false,
      error: { code: 'route_not_found' },
    });
  });

  it('should answer 401 without the header', async () => {
    const request = createRawWebhookRequest({
      url: `${base}/customer-notification`,
      body,
    });
    const response = await handle(toFetchRequest(request));
    expect(response.status).toBe(401);
  });

  it('should answer 401 for a wrong header value', async () => {
    const request = await signTradevestRequest(
      createRawWebhookRequest({ url: `${base}/customer-notification`, body }),
      { secret: `${secret}x` },
    );
    const response = await handle(toFetchRequest(request));
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain(secret);
  });

  it('should answer 405 to a GET', async () => {
    const request = await signed(`${base}/customer-notification`, {
      method: 'GET',
      body: '',
    });
    const response = await handle(toFetchRequest(request));
    expect(response.status).toBe(405);
  });

  it('should answer 400 to an authentic body that is not JSON', async () => {
    const request = await signed(`${base}/customer-notification`, {
      body: 'not json',
    });
    const response = await handle(toFetchRequest(request));
    expect(response.status).toBe(400);
  });
});
