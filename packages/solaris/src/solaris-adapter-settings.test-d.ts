import type { WebhookInput, WebhookReceiveResultV1 } from '@finhooks/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createSolarisAdapter,
  verifySolarisWebhook,
  type SolarisAdapterOptions,
  type SolarisAdapterSettings,
  type SolarisEvent,
} from './index';

describe('SolarisAdapterSettings', () => {
  it('should require a secret source at compile time', () => {
    // @ts-expect-error no secret at all
    createSolarisAdapter({});
    // @ts-expect-error options alone authenticate nothing
    createSolarisAdapter({
      dedupWindowMs: 1000,
      allowedAlgorithms: ['sha256'],
    });
    // @ts-expect-error `secrets: undefined` is no secret either
    createSolarisAdapter({ secrets: undefined });
    // @ts-expect-error nor is `defaultSecret: undefined`
    createSolarisAdapter({ defaultSecret: undefined, resolvesPerType: true });
    // @ts-expect-error a misspelled setting is no secret
    createSolarisAdapter({ secret: 's' });
    // @ts-expect-error no settings
    createSolarisAdapter();
  });

  it('should accept each valid shape', () => {
    createSolarisAdapter({ secrets: { BOOKING: 's' } });
    createSolarisAdapter({ secrets: { BOOKING: ['new', 'old'] } });
    createSolarisAdapter({ secrets: () => 's', resolvesPerType: true });
    createSolarisAdapter({ secrets: async () => ['a', 'b'] });
    createSolarisAdapter({ defaultSecret: 's' });
    createSolarisAdapter({ defaultSecret: ['new', 'old'] });
    createSolarisAdapter({
      secrets: { PERSON_DELETED: 'p' },
      defaultSecret: 's',
      allowSharedSecretForDeletions: false,
      dedupWindowMs: 60_000,
      allowedAlgorithms: ['sha256', 'sha512'],
    });
  });

  it('should still describe every setting in the options type', () => {
    expectTypeOf<SolarisAdapterSettings>().toExtend<SolarisAdapterOptions>();
    expectTypeOf<{
      defaultSecret: string;
    }>().toExtend<SolarisAdapterSettings>();
    expectTypeOf<SolarisAdapterOptions>().not.toExtend<SolarisAdapterSettings>();
    // Settings built conditionally need a secret the compiler can see.
    const secret = undefined as string | undefined;
    // @ts-expect-error may be undefined: check it first
    createSolarisAdapter({ defaultSecret: secret });
    if (secret !== undefined) createSolarisAdapter({ defaultSecret: secret });
  });
});

describe('verifySolarisWebhook', () => {
  const settings = { defaultSecret: 's' };

  it('should take a Request or a plain delivery and resolve to the typed result', () => {
    expectTypeOf(verifySolarisWebhook)
      .parameter(0)
      .toEqualTypeOf<Request | WebhookInput>();
    expectTypeOf(
      verifySolarisWebhook(new Request('https://x/'), settings),
    ).resolves.toEqualTypeOf<WebhookReceiveResultV1<SolarisEvent>>();
    void verifySolarisWebhook(
      {
        body: '{}',
        headers: { 'solaris-webhook-event-type': 'BOOKING' },
        url: 'https://x/',
      },
      settings,
      { maxBodyBytes: 1024 },
    );
  });

  it('should narrow the event like a handler', async () => {
    const result = await verifySolarisWebhook(
      new Request('https://x/'),
      settings,
    );
    if (result.kind === 'event' && result.event.type === 'booking.created') {
      expectTypeOf(result.event.nativeType).toEqualTypeOf<'BOOKING'>();
      expectTypeOf(result.event.data.amount.value).toEqualTypeOf<number>();
      expectTypeOf(result.event.authenticity.body).toEqualTypeOf<boolean>();
      // @ts-expect-error misspelled field
      expectTypeOf(result.event.data.amount.valeu);
    }
    if (result.kind === 'handshake')
      expectTypeOf(result.handshake.response.status).toEqualTypeOf<number>();
  });

  it('should require a secret source like the factory', () => {
    // @ts-expect-error no secret at all
    void verifySolarisWebhook(new Request('https://x/'), {});
  });
});
