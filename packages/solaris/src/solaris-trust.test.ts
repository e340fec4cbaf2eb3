import {
  ConfigurationError,
  SignatureVerificationError,
  createFetchHandler,
  createMemoryStore,
  createRawWebhookRequest,
  createWebhooks,
  redactHeaders,
  type AnyWebhookEventV1,
  type RawWebhookRequest,
} from '@finhooks/core';
import { toFetchRequest, withHeaders } from '@finhooks/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { createSolarisAdapter } from './solaris-adapter';
import type { SolarisAdapterSettings } from './solaris-adapter-settings';
import {
  sharedSecretSettings,
  signedSolarisRequest,
  testSecret,
} from './solaris-test-helpers';
import { signSolarisRequest } from './testing/sign-solaris-request';
import { solarisExamples } from './testing/solaris-examples';

const day = 24 * 60 * 60 * 1000;
const quiet = (): void => undefined;
const person = { 'Solaris-Entity-Id': 'p1cper' };

function example(nativeType: string) {
  const found = solarisExamples.find(item => item.nativeType === nativeType);
  if (found === undefined) throw new Error(nativeType);
  return found;
}

/** The published example, signed, with its `Solaris-Webhook-Id` replaced. */
async function signedExample(
  nativeType: string,
  webhookId?: string,
  secret = testSecret,
): Promise<RawWebhookRequest> {
  const request = createRawWebhookRequest(example(nativeType).request);
  if (webhookId !== undefined)
    request.headers.set('solaris-webhook-id', webhookId);
  return signSolarisRequest(request, { secret });
}

async function eventOf(
  settings: SolarisAdapterSettings,
  request: RawWebhookRequest | Promise<RawWebhookRequest>,
): Promise<AnyWebhookEventV1> {
  const result = await createSolarisAdapter(settings).receive(await request);
  if (result.kind === 'handshake') throw new Error('expected an event');
  return result.event;
}

async function refusal(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected the request to be refused');
    },
    (error: unknown) => error as SignatureVerificationError,
  );
}

function router(settings: SolarisAdapterSettings = sharedSecretSettings) {
  let clock = Date.UTC(2026, 0, 1);
  const store = createMemoryStore({ now: () => clock, ttlMs: 30 * day });
  const webhooks = createWebhooks({
    adapters: [createSolarisAdapter(settings)],
    store,
    logger: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
  const handler = vi.fn();
  webhooks.onAny(handler);
  return {
    webhooks,
    handler,
    advance: (ms: number) => {
      clock += ms;
    },
    receive: (request: RawWebhookRequest) =>
      webhooks.receive('solaris', request),
  };
}

describe('identity: the signed body, never Solaris-Webhook-Id', () => {
  it('should give a BOOKING resent with a fresh Solaris-Webhook-Id the same identity key', async () => {
    const original = await eventOf(
      sharedSecretSettings,
      signedExample('BOOKING'),
    );
    const resent = await eventOf(
      sharedSecretSettings,
      signedExample('BOOKING', 'a-fresh-id-chosen-by-anyone'),
    );
    expect(original.identity.source).toBe('content');
    expect(resent.identity.key).toBe(original.identity.key);
    expect(resent.id).toBe(original.id);
    // The header is kept as a fact only.
    expect(resent.delivery.headers?.['solaris-webhook-id']).toBe(
      'a-fresh-id-chosen-by-anyone',
    );
  });

  it('should answer a BOOKING resent with a fresh Solaris-Webhook-Id as a duplicate', async () => {
    const { receive, handler } = router();
    const first = await receive(await signedExample('BOOKING', 'id-1'));
    const second = await receive(await signedExample('BOOKING', 'id-2'));
    expect(first.status).toBe('accepted');
    expect(second.status).toBe('duplicate');
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('should default the window to 5 days, the period Solaris retries for', async () => {
    const event = await eventOf(sharedSecretSettings, signedExample('BOOKING'));
    expect(event.identity.windowMs).toBe(5 * day);
  });

  it('should take the window from dedupWindowMs', async () => {
    const event = await eventOf(
      { ...sharedSecretSettings, dedupWindowMs: 2 * day },
      signedExample('BOOKING'),
    );
    expect(event.identity.windowMs).toBe(2 * day);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'should refuse dedupWindowMs %s',
    dedupWindowMs => {
      let error: unknown;
      try {
        createSolarisAdapter({ defaultSecret: 's', dedupWindowMs });
      } catch (caught) {
        error = caught;
      }
      expect(ConfigurationError.isInstance(error)).toBe(true);
    },
  );

  it('should treat identical bytes within the window as a retry and after it as a new event', async () => {
    const { receive, advance } = router();
    expect((await receive(await signedExample('BOOKING'))).status).toBe(
      'accepted',
    );
    advance(4 * day);
    expect((await receive(await signedExample('BOOKING'))).status).toBe(
      'duplicate',
    );
    advance(1 * day + 1);
    expect((await receive(await signedExample('BOOKING'))).status).toBe(
      'accepted',
    );
  });

  it('should keep a card ACTIVE → BLOCKED → ACTIVE as three events', async () => {
    const card = (status: string) =>
      signedSolarisRequest('CARD_LIFECYCLE_EVENT', {
        id: 'card_1',
        status,
        person_id: 'p1cper',
      });
    const keys = [];
    for (const status of ['ACTIVE', 'BLOCKED', 'ACTIVE']) {
      const event = await eventOf(sharedSecretSettings, card(status));
      keys.push(event.identity.key);
    }
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);

    const { receive, handler } = router();
    const outcomes = [];
    for (const status of ['ACTIVE', 'BLOCKED', 'ACTIVE'])
      outcomes.push(await receive(await card(status)));
    expect(outcomes.map(outcome => outcome.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ]);
    const ids = outcomes.map(outcome =>
      outcome.status === 'handshake' ? undefined : outcome.event.id,
    );
    expect(new Set(ids).size).toBe(3);
    expect(handler).toHaveBeenCalledTimes(3);
    // A retry of the third is a duplicate of it.
    expect((await receive(await card('ACTIVE'))).status).toBe('duplicate');
  });

  it('should keep header-only events of different entities apart', async () => {
    const { receive } = router();
    const deleted = (id: string) =>
      signedSolarisRequest('PERSON_CHANGED', '{}', {
        'Solaris-Entity-Id': id,
      });
    expect((await receive(await deleted('p1cper'))).status).toBe('accepted');
    expect((await receive(await deleted('p2cper'))).status).toBe('accepted');
    expect((await receive(await deleted('p1cper'))).status).toBe('duplicate');
  });
});

describe('authenticity of the event type', () => {
  const booking = { id: 'b1', amount: { value: 1, currency: 'EUR' } };

  it('should mark the type authenticated under a secret of that type alone', async () => {
    const event = await eventOf(
      { secrets: { BOOKING: 'booking-secret', PERSON_CHANGED: 'p' } },
      signedSolarisRequest('BOOKING', booking, {}, 'booking-secret'),
    );
    expect(event.authenticity).toMatchObject({
      scheme: 'signature',
      body: true,
      type: true,
      timestamp: false,
      url: false,
      headers: ['solaris-webhook-event-type'],
    });
  });

  it.each<[string, SolarisAdapterSettings]>([
    ['defaultSecret', { defaultSecret: 'shared' }],
    [
      'a map secret repeated under another type',
      { secrets: { BOOKING: 'shared', CARD_LIFECYCLE_EVENT: 'shared' } },
    ],
    [
      'a map secret equal to defaultSecret',
      { secrets: { BOOKING: 'shared' }, defaultSecret: ['other', 'shared'] },
    ],
    ['a resolver not declared per type', { secrets: () => 'shared' }],
    [
      'a per-type resolver handing out defaultSecret',
      {
        secrets: () => 'shared',
        resolvesPerType: true,
        defaultSecret: 'shared',
      },
    ],
  ])(
    'should mark the type unauthenticated under %s',
    async (_name, settings) => {
      const event = await eventOf(
        settings,
        signedSolarisRequest('BOOKING', booking, {}, 'shared'),
      );
      expect(event.authenticity.body).toBe(true);
      expect(event.authenticity.type).toBe(false);
      expect(event.authenticity.headers).toEqual([]);
    },
  );

  it('should mark the type authenticated under a resolver declared per type', async () => {
    const event = await eventOf(
      {
        secrets: ({ eventType }) =>
          eventType === 'BOOKING' ? 'booking-secret' : undefined,
        resolvesPerType: true,
      },
      signedSolarisRequest('BOOKING', booking, {}, 'booking-secret'),
    );
    expect(event.authenticity.type).toBe(true);
  });

  it('should not mark the type authenticated when a per-type resolver falls back to defaultSecret', async () => {
    const event = await eventOf(
      { secrets: () => undefined, resolvesPerType: true, defaultSecret: 'd' },
      signedSolarisRequest('BOOKING', booking, {}, 'd'),
    );
    expect(event.authenticity.type).toBe(false);
  });

  it('should not store the signature header', async () => {
    const adapter = createSolarisAdapter(sharedSecretSettings);
    const request = await signedExample('BOOKING');
    expect(adapter.sensitiveHeaders).toContain('solaris-webhook-signature');
    const stored = redactHeaders(request.headers, adapter.sensitiveHeaders);
    expect(stored).not.toHaveProperty('solaris-webhook-signature');
    expect(stored).toHaveProperty('solaris-webhook-id');
  });

  it('should replay a stored delivery without its signature, keeping what was authenticated', async () => {
    const adapter = createSolarisAdapter({
      secrets: { PERSON_DELETED: 'deleted-secret' },
    });
    const request = await signedSolarisRequest(
      'PERSON_DELETED',
      '{}',
      person,
      'deleted-secret',
    );
    const first = await adapter.receive(request);
    if (first.kind !== 'event') throw new Error(first.kind);
    const replayed = await adapter.receive(
      withHeaders(request, { 'solaris-webhook-signature': null }),
      { alreadyVerified: first.event.authenticity },
    );
    if (replayed.kind !== 'event') throw new Error(replayed.kind);
    expect(replayed.event.authenticity).toEqual(first.event.authenticity);
    expect(replayed.event.authenticity).toMatchObject({
      type: true,
      subject: false,
    });
  });
});

describe('PERSON_DELETED and BUSINESS_DELETED need their own secret', () => {
  for (const nativeType of ['PERSON_DELETED', 'BUSINESS_DELETED']) {
    describe(nativeType, () => {
      const entity = { 'Solaris-Entity-Id': 'e1' };

      it('should refuse it with 401 when only a shared default secret verifies it', async () => {
        const error = await refusal(
          createSolarisAdapter({ defaultSecret: 'shared' }).receive(
            await signedSolarisRequest(nativeType, '{}', entity, 'shared'),
          ),
        );
        expect(SignatureVerificationError.isInstance(error)).toBe(true);
        expect(error.httpStatus).toBe(401);
        expect(error.message).toContain(nativeType);
        expect(error.message).toContain(`secrets.${nativeType}`);
        expect(error.message).toContain('allowSharedSecretForDeletions');
      });

      it('should refuse it when its map secret is also another type’s', async () => {
        await expect(
          createSolarisAdapter({
            secrets: { [nativeType]: 's', PERSON_CHANGED: 's' },
          }).receive(await signedSolarisRequest(nativeType, '{}', entity, 's')),
        ).rejects.toMatchObject({ code: 'signature_invalid' });
      });

      it('should refuse it under a resolver not declared per type', async () => {
        await expect(
          createSolarisAdapter({ secrets: () => 's' }).receive(
            await signedSolarisRequest(nativeType, '{}', entity, 's'),
          ),
        ).rejects.toMatchObject({ code: 'signature_invalid' });
      });

      it('should accept it under its own secret, type authenticated, subject not', async () => {
        const event = await eventOf(
          { secrets: { [nativeType]: 'own' }, defaultSecret: 'shared' },
          signedSolarisRequest(nativeType, '{}', entity, 'own'),
        );
        expect(event.nativeType).toBe(nativeType);
        expect(event.subject?.id).toBe('e1');
        expect(event.authenticity).toMatchObject({
          body: true,
          type: true,
          subject: false,
        });
      });

      it('should accept it under a shared secret with the opt-in, type unauthenticated', async () => {
        const event = await eventOf(
          { defaultSecret: 'shared', allowSharedSecretForDeletions: true },
          signedSolarisRequest(nativeType, '{}', entity, 'shared'),
        );
        expect(event.nativeType).toBe(nativeType);
        expect(event.authenticity).toMatchObject({
          type: false,
          subject: false,
        });
      });
    });
  }

  it('should still accept non-destructive header-only events under a shared secret', async () => {
    const event = await eventOf(
      { defaultSecret: 'shared' },
      signedSolarisRequest('PERSON_CHANGED', '{}', person, 'shared'),
    );
    expect(event.type).toBe('person.updated');
    expect(event.authenticity.type).toBe(false);
  });

  it('should refuse a signed BOOKING relabelled as PERSON_DELETED under a shared secret', async () => {
    const booking = await signedExample('BOOKING', undefined, 'shared');
    const relabelled = withHeaders(booking, {
      'solaris-webhook-event-type': 'PERSON_DELETED',
      'solaris-entity-id': 'victim_cper',
    });
    const error = await refusal(
      createSolarisAdapter({ defaultSecret: 'shared' }).receive(relabelled),
    );
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
    expect(error.httpStatus).toBe(401);
  });

  it('should refuse a captured {} signature relabelled as PERSON_DELETED under a shared secret', async () => {
    const changed = await signedSolarisRequest(
      'PERSON_CHANGED',
      '{}',
      person,
      'shared',
    );
    const relabelled = withHeaders(changed, {
      'solaris-webhook-event-type': 'PERSON_DELETED',
      'solaris-entity-id': 'victim_cper',
    });
    await expect(
      createSolarisAdapter({ defaultSecret: 'shared' }).receive(relabelled),
    ).rejects.toMatchObject({ code: 'signature_invalid' });
  });

  it('should refuse a signed BOOKING relabelled as PERSON_DELETED under per-type secrets (signature mismatch)', async () => {
    const booking = await signedExample('BOOKING', undefined, 'booking-secret');
    const relabelled = withHeaders(booking, {
      'solaris-webhook-event-type': 'PERSON_DELETED',
      'solaris-entity-id': 'victim_cper',
    });
    const error = await refusal(
      createSolarisAdapter({
        secrets: { BOOKING: 'booking-secret', PERSON_DELETED: 'deleted' },
      }).receive(relabelled),
    );
    expect(SignatureVerificationError.isInstance(error)).toBe(true);
    expect(error.reason).toBe('mismatch');
    expect(error.message).toContain('matches none');
  });

  it('should answer 401 over HTTP and run no handler', async () => {
    const { webhooks, handler } = router({ defaultSecret: testSecret });
    const onError = vi.fn();
    webhooks.onError(onError);
    const response = await createFetchHandler(webhooks)(
      toFetchRequest(await signedExample('PERSON_DELETED')),
    );
    expect(response.status).toBe(401);
    expect(handler).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
