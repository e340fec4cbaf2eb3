import {
  ConfigurationError,
  createRawWebhookRequest,
  isUnknownWebhookEvent,
  SignatureVerificationError,
  type RawWebhookRequest,
} from '@finhooks/core';
import { toFetchRequest } from '@finhooks/core/testing';
import { describe, expect, it } from 'vitest';
import type { DinteroAdapterSettings } from './dintero-adapter-settings';
import { verifyDinteroWebhook } from './dintero-verify-webhook';
import { signDinteroRequest } from './testing/index';

const secret = 'hooks-secret';
const accountId = 'T12345678';
const checkoutSecret = 'checkout-secret';
const settings: DinteroAdapterSettings = {
  secret,
  checkout: { secret: checkoutSecret, accountId },
};
const hooksUrl = 'https://shop.example.com/webhooks/dintero';
const body = JSON.stringify({
  account_id: accountId,
  event: 'checkout_transaction',
  event_delivery: 'delivery-1',
  transaction: {
    id: 'T12345678.abc',
    status: 'CAPTURED',
    amount: 10_000,
    currency: 'NOK',
    updated_at: '2026-05-01T10:00:00Z',
  },
});

const signedHooks = () =>
  signDinteroRequest(
    createRawWebhookRequest({
      url: hooksUrl,
      headers: {
        event: 'checkout_transaction',
        'event-delivery': 'delivery-1',
      },
      body,
    }),
    { secret },
  );

/** Node's `req.headers`: lowercase names, string or string[] values. */
function nodeHeaders(
  request: RawWebhookRequest,
): Record<string, string | string[] | undefined> {
  const headers: Record<string, string | string[] | undefined> = {
    'x-absent': undefined,
  };
  request.headers.forEach((value, name) => (headers[name] = value));
  return headers;
}

describe('verifyDinteroWebhook', () => {
  it('should verify a Fetch Request and return the typed event with its authenticity', async () => {
    const result = await verifyDinteroWebhook(
      toFetchRequest(await signedHooks()),
      settings,
    );
    expect(result.kind).toBe('event');
    if (result.kind !== 'event') return;
    expect(result.event).toMatchObject({
      provider: 'dintero',
      nativeType: 'checkout_transaction',
      type: 'payment.status_changed',
      subject: { type: 'payment', id: 'T12345678.abc' },
      identity: { source: 'provider_id' },
      authenticity: {
        scheme: 'signature',
        body: true,
        type: true,
        timestamp: false,
      },
    });
    const { event } = result;
    expect(isUnknownWebhookEvent(event)).toBe(false);
    if (
      !isUnknownWebhookEvent(event) &&
      event.nativeType === 'checkout_transaction'
    ) {
      expect(event.data.transaction?.amount).toBe(10_000);
    }
  });

  it('should verify a raw body with Node-style headers', async () => {
    const signed = await signedHooks();
    const result = await verifyDinteroWebhook(
      { body, headers: nodeHeaders(signed), url: hooksUrl },
      settings,
    );
    expect(result.kind === 'event' && result.event.nativeType).toBe(
      'checkout_transaction',
    );
  });

  it('should verify a Uint8Array body', async () => {
    const signed = await signedHooks();
    const result = await verifyDinteroWebhook(
      {
        body: new TextEncoder().encode(body),
        headers: signed.headers,
        url: hooksUrl,
        method: 'POST',
      },
      settings,
    );
    expect(result.kind).toBe('event');
  });

  it('should verify a signed Checkout callback (GET) with its URL covered', async () => {
    const callback = await signDinteroRequest(
      createRawWebhookRequest({
        method: 'GET',
        url: `${hooksUrl}/callback?transaction_id=T12345678.abc&merchant_reference=order-1&time=2026-05-01T10%3A00%3A00Z`,
      }),
      { secret: checkoutSecret, accountId },
    );
    const result = await verifyDinteroWebhook(
      toFetchRequest(callback),
      settings,
    );
    expect(result.kind === 'event' && result.event).toMatchObject({
      nativeType: 'checkout_callback',
      account: accountId,
      subject: { type: 'payment', id: 'T12345678.abc' },
      authenticity: { scheme: 'signature', url: true, timestamp: true },
    });
  });

  it('should refuse a forged delivery with a typed 401', async () => {
    const signed = await signedHooks();
    const forged = nodeHeaders(signed);
    forged['event-signature'] = '0'.repeat(40);
    const error = await verifyDinteroWebhook(
      { body, headers: forged, url: hooksUrl },
      settings,
    ).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ httpStatus: 401, provider: 'dintero' });
  });

  it('should refuse a body changed after signing with a typed 401', async () => {
    const signed = await signedHooks();
    await expect(
      verifyDinteroWebhook(
        {
          body: body.replace('10000', '1'),
          headers: nodeHeaders(signed),
          url: hooksUrl,
        },
        settings,
      ),
    ).rejects.toMatchObject({ httpStatus: 401 });
  });

  it('should answer an unsigned ping as a handshake, without its secret', async () => {
    const subscription = {
      id: 'subscription-1',
      events: ['checkout_transaction'],
      config: { url: hooksUrl, secret: 'do-not-hand-on' },
    };
    const result = await verifyDinteroWebhook(
      {
        body: JSON.stringify(subscription),
        headers: { event: 'ping' },
        url: hooksUrl,
      },
      settings,
    );
    expect(result.kind).toBe('handshake');
    expect(JSON.stringify(result)).not.toContain('do-not-hand-on');
  });

  it('should reject settings without a secret (JavaScript callers) with a ConfigurationError', async () => {
    const error = await verifyDinteroWebhook(
      { body, headers: {}, url: hooksUrl },
      {} as DinteroAdapterSettings,
    ).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(ConfigurationError.isInstance(error)).toBe(true);
  });

  it('should build the adapter once per settings object', async () => {
    let builds = 0;
    // `dedupWindowMs` is read once, when an adapter is built.
    const countingSettings = (): DinteroAdapterSettings => ({
      secret,
      get dedupWindowMs() {
        builds += 1;
        return undefined;
      },
    });
    const signed = await signedHooks();
    const verify = (current: DinteroAdapterSettings) =>
      verifyDinteroWebhook(
        { body, headers: signed.headers, url: hooksUrl },
        current,
      );
    const kept = countingSettings();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await verify(kept)).kind).toBe('event');
    }
    expect(builds).toBe(1);
    expect((await verify(countingSettings())).kind).toBe('event');
    expect(builds).toBe(2);
  });
});
