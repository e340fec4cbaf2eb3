import {
  AuthenticationError,
  ConfigurationError,
  createRawWebhookRequest,
  type RawWebhookRequest,
} from '@finhooks/core';
import { toFetchRequest } from '@finhooks/core/testing';
import { describe, expect, it } from 'vitest';
import type { RedpinAdapterSettings } from './redpin-adapter-settings';
import { verifyRedpinWebhook } from './redpin-verify-webhook';
import { redpinExamples, signRedpinRequest } from './testing/index';

const token = 'redpin-token-7f3a';
const headerName = 'x-redpin-token';
const settings: RedpinAdapterSettings = {
  auth: { headers: [{ name: headerName, value: token }] },
};
const url = 'https://shop.example.com/webhooks/redpin';
const body = JSON.stringify({
  event_id: '7',
  event_type: 'PAYMENT STATUS',
  version: 'v1.0.0',
  event_timestamp: '2025-03-01T10:00:00Z',
  data: {
    payment_id: 'P-100',
    status: 'RECEIVED_FUNDS',
    customer_id: 'C-1',
    amount: { currency: 'EUR', value: 100.1 },
  },
});

const signed = (text = body, secret = token) =>
  signRedpinRequest(createRawWebhookRequest({ url, body: text }), {
    secret,
    headerName,
  });

/** Node's `req.headers`: lowercase names, string or string[] values. */
function nodeHeaders(
  request: RawWebhookRequest,
): Record<string, string | string[] | undefined> {
  const headers: Record<string, string | string[] | undefined> = {
    'x-absent': undefined,
    accept: ['application/json', 'text/plain'],
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

describe('verifyRedpinWebhook', () => {
  it('should verify a Fetch Request and return the typed event with its authenticity', async () => {
    const result = await verifyRedpinWebhook(
      toFetchRequest(await signed()),
      settings,
    );
    expect(result.kind).toBe('event');
    if (result.kind !== 'event') return;
    const { event } = result;
    expect(event).toMatchObject({
      provider: 'redpin',
      nativeType: 'PAYMENT STATUS',
      type: 'payment.status_changed',
      subject: { type: 'payment', id: 'P-100' },
      status: 'RECEIVED_FUNDS',
      normalizedStatus: 'processing',
      identity: { source: 'provider_id', key: 'P-100:7' },
      authenticity: { scheme: 'credentials', body: true, timestamp: false },
    });
    if (event.type !== 'payment.status_changed') return;
    // Typed: `data` is the normalized payment, amounts with their text.
    expect(event.data.details.amount?.value_text).toBe('100.1');
    expect(event.data.generation).toBe('envelope');
  });

  it('should verify a plain { body, headers, url } with Node-style headers', async () => {
    const request = await signed();
    const result = await verifyRedpinWebhook(
      { body: request.body, headers: nodeHeaders(request), url },
      settings,
    );
    expect(result.kind).toBe('event');
    if (result.kind !== 'event') return;
    expect(result.event.identity.key).toBe('P-100:7');

    // The body as a string works as well.
    const fromText = await verifyRedpinWebhook(
      { body, headers: { [headerName]: token }, url },
      settings,
    );
    expect(fromText.kind).toBe('event');
  });

  it('should pass remoteAddress on to an IP allowlist', async () => {
    const allowlisted: RedpinAdapterSettings = {
      auth: { ipAllowlist: { allow: ['203.0.113.0/24'] } },
    };
    const inside = await verifyRedpinWebhook(
      { body, headers: {}, url, remoteAddress: '203.0.113.7' },
      allowlisted,
    );
    expect(inside.kind).toBe('event');
    const outside = await rejection(
      verifyRedpinWebhook(
        { body, headers: {}, url, remoteAddress: '198.51.100.1' },
        allowlisted,
      ),
    );
    expect(AuthenticationError.isInstance(outside)).toBe(true);
  });

  it.each([
    ['a wrong token', () => signed(body, 'forged-token')],
    ['no token', () => Promise.resolve(createRawWebhookRequest({ url, body }))],
  ])(
    'should reject %s with a typed 401, before reading the body',
    async (_name, build) => {
      const request = await build();
      for (const input of [
        toFetchRequest(request),
        { body: request.body, headers: nodeHeaders(request), url },
      ]) {
        const error = await rejection(verifyRedpinWebhook(input, settings));
        expect(AuthenticationError.isInstance(error), String(error)).toBe(true);
        expect((error as AuthenticationError).httpStatus).toBe(401);
        expect((error as AuthenticationError).provider).toBe('redpin');
      }
    },
  );

  it('should return an authentic body that fails its schema as invalid', async () => {
    const drifted = JSON.stringify({
      ...JSON.parse(body),
      data: { status: 'RECEIVED_FUNDS' },
    });
    const result = await verifyRedpinWebhook(
      toFetchRequest(await signed(drifted)),
      settings,
    );
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.event.issues).toContainEqual(
      expect.objectContaining({ path: ['data', 'payment_id'] }),
    );
  });

  it('should verify every published example', async () => {
    for (const example of redpinExamples) {
      const request = await signRedpinRequest(
        createRawWebhookRequest(example.request),
        { secret: token, headerName },
      );
      const result = await verifyRedpinWebhook(
        toFetchRequest(request),
        settings,
      );
      expect(result.kind, example.name).toBe('event');
      if (result.kind !== 'event') continue;
      expect(result.event.type).toBe(example.type);
    }
  });

  it('should build the adapter once per settings object', async () => {
    const cached: RedpinAdapterSettings = {
      auth: { headers: [{ name: headerName, value: token }] },
    };
    expect((await verifyRedpinWebhook(await signed(), cached)).kind).toBe(
      'event',
    );
    // The adapter was built from the first call's settings: changing the
    // object afterwards does not rebuild it (pass a new object instead).
    cached.auth = { headers: [{ name: headerName, value: 'rotated' }] };
    expect((await verifyRedpinWebhook(await signed(), cached)).kind).toBe(
      'event',
    );
    const fresh: RedpinAdapterSettings = { ...cached };
    const error = await rejection(verifyRedpinWebhook(await signed(), fresh));
    expect(AuthenticationError.isInstance(error)).toBe(true);
  });

  it('should reject settings without any check (JavaScript callers) with ConfigurationError', async () => {
    for (const unchecked of [{}, { auth: {} }, { auth: { headers: [] } }]) {
      const error = await rejection(
        verifyRedpinWebhook(
          await signed(),
          unchecked as unknown as RedpinAdapterSettings,
        ),
      );
      expect(ConfigurationError.isInstance(error), String(error)).toBe(true);
    }
  });
});
