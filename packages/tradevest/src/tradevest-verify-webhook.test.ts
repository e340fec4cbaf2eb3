import {
  AuthenticationError,
  ConfigurationError,
  createRawWebhookRequest,
  RouteNotFoundError,
  type RawWebhookRequest,
} from '@finhooks/core';
import { toFetchRequest } from '@finhooks/core/testing';
import { describe, expect, it } from 'vitest';
import { signTradevestRequest, tradevestExamples } from './testing/index';
import type { TradevestAdapterSettings } from './tradevest-adapter-settings';
import { verifyTradevestWebhook } from './tradevest-verify-webhook';

const secret = 'tv_secret_api_key';
const settings: TradevestAdapterSettings = {
  headers: [{ name: 'api-key', value: secret }],
};
const base = 'https://partner.example.com/webhooks/tradevest';
const url = `${base}/digital-asset-order-notification`;
const body =
  '{"orderId":"o-1","customerProductId":"cp-1","externalId":"ext-1","status":"EXECUTED","notificationType":"UPDATED","executionData":{"quantity":0.10,"executionPrice":12345678901234567.25,"executionAmount":1}}';

const signed = (text = body, key = secret, at = url) =>
  signTradevestRequest(createRawWebhookRequest({ url: at, body: text }), {
    secret: key,
  });

/** Node's `req.headers`: lowercase names, string or string[] values. */
function nodeHeaders(
  request: RawWebhookRequest,
): Record<string, string | string[] | undefined> {
  const headers: Record<string, string | string[] | undefined> = {
    'x-absent': undefined,
    accept: ['application/json', '*/*'],
  };
  request.headers.forEach((value, name) => (headers[name] = value));
  return headers;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('should have been refused'),
    (error: unknown) => error,
  );
}

describe('verifyTradevestWebhook', () => {
  it('should verify a Fetch Request and return the typed event with its authenticity', async () => {
    const result = await verifyTradevestWebhook(
      toFetchRequest(await signed()),
      settings,
    );
    expect(result.kind).toBe('event');
    if (result.kind !== 'event') return;
    const { event } = result;
    expect(event).toMatchObject({
      provider: 'tradevest',
      nativeType: 'DIGITAL_ASSET_ORDER_NOTIFICATION',
      type: 'order.status_changed',
      subject: { type: 'order', id: 'o-1' },
      identity: { source: 'content' },
      authenticity: {
        scheme: 'credentials',
        body: true,
        type: true,
        timestamp: false,
      },
    });
    if (event.nativeType !== 'DIGITAL_ASSET_ORDER_NOTIFICATION') return;
    // Typed, and JSON numbers kept as their exact decimal text.
    expect(event.data.executionData?.quantity).toBe('0.10');
    expect(event.data.executionData?.executionPrice).toBe(
      '12345678901234567.25',
    );
  });

  it('should verify a plain { body, headers, url } with Node-style headers', async () => {
    const request = await signed();
    const result = await verifyTradevestWebhook(
      { body: request.body, headers: nodeHeaders(request), url },
      settings,
    );
    expect(result.kind).toBe('event');

    // The body as a string, any letter case of the header name.
    const fromText = await verifyTradevestWebhook(
      { body, headers: { 'API-Key': secret }, url },
      settings,
    );
    expect(fromText.kind).toBe('event');
    if (result.kind !== 'event' || fromText.kind !== 'event') return;
    expect(fromText.event.identity.key).toBe(result.event.identity.key);
  });

  it.each([
    ['a wrong header value', () => signed(body, 'forged-key')],
    [
      'no header',
      () => Promise.resolve(createRawWebhookRequest({ url, body })),
    ],
  ])('should reject %s with a typed 401', async (_name, build) => {
    const request = await build();
    for (const input of [
      toFetchRequest(request),
      { body: request.body, headers: nodeHeaders(request), url },
    ]) {
      const error = await rejection(verifyTradevestWebhook(input, settings));
      expect(AuthenticationError.isInstance(error), String(error)).toBe(true);
      expect((error as AuthenticationError).httpStatus).toBe(401);
      expect((error as AuthenticationError).provider).toBe('tradevest');
    }
  });

  it('should reject a path that names no notification type with a typed 404', async () => {
    const error = await rejection(
      verifyTradevestWebhook(
        toFetchRequest(await signed(body, secret, `${base}/not-a-type`)),
        settings,
      ),
    );
    expect(RouteNotFoundError.isInstance(error), String(error)).toBe(true);
    expect((error as RouteNotFoundError).httpStatus).toBe(404);
  });

  it('should return an authentic body that fails its schema as invalid', async () => {
    const result = await verifyTradevestWebhook(
      toFetchRequest(await signed('{"status":"EXECUTED"}')),
      settings,
    );
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.event.issues).toContainEqual({
      path: ['orderId'],
      code: 'invalid_type',
      message: 'Required: expected string',
    });
  });

  it('should verify every published example', async () => {
    for (const example of tradevestExamples) {
      const request = await signTradevestRequest(
        createRawWebhookRequest(example.request),
        { secret },
      );
      const result = await verifyTradevestWebhook(
        toFetchRequest(request),
        settings,
      );
      expect(result.kind, example.name).toBe('event');
      if (result.kind !== 'event') continue;
      expect(result.event.nativeType).toBe(example.nativeType);
    }
  });

  it('should build the adapter once per settings object', async () => {
    const cached: TradevestAdapterSettings = {
      headers: [{ name: 'api-key', value: secret }],
    };
    expect((await verifyTradevestWebhook(await signed(), cached)).kind).toBe(
      'event',
    );
    // The adapter was built from the first call's settings: changing the
    // object afterwards does not rebuild it (pass a new object instead).
    cached.headers = [{ name: 'api-key', value: 'rotated' }];
    expect((await verifyTradevestWebhook(await signed(), cached)).kind).toBe(
      'event',
    );
    const error = await rejection(
      verifyTradevestWebhook(await signed(), { ...cached }),
    );
    expect(AuthenticationError.isInstance(error)).toBe(true);
  });

  it('should reject settings without any check (JavaScript callers) with ConfigurationError', async () => {
    for (const unchecked of [
      {},
      { headers: [] },
      { headers: [{ name: 'api-key', value: '' }] },
    ]) {
      const error = await rejection(
        verifyTradevestWebhook(
          await signed(),
          unchecked as unknown as TradevestAdapterSettings,
        ),
      );
      expect(ConfigurationError.isInstance(error), String(error)).toBe(true);
    }
  });
});
