import { createWebhooks, type KnownFields } from '@finhooks/core';
import { describe, expectTypeOf, it } from 'vitest';
import { createRedpinAdapter, type RedpinEvent } from './redpin-adapter';
import type {
  RedpinAmount,
  RedpinCustomerStatus,
  RedpinPaymentDetails,
  RedpinPaymentStatus,
  RedpinPaymentStatusPayload,
  RedpinRejectionReason,
  RedpinThirdPartyCustomerStatus,
} from './index';

declare const event: RedpinEvent;

describe('RedpinEvent', () => {
  it('should type data exactly when narrowed on nativeType', () => {
    // `redpin.unknown` events carry any native type (`string`), so they are
    // excluded first; the router's `redpin:<native>` patterns do that alone.
    if (event.type === 'redpin.unknown') return;
    if (event.nativeType === 'PAYMENT STATUS') {
      expectTypeOf(event.data).toEqualTypeOf<
        KnownFields<RedpinPaymentStatus>
      >();
      expectTypeOf(event.type).toEqualTypeOf<'payment.status_changed'>();
      expectTypeOf(event.data.details.amount).toEqualTypeOf<
        KnownFields<RedpinPaymentStatus['details']['amount']>
      >();
    }
    if (event.nativeType === 'THIRD PARTY CUSTOMER STATUS') {
      expectTypeOf(event.data).toEqualTypeOf<
        KnownFields<RedpinThirdPartyCustomerStatus>
      >();
    }
    if (event.nativeType === 'CUSTOMER STATUS') {
      expectTypeOf(event.data).toEqualTypeOf<
        KnownFields<RedpinCustomerStatus>
      >();
    }
  });

  it('should include redpin.unknown when narrowing on nativeType alone', () => {
    if (event.nativeType === 'PAYMENT STATUS') {
      expectTypeOf(event.type).toEqualTypeOf<
        'payment.status_changed' | 'redpin.unknown'
      >();
    }
  });

  it('should narrow data on the normalized type', () => {
    if (event.type === 'payment.status_changed') {
      expectTypeOf(event.data).toEqualTypeOf<
        KnownFields<RedpinPaymentStatus>
      >();
    }
    if (event.type === 'customer.status_changed') {
      expectTypeOf(event.data).toEqualTypeOf<
        | KnownFields<RedpinThirdPartyCustomerStatus>
        | KnownFields<RedpinCustomerStatus>
      >();
    }
    if (event.type === 'redpin.unknown') {
      expectTypeOf(event.data).toBeUnknown();
    }
  });

  it('should keep statuses open but autocompleted', () => {
    if (
      event.type !== 'redpin.unknown' &&
      event.nativeType === 'PAYMENT STATUS'
    ) {
      expectTypeOf<'PAYMENT_COMPLETED'>().toExtend<typeof event.data.status>();
      expectTypeOf<'SOME_FUTURE_STATUS'>().toExtend<typeof event.data.status>();
      expectTypeOf(event.data.generation).toEqualTypeOf<'envelope' | 'flat'>();
    }
  });
});

describe('createWebhooks with the Redpin adapter', () => {
  const webhooks = createWebhooks({
    adapters: [
      createRedpinAdapter({ auth: { dangerouslyAllowUnauthenticated: true } }),
    ],
  });

  it('should narrow handler events by pattern', () => {
    webhooks.on('payment.status_changed', received => {
      expectTypeOf(received.data).toEqualTypeOf<
        KnownFields<RedpinPaymentStatus>
      >();
    });
    webhooks.on('payment.*', received => {
      expectTypeOf(received.data).toEqualTypeOf<
        KnownFields<RedpinPaymentStatus>
      >();
    });
    webhooks.on('redpin:THIRD PARTY CUSTOMER STATUS', received => {
      expectTypeOf(received.data).toEqualTypeOf<
        KnownFields<RedpinThirdPartyCustomerStatus>
      >();
    });
    webhooks.on('customer.status_changed', received => {
      expectTypeOf(received.nativeType).toEqualTypeOf<
        'THIRD PARTY CUSTOMER STATUS' | 'CUSTOMER STATUS'
      >();
    });
    webhooks.on('redpin.unknown', received => {
      expectTypeOf(received.nativeType).toBeString();
      expectTypeOf(received.data).toBeUnknown();
    });
    // @ts-expect-error: a native type the adapter does not know is a typo
    webhooks.on('redpin:SOMETHING NEW', () => {});
  });

  it('should narrow handler events by normalized status', () => {
    // "A payment failed": BOUNCED_BACK at Redpin.
    webhooks.on('payment.status_changed#failed', failed => {
      expectTypeOf(failed.data).toEqualTypeOf<
        KnownFields<RedpinPaymentStatus>
      >();
      expectTypeOf(failed.normalizedStatus).toEqualTypeOf<'failed'>();
    });
    // "A customer became inactive" (CUSTOMER STATUS `inactive`).
    webhooks.on('customer.status_changed#inactive', inactive => {
      expectTypeOf(inactive.nativeType).toEqualTypeOf<
        'THIRD PARTY CUSTOMER STATUS' | 'CUSTOMER STATUS'
      >();
      expectTypeOf(inactive.normalizedStatus).toEqualTypeOf<'inactive'>();
    });
    webhooks.on('customer.*#rejected', rejected => {
      expectTypeOf(rejected.type).toEqualTypeOf<'customer.status_changed'>();
    });
    // @ts-expect-error: normalized statuses are lower case
    webhooks.on('payment.status_changed#BOUNCED_BACK', () => {});
  });

  it('should reject patterns that match nothing', () => {
    // @ts-expect-error: no such normalized type
    webhooks.on('payment.created', () => {});
  });
});

describe('exported payload types', () => {
  it('should equal what handlers get', () => {
    if (event.type === 'redpin.unknown') return;
    if (event.nativeType === 'PAYMENT STATUS') {
      expectTypeOf(event.data).toEqualTypeOf<RedpinPaymentStatus>();
      expectTypeOf(event.data.details).toEqualTypeOf<RedpinPaymentDetails>();
      expectTypeOf(event.data.details.amount).toEqualTypeOf<
        RedpinAmount | null | undefined
      >();
      expectTypeOf(event.data.raw).toEqualTypeOf<RedpinPaymentStatusPayload>();
    }
    if (event.nativeType === 'THIRD PARTY CUSTOMER STATUS') {
      expectTypeOf(event.data).toEqualTypeOf<RedpinThirdPartyCustomerStatus>();
      expectTypeOf(event.data.reasons).toEqualTypeOf<RedpinRejectionReason[]>();
    }
    if (event.nativeType === 'CUSTOMER STATUS')
      expectTypeOf(event.data).toEqualTypeOf<RedpinCustomerStatus>();
  });

  it('should not compile a misspelt field, however deep', () => {
    const webhooks = createWebhooks({
      adapters: [
        createRedpinAdapter({
          auth: { dangerouslyAllowUnauthenticated: true },
        }),
      ],
    });
    webhooks.on('payment.status_changed', received => {
      expectTypeOf(received.data.payment_id).toEqualTypeOf<string>();
      // @ts-expect-error: `payment_id`, misspelt
      void received.data.paymnet_id;
      // @ts-expect-error: `value_text`, misspelt
      void received.data.details.amount?.valeu_text;
      // @ts-expect-error: `event_type` of the raw body, misspelt
      void received.data.raw.event_tpye;
      // Undocumented fields Redpin may add are kept at runtime, and read
      // through a cast, never by accident.
      expectTypeOf(received.data.details.bounce_reason).toBeUnknown();
    });
    webhooks.on('customer.status_changed', received => {
      // @ts-expect-error: `customer_id`, misspelt
      void received.data.customer_ib;
    });
  });

  it('should type the exported payloads without index signatures', () => {
    expectTypeOf<keyof RedpinAmount>().toEqualTypeOf<
      'currency' | 'value' | 'value_text'
    >();
    expectTypeOf<string>().not.toExtend<keyof RedpinPaymentDetails>();
  });
});
