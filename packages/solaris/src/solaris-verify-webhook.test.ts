import {
  ConfigurationError,
  SignatureVerificationError,
  hmac,
} from '@finhooks/core';
import { describe, expect, it } from 'vitest';
import type { SolarisAdapterSettings } from './solaris-adapter-settings';
import { testSecret, testUrl } from './solaris-test-helpers';
import { verifySolarisWebhook } from './solaris-verify-webhook';

const booking = JSON.stringify({
  id: 'booking_1',
  amount: { value: 100, unit: 'cents', currency: 'EUR' },
  booking_date: '2024-01-02',
});

async function signature(body: string, secret = testSecret) {
  return `sha256=${await hmac('sha256', secret, new TextEncoder().encode(body))}`;
}

async function signedRequest(body = booking, secret = testSecret) {
  return new Request(testUrl, {
    method: 'POST',
    headers: {
      'Solaris-Webhook-Event-Type': 'BOOKING',
      'Solaris-Webhook-Signature': await signature(body, secret),
    },
    body,
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('verifySolarisWebhook', () => {
  it('should verify a Fetch Request and resolve to the typed event', async () => {
    const result = await verifySolarisWebhook(await signedRequest(), {
      secrets: { BOOKING: testSecret },
    });
    expect(result.kind).toBe('event');
    if (result.kind !== 'event' || result.event.type !== 'booking.created')
      throw new Error('expected a BOOKING event');
    expect(result.event.nativeType).toBe('BOOKING');
    expect(result.event.subject).toEqual({ type: 'booking', id: 'booking_1' });
    expect(result.event.data.amount.value).toBe(100);
    // The type's own secret: body and event type header authenticated.
    expect(result.event.authenticity).toMatchObject({
      scheme: 'signature',
      body: true,
      type: true,
    });
  });

  it('should verify a plain delivery with Node-style headers', async () => {
    const body = new TextEncoder().encode(booking);
    const result = await verifySolarisWebhook(
      {
        body,
        // As Node's `req.headers`: lower-case names, arrays, undefined.
        headers: {
          'solaris-webhook-event-type': 'BOOKING',
          'solaris-webhook-signature': await signature(booking),
          'solaris-webhook-attempt': ['2'],
          'x-absent': undefined,
        },
        url: testUrl,
      },
      { defaultSecret: testSecret },
    );
    if (result.kind !== 'event') throw new Error('expected an event');
    expect(result.event.type).toBe('booking.created');
    expect(result.event.delivery.attempt).toBe(2);
    // A shared default secret does not authenticate the type header.
    expect(result.event.authenticity).toMatchObject({
      body: true,
      type: false,
    });
  });

  it('should reject a forged delivery with a typed 401', async () => {
    const error = await rejection(
      verifySolarisWebhook(await signedRequest(booking, 'not-the-secret'), {
        defaultSecret: testSecret,
      }),
    );
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      httpStatus: 401,
      code: 'signature_invalid',
    });
  });

  it('should reject a tampered body signed for another', async () => {
    const request = new Request(testUrl, {
      method: 'POST',
      headers: {
        'solaris-webhook-event-type': 'BOOKING',
        'solaris-webhook-signature': await signature(booking),
      },
      body: booking.replace('100', '999'),
    });
    const error = await rejection(
      verifySolarisWebhook(request, { defaultSecret: testSecret }),
    );
    expect(error).toMatchObject({ httpStatus: 401 });
  });

  it('should answer the subscription check as a handshake', async () => {
    const result = await verifySolarisWebhook(
      {
        body: '',
        headers: { 'solaris-webhook-event-type': 'WEBHOOK-SUBSCRIPTION' },
        url: testUrl,
      },
      { defaultSecret: testSecret },
    );
    expect(result.kind).toBe('handshake');
    if (result.kind === 'handshake')
      expect(result.handshake.response.status).toBe(200);
  });

  it('should return an authentic payload that fails its schema as invalid', async () => {
    const body = JSON.stringify({ id: 'booking_1' }); // no amount
    const result = await verifySolarisWebhook(await signedRequest(body), {
      defaultSecret: testSecret,
    });
    expect(result.kind).toBe('invalid');
  });

  it('should build the adapter once per settings object', async () => {
    const settings: { defaultSecret: string } = { defaultSecret: testSecret };
    expect(
      (await verifySolarisWebhook(await signedRequest(), settings)).kind,
    ).toBe('event');
    // The cached adapter keeps the secret it was built with.
    settings.defaultSecret = 'changed';
    expect(
      (await verifySolarisWebhook(await signedRequest(), settings)).kind,
    ).toBe('event');
    // A new settings object is a new adapter.
    await expect(
      verifySolarisWebhook(await signedRequest(), { defaultSecret: 'changed' }),
    ).rejects.toMatchObject({ httpStatus: 401 });
  });

  it('should reject settings without a secret with ConfigurationError', async () => {
    const error = await rejection(
      verifySolarisWebhook(await signedRequest(), {
        defaultSecret: '',
      } as SolarisAdapterSettings),
    );
    expect(ConfigurationError.isInstance(error)).toBe(true);
  });
});
