import {
  createWebhooks,
  isUnknownWebhookEvent,
  type KnownWebhookEventV1,
} from '@finhooks/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createSolarisAdapter,
  type SolarisAccountBlock,
  type SolarisBooking,
  type SolarisEvent,
  type SolarisHeaderOnlyPayload,
  type SolarisMoney,
  type SolarisNativeType,
  type SolarisPayload,
  type SolarisSeizure,
  type SolarisTaxIdentificationChanged,
} from './index';

const adapter = createSolarisAdapter({ defaultSecret: 'secret' });

describe('SolarisEvent', () => {
  it('should narrow data on nativeType once isUnknownWebhookEvent excludes unknown events', () => {
    const event = {} as SolarisEvent;
    // `solaris.unknown` has `nativeType: string`, so rule it out first.
    if (isUnknownWebhookEvent(event)) {
      expectTypeOf(event.type).toEqualTypeOf<'solaris.unknown'>();
      expectTypeOf(event.data).toBeUnknown();
      return;
    }
    expectTypeOf(event).toEqualTypeOf<KnownWebhookEventV1<SolarisEvent>>();
    expectTypeOf(event.nativeType).toEqualTypeOf<SolarisNativeType>();
    if (event.nativeType === 'BOOKING') {
      expectTypeOf(event.data).toEqualTypeOf<SolarisBooking>();
      expectTypeOf(event.type).toEqualTypeOf<'booking.created'>();
      expectTypeOf(event.data.amount).toEqualTypeOf<SolarisMoney>();
      expectTypeOf(event.data.amount.value).toEqualTypeOf<number>();
      expectTypeOf(event.data.meta_info).toEqualTypeOf<
        string | null | undefined
      >();
    }
    if (event.nativeType === 'PERSON_DELETED') {
      expectTypeOf(event.data).toEqualTypeOf<SolarisHeaderOnlyPayload>();
      expectTypeOf(event.type).toEqualTypeOf<'person.deleted'>();
    }
    if (event.nativeType === 'PERSON_TAX_IDENTIFICATION_CHANGED') {
      expectTypeOf(event.data).toEqualTypeOf<SolarisTaxIdentificationChanged>();
    }
  });

  it('should narrow data on the normalized type', () => {
    const event = {} as SolarisEvent;
    if (event.type === 'account.blocked') {
      expectTypeOf(event.nativeType).toEqualTypeOf<'ACCOUNT_BLOCK'>();
      expectTypeOf(event.data).toEqualTypeOf<SolarisAccountBlock>();
    }
    if (event.type === 'seizure.completed') {
      expectTypeOf(event.nativeType).toEqualTypeOf<
        'PERSON_SEIZURE_FULFILLED' | 'BUSINESS_SEIZURE_FULFILLED'
      >();
      expectTypeOf(event.data).toEqualTypeOf<SolarisSeizure>();
    }
    if (event.type === 'solaris.unknown') {
      expectTypeOf(event.data).toBeUnknown();
    }
  });

  it('should type payloads by native type', () => {
    expectTypeOf<SolarisPayload<'BOOKING'>>().toEqualTypeOf<SolarisBooking>();
    // @ts-expect-error not a Solaris native type
    expectTypeOf<SolarisPayload<'NOT_A_TYPE'>>();
  });
});

describe('router patterns', () => {
  const webhooks = createWebhooks({ adapters: [adapter] });

  it('should narrow handler events by pattern', () => {
    webhooks.on('booking.created', event => {
      expectTypeOf(event.nativeType).toEqualTypeOf<'BOOKING'>();
      expectTypeOf(event.data).toEqualTypeOf<SolarisBooking>();
    });
    webhooks.on('solaris:PERSON_DELETED', event => {
      expectTypeOf(event.type).toEqualTypeOf<'person.deleted'>();
    });
    webhooks.on('seizure.*', event => {
      expectTypeOf(event.data).toEqualTypeOf<SolarisSeizure>();
    });
    webhooks.on('person.*', event => {
      expectTypeOf(event.type).toEqualTypeOf<
        'person.updated' | 'person.deleted'
      >();
    });
    // @ts-expect-error no such normalized type
    webhooks.on('booking.deleted', () => undefined);
  });

  it('should narrow onAny events on nativeType after isUnknownWebhookEvent', () => {
    webhooks.onAny(event => {
      if (isUnknownWebhookEvent(event)) return;
      if (event.nativeType === 'BOOKING') {
        expectTypeOf(event.data).toEqualTypeOf<SolarisBooking>();
        expectTypeOf(event.type).toEqualTypeOf<'booking.created'>();
      }
    });
  });
});
