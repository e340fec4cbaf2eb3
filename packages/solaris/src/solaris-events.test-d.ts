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
  type SolarisTopUp,
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
    if (event.type === 'account.status_changed') {
      expectTypeOf(event.nativeType).toEqualTypeOf<
        'ACCOUNT_BLOCK' | 'ACCOUNT_CLOSURE'
      >();
      if (event.nativeType === 'ACCOUNT_BLOCK')
        expectTypeOf(event.data).toEqualTypeOf<SolarisAccountBlock>();
    }
    if (event.type === 'seizure.status_changed') {
      expectTypeOf(event.nativeType).toEqualTypeOf<
        'PERSON_SEIZURE_FULFILLED' | 'BUSINESS_SEIZURE_FULFILLED'
      >();
      expectTypeOf(event.data).toEqualTypeOf<SolarisSeizure>();
    }
    if (event.type === 'solaris.unknown') {
      expectTypeOf(event.data).toBeUnknown();
    }
  });

  it('should export payload types equal to what handlers get', () => {
    const event = {} as SolarisEvent;
    if (isUnknownWebhookEvent(event)) return;
    if (event.nativeType === 'ACQUIRER_TOPUP_DECLINED') {
      expectTypeOf(event.data).toEqualTypeOf<SolarisTopUp>();
      // A misspelled field does not compile (unknown keys stay at runtime).
      // @ts-expect-error no such field
      expectTypeOf(event.data.acount_id);
      // @ts-expect-error no such field on the money object
      expectTypeOf(event.data.amount?.valeu);
    }
    const booking = {} as SolarisBooking;
    expectTypeOf(booking.amount.value).toEqualTypeOf<number>();
    // @ts-expect-error misspelled: `amount.value`
    expectTypeOf(booking.amount.valeu);
    // @ts-expect-error misspelled: `recorded_at`
    expectTypeOf(booking.recorderd_at);
    const seizure = {} as SolarisSeizure;
    // @ts-expect-error not a field of the seizure schema
    expectTypeOf(seizure.debtor);
    expectTypeOf<SolarisMoney>().toEqualTypeOf<{
      value: number;
      unit?: string | null | undefined;
      currency: string;
    }>();
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
    // @ts-expect-error renamed to account.status_changed
    webhooks.on('account.blocked', () => undefined);
  });

  it('should narrow on a normalized status across native types', () => {
    webhooks.on('payment.status_changed#failed', event => {
      expectTypeOf(event.normalizedStatus).toEqualTypeOf<'failed'>();
      expectTypeOf(event.type).toEqualTypeOf<'payment.status_changed'>();
      expectTypeOf(event.nativeType).toEqualTypeOf<
        | 'ACQUIRER_TOPUP_DECLINED'
        | 'ACQUIRER_TOPUP_EXECUTED'
        | 'ACQUIRER_TOPUP_PAYMENT_FAILED'
        | 'BATCH_TRANSFER_STATUS_CHANGED'
        | 'SCHEDULED_TRANSFER_STATUS_CHANGED'
        | 'SEPA_TIMED_ORDER'
        | 'SEPA_SCHEDULED_TRANSACTION'
        | 'SEPA_CREDIT_TRANSACTION_DECLINED'
        | 'REFERENCE_ACCOUNT_INSTANT_PAYOUT_EXECUTED'
        | 'INCOMING_REJECTED_TRANSACTION'
        | 'BUSINESS_FRONTING_PAYOUT_UPDATE'
      >();
      if (event.nativeType === 'ACQUIRER_TOPUP_DECLINED')
        expectTypeOf(event.data).toEqualTypeOf<SolarisTopUp>();
    });
    webhooks.on('account.*#blocked', event => {
      expectTypeOf(event.normalizedStatus).toEqualTypeOf<'blocked'>();
      expectTypeOf(event.provider).toEqualTypeOf<'solaris'>();
    });
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
