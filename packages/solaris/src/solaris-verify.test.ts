import {
  ConfigurationError,
  MissingHeaderError,
  SignatureVerificationError,
  createRawWebhookRequest,
  hmac,
} from '@finhooks/core';
import { tamperBody, withHeaders } from '@finhooks/core/testing';
import { describe, expect, it } from 'vitest';
import { createSolarisAdapter } from './solaris-adapter';
import type {
  SolarisAdapterOptions,
  SolarisAdapterSettings,
} from './solaris-adapter-settings';
import { signedSolarisRequest, solarisRequest } from './solaris-test-helpers';

const booking = {
  id: 'booking_1',
  amount: { value: 100, unit: 'cents', currency: 'EUR' },
};
const card = { id: 'card_1', status: 'ACTIVE' };

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected the request to be refused');
    },
    (error: unknown) => error as SignatureVerificationError,
  );
}

describe('createSolarisAdapter settings', () => {
  // `{}` does not compile (solaris-settings.test-d.ts); a JavaScript caller
  // or an empty secret still gets a ConfigurationError.
  it.each<[string, SolarisAdapterOptions]>([
    ['nothing', {}],
    ['an empty map', { secrets: {} }],
    [
      'only empty secrets',
      { secrets: { BOOKING: '', CARD_LIFECYCLE_EVENT: [] }, defaultSecret: '' },
    ],
    ['an empty default list', { defaultSecret: [] }],
  ])('should refuse to be built with %s', (_name, settings) => {
    expect(() =>
      createSolarisAdapter(settings as SolarisAdapterSettings),
    ).toThrow(
      expect.objectContaining({ code: 'configuration_invalid' }) as Error,
    );
  });

  it('should refuse an empty or unknown allowedAlgorithms list', () => {
    const error = (settings: SolarisAdapterSettings) => {
      try {
        createSolarisAdapter(settings);
      } catch (caught) {
        return caught;
      }
      return undefined;
    };
    expect(
      ConfigurationError.isInstance(
        error({ defaultSecret: 's', allowedAlgorithms: [] }),
      ),
    ).toBe(true);
    expect(
      ConfigurationError.isInstance(
        error({ defaultSecret: 's', allowedAlgorithms: ['md5' as 'sha1'] }),
      ),
    ).toBe(true);
  });

  it('should accept a resolver as the only secret source', () => {
    expect(() =>
      createSolarisAdapter({ secrets: () => undefined }),
    ).not.toThrow();
  });
});

describe('secrets per event type', () => {
  const adapter = createSolarisAdapter({
    secrets: {
      BOOKING: 'booking-secret',
      CARD_LIFECYCLE_EVENT: ['card-new', 'card-old'],
    },
  });

  it('should verify each event type with its own secret', async () => {
    const result = await adapter.receive(
      await signedSolarisRequest('BOOKING', booking, {}, 'booking-secret'),
    );
    expect(result.kind).toBe('event');
  });

  it("should refuse an event signed with another type's secret", async () => {
    const error = await refusal(
      adapter.receive(
        await signedSolarisRequest('BOOKING', booking, {}, 'card-new'),
      ),
    );
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
    expect(error.httpStatus).toBe(401);
    expect(error.reason).toBe('mismatch');
    expect(error.message).toContain('BOOKING');
  });

  it('should accept the old and the new secret of a type during rotation', async () => {
    for (const secret of ['card-new', 'card-old']) {
      const result = await adapter.receive(
        await signedSolarisRequest('CARD_LIFECYCLE_EVENT', card, {}, secret),
      );
      expect(result.kind).toBe('event');
    }
    await expect(
      adapter.receive(
        await signedSolarisRequest(
          'CARD_LIFECYCLE_EVENT',
          card,
          {},
          'card-older',
        ),
      ),
    ).rejects.toMatchObject({ code: 'signature_invalid' });
  });

  it('should answer 401 naming the event type when it has no secret', async () => {
    const error = await refusal(
      adapter.receive(
        await signedSolarisRequest(
          'ACCOUNT_CLOSURE',
          { account_id: 'a' },
          {},
          'booking-secret',
        ),
      ),
    );
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
    expect(error.httpStatus).toBe(401);
    expect(error.message).toContain(
      'No secret is configured for Solaris event type "ACCOUNT_CLOSURE"',
    );
  });

  it('should fall back to defaultSecret for types without their own', async () => {
    const withDefault = createSolarisAdapter({
      secrets: { BOOKING: 'booking-secret' },
      defaultSecret: 'shared',
    });
    const closure = await signedSolarisRequest(
      'ACCOUNT_CLOSURE',
      { account_id: 'a' },
      {},
      'shared',
    );
    expect((await withDefault.receive(closure)).kind).toBe('event');
    // A type with its own secret does not also accept the default.
    await expect(
      withDefault.receive(
        await signedSolarisRequest('BOOKING', booking, {}, 'shared'),
      ),
    ).rejects.toMatchObject({ code: 'signature_invalid' });
  });

  it('should ask an async resolver with the event type and request', async () => {
    const asked: string[] = [];
    const resolved = createSolarisAdapter({
      secrets: async ({ eventType, request }) => {
        asked.push(`${eventType} ${request.method}`);
        await Promise.resolve();
        return eventType === 'BOOKING'
          ? ['rotated', 'booking-secret']
          : undefined;
      },
      defaultSecret: 'shared',
    });
    expect(
      (
        await resolved.receive(
          await signedSolarisRequest('BOOKING', booking, {}, 'booking-secret'),
        )
      ).kind,
    ).toBe('event');
    expect(
      (
        await resolved.receive(
          await signedSolarisRequest(
            'CARD_LIFECYCLE_EVENT',
            card,
            {},
            'shared',
          ),
        )
      ).kind,
    ).toBe('event');
    expect(asked).toEqual(['BOOKING POST', 'CARD_LIFECYCLE_EVENT POST']);
  });
});

describe('Solaris-Webhook-Signature', () => {
  const adapter = createSolarisAdapter({ defaultSecret: 'secret' });
  const sign = (algorithm: 'sha1' | 'sha256' | 'sha512', body: string) =>
    hmac(algorithm, 'secret', body);
  const body = JSON.stringify(booking);
  const request = (
    signature: string | null,
    headers: Record<string, string> = {},
  ) =>
    withHeaders(
      createRawWebhookRequest(solarisRequest('BOOKING', body, headers)),
      {
        'solaris-webhook-signature': signature,
      },
    );

  it('should accept an upper-case algorithm name and hex digest', async () => {
    const digest = (await sign('sha256', body)).toUpperCase();
    expect((await adapter.receive(request(`SHA256=${digest}`))).kind).toBe(
      'event',
    );
  });

  it('should refuse a tampered body', async () => {
    const tampered = tamperBody(
      request(`sha256=${await sign('sha256', body)}`),
    );
    const error = await refusal(adapter.receive(tampered));
    expect(error.reason).toBe('mismatch');
  });

  it('should refuse an algorithm that is not enabled, even with a valid digest', async () => {
    const error = await refusal(
      adapter.receive(request(`sha512=${await sign('sha512', body)}`)),
    );
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
    expect(error.reason).toBe('unsupported_algorithm');
    const unknown = await refusal(
      adapter.receive(request(`md5=${'0'.repeat(32)}`)),
    );
    expect(unknown.reason).toBe('unsupported_algorithm');
  });

  it('should accept sha512 once it is enabled', async () => {
    const enabled = createSolarisAdapter({
      defaultSecret: 'secret',
      allowedAlgorithms: ['sha256', 'sha512'],
    });
    expect(
      (await enabled.receive(request(`sha512=${await sign('sha512', body)}`)))
        .kind,
    ).toBe('event');
    expect(
      (await enabled.receive(request(`sha256=${await sign('sha256', body)}`)))
        .kind,
    ).toBe('event');
  });

  it.each([
    'sha256',
    'sha256=',
    `sha256=${'z'.repeat(64)}`,
    `sha256=${'a'.repeat(63)}`,
    '=abc',
  ])('should refuse the malformed signature %j', async signature => {
    const error = await refusal(adapter.receive(request(signature)));
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
    expect(error.reason).toBe('malformed');
  });

  it('should refuse a request without signature with 401', async () => {
    const error = await refusal(adapter.receive(request(null)));
    expect(MissingHeaderError.isInstance(error)).toBe(true);
    expect(error.httpStatus).toBe(401);
  });

  it('should answer 400 when a signed request has no event type', async () => {
    const signed = withHeaders(
      request(`sha256=${await sign('sha256', body)}`),
      {
        'solaris-webhook-event-type': null,
      },
    );
    const error = await refusal(adapter.receive(signed));
    expect(MissingHeaderError.isInstance(error)).toBe(true);
    expect(error.httpStatus).toBe(400);
  });

  it('should not let a changed event type header reuse a signature', async () => {
    const perType = createSolarisAdapter({
      secrets: { BOOKING: 'a', CARD_LIFECYCLE_EVENT: 'b' },
    });
    const signed = await signedSolarisRequest('BOOKING', card, {}, 'a');
    const moved = withHeaders(signed, {
      'solaris-webhook-event-type': 'CARD_LIFECYCLE_EVENT',
    });
    await expect(perType.receive(moved)).rejects.toMatchObject({
      code: 'signature_invalid',
    });
  });
});
