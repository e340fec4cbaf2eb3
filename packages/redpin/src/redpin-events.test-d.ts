import { createWebhooks } from '@finhooks/core';
import { describe, expectTypeOf, it } from 'vitest';
import { createRedpinAdapter, type RedpinEvent } from './redpin-adapter';
import type { RedpinCustomerStatus } from './redpin-customer-events';
import type { RedpinPaymentStatus } from './redpin-payment-events';
import type { RedpinThirdPartyCustomerStatus } from './redpin-third-party-customer-events';

declare const event: RedpinEvent;

describe('RedpinEvent', () => {
  it('should type data exactly when narrowed on nativeType', () => {
    // `redpin.unknown` events carry any native type (`string`), so they are
    // excluded first; the router's `redpin:<native>` patterns do that alone.
    if (event.type === 'redpin.unknown') return;
    if (event.nativeType === 'PAYMENT STATUS') {
      expectTypeOf(event.data).toEqualTypeOf<RedpinPaymentStatus>();
      expectTypeOf(event.type).toEqualTypeOf<'payment.status_changed'>();
      expectTypeOf(event.data.details.amount).toEqualTypeOf<
        RedpinPaymentStatus['details']['amount']
      >();
    }
    if (event.nativeType === 'THIRD PARTY CUSTOMER STATUS') {
      expectTypeOf(event.data).toEqualTypeOf<RedpinThirdPartyCustomerStatus>();
    }
    if (event.nativeType === 'CUSTOMER STATUS') {
      expectTypeOf(event.data).toEqualTypeOf<RedpinCustomerStatus>();
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
      expectTypeOf(event.data).toEqualTypeOf<RedpinPaymentStatus>();
    }
    if (event.type === 'customer.status_changed') {
      expectTypeOf(event.data).toEqualTypeOf<
        RedpinThirdPartyCustomerStatus | RedpinCustomerStatus
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
      expectTypeOf(received.data).toEqualTypeOf<RedpinPaymentStatus>();
    });
    webhooks.on('payment.*', received => {
      expectTypeOf(received.data).toEqualTypeOf<RedpinPaymentStatus>();
    });
    webhooks.on('redpin:THIRD PARTY CUSTOMER STATUS', received => {
      expectTypeOf(
        received.data,
      ).toEqualTypeOf<RedpinThirdPartyCustomerStatus>();
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

  it('should reject patterns that match nothing', () => {
    // @ts-expect-error: no such normalized type
    webhooks.on('payment.created', () => {});
  });
});
