import {
  createWebhooks,
  isUnknownWebhookEvent,
  type KnownWebhookEventV1,
  type WebhookAdapterEvent,
} from '@finhooks/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createDinteroAdapter,
  type DinteroAdapter,
  type DinteroEvent,
} from './index';
import type {
  DinteroCddCaseEvent,
  DinteroCheckoutCallback,
  DinteroCheckoutTransactionEvent,
  DinteroCustomerEvent,
  DinteroCustomerPasswordChangeEvent,
} from './index';

declare const event: DinteroEvent;

describe('DinteroEvent', () => {
  it('should be the adapter event union', () => {
    expectTypeOf<
      WebhookAdapterEvent<DinteroAdapter>
    >().toEqualTypeOf<DinteroEvent>();
    expectTypeOf(createDinteroAdapter).returns.toEqualTypeOf<DinteroAdapter>();
    expectTypeOf(event.provider).toEqualTypeOf<'dintero'>();
  });

  it('should type data exactly when narrowed on nativeType after isUnknownWebhookEvent', () => {
    // The unknown member's nativeType is `string`, so core's guard excludes
    // it first (the router's provider:nativeType patterns do this for you).
    if (isUnknownWebhookEvent(event)) {
      expectTypeOf(event.type).toEqualTypeOf<'dintero.unknown'>();
      expectTypeOf(event.data).toEqualTypeOf<unknown>();
      return;
    }
    expectTypeOf(event).toEqualTypeOf<KnownWebhookEventV1<DinteroEvent>>();
    if (event.nativeType === 'checkout_transaction') {
      expectTypeOf(event.data).toEqualTypeOf<DinteroCheckoutTransactionEvent>();
      expectTypeOf(event.type).toEqualTypeOf<'transaction.updated'>();
    }
    if (event.nativeType === 'cdd_case_update') {
      expectTypeOf(event.data).toEqualTypeOf<DinteroCddCaseEvent>();
      expectTypeOf(event.data.payment_case?.case_status).toEqualTypeOf<
        string | null | undefined
      >();
    }
    if (event.nativeType === 'checkout_callback') {
      expectTypeOf(event.data).toEqualTypeOf<DinteroCheckoutCallback>();
      expectTypeOf(event.data.unverified_body).toEqualTypeOf<unknown>();
      expectTypeOf(event.data.transaction_id).toEqualTypeOf<
        string | null | undefined
      >();
    }
  });

  it('should narrow data by normalized type', () => {
    if (event.type === 'customer.updated') {
      expectTypeOf(event.nativeType).toEqualTypeOf<
        'customer_update' | 'customer_change_password'
      >();
      expectTypeOf(event.data).toEqualTypeOf<
        DinteroCustomerEvent | DinteroCustomerPasswordChangeEvent
      >();
    }
    if (event.type === 'dintero.unknown') {
      expectTypeOf(event.data).toEqualTypeOf<unknown>();
    }
  });
});

describe('router patterns', () => {
  const webhooks = createWebhooks({
    adapters: [createDinteroAdapter({ secret: 'secret' })],
  });

  it('should narrow handlers by provider:nativeType', () => {
    webhooks.on('dintero:checkout_transaction', handled => {
      expectTypeOf(
        handled.data,
      ).toEqualTypeOf<DinteroCheckoutTransactionEvent>();
    });
    webhooks.on('dintero:checkout_callback', handled => {
      expectTypeOf(handled.data).toEqualTypeOf<DinteroCheckoutCallback>();
    });
  });

  it('should narrow onAny events on nativeType after isUnknownWebhookEvent', () => {
    webhooks.onAny(handled => {
      if (isUnknownWebhookEvent(handled)) return;
      if (handled.nativeType === 'checkout_callback') {
        expectTypeOf(handled.data).toEqualTypeOf<DinteroCheckoutCallback>();
        expectTypeOf(
          handled.type,
        ).toEqualTypeOf<'transaction.status_changed'>();
      }
    });
  });

  it('should narrow handlers by normalized type and resource wildcard', () => {
    webhooks.on('compliance_case.updated', handled => {
      expectTypeOf(handled.nativeType).toEqualTypeOf<
        'cdd_case_update' | 'approval_payout_destination_update'
      >();
    });
    webhooks.on('transaction.*', handled => {
      expectTypeOf(handled.type).toEqualTypeOf<
        'transaction.updated' | 'transaction.status_changed'
      >();
    });
  });

  it('should reject patterns the adapter cannot emit', () => {
    // @ts-expect-error: no Dintero event maps to payment.captured
    webhooks.on('payment.captured', () => {});
  });
});
