import {
  createWebhooks,
  isUnknownWebhookEvent,
  type KnownFields,
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
      expectTypeOf(event.data).toEqualTypeOf<
        KnownFields<DinteroCheckoutTransactionEvent>
      >();
      expectTypeOf(event.type).toEqualTypeOf<'payment.status_changed'>();
    }
    if (event.nativeType === 'cdd_case_update') {
      expectTypeOf(event.data).toEqualTypeOf<
        KnownFields<DinteroCddCaseEvent>
      >();
      expectTypeOf(event.data.payment_case?.case_status).toEqualTypeOf<
        string | null | undefined
      >();
    }
    if (event.nativeType === 'checkout_callback') {
      expectTypeOf(event.data).toEqualTypeOf<
        KnownFields<DinteroCheckoutCallback>
      >();
      expectTypeOf(event.data.unverified_body).toEqualTypeOf<unknown>();
      expectTypeOf(event.data.transaction_id).toEqualTypeOf<
        string | null | undefined
      >();
    }
  });

  it('should narrow data by normalized type', () => {
    if (event.type === 'customer.updated') {
      expectTypeOf(event.nativeType).toEqualTypeOf<'customer_update'>();
      expectTypeOf(event.data).toEqualTypeOf<
        KnownFields<DinteroCustomerEvent>
      >();
    }
    if (event.type === 'password_change.requested') {
      expectTypeOf(
        event.nativeType,
      ).toEqualTypeOf<'customer_change_password'>();
      expectTypeOf(event.data).toEqualTypeOf<
        KnownFields<DinteroCustomerPasswordChangeEvent>
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
      expectTypeOf(handled.data).toEqualTypeOf<
        KnownFields<DinteroCheckoutTransactionEvent>
      >();
    });
    webhooks.on('dintero:checkout_callback', handled => {
      expectTypeOf(handled.data).toEqualTypeOf<
        KnownFields<DinteroCheckoutCallback>
      >();
    });
  });

  it('should narrow onAny events on nativeType after isUnknownWebhookEvent', () => {
    webhooks.onAny(handled => {
      if (isUnknownWebhookEvent(handled)) return;
      if (handled.nativeType === 'checkout_callback') {
        expectTypeOf(handled.data).toEqualTypeOf<
          KnownFields<DinteroCheckoutCallback>
        >();
        expectTypeOf(handled.type).toEqualTypeOf<'payment.status_changed'>();
      }
    });
  });

  it('should narrow handlers by normalized type and resource wildcard', () => {
    webhooks.on('compliance_case.status_changed', handled => {
      expectTypeOf(handled.nativeType).toEqualTypeOf<
        'cdd_case_update' | 'approval_payout_destination_update'
      >();
    });
    webhooks.on('compliance_case.*', handled => {
      expectTypeOf(handled.type).toEqualTypeOf<
        'compliance_case.status_changed' | 'compliance_case.deleted'
      >();
    });
    webhooks.on('discount_customer.*', handled => {
      expectTypeOf(handled.nativeType).toEqualTypeOf<
        | 'discount_add_customers'
        | 'discount_delete_customers'
        | 'discount_customer_update'
      >();
    });
  });

  it('should narrow "a payment failed" by normalized status', () => {
    // One handler for every Checkout transaction, authorization and
    // callback that failed, across providers.
    webhooks.on('payment.status_changed#failed', handled => {
      expectTypeOf(handled.normalizedStatus).toEqualTypeOf<'failed'>();
      expectTypeOf(handled.nativeType).toEqualTypeOf<
        'checkout_authorization' | 'checkout_transaction' | 'checkout_callback'
      >();
    });
    webhooks.on('compliance_case.*#approved', handled => {
      expectTypeOf(handled.normalizedStatus).toEqualTypeOf<'approved'>();
    });
    // @ts-expect-error: a status is a normalized status, not Dintero's spelling
    webhooks.on('payment.status_changed#CAPTURED', () => {});
  });

  it('should reject patterns the adapter cannot emit', () => {
    // @ts-expect-error: no Dintero event maps to payment.captured
    webhooks.on('payment.captured', () => {});
    // @ts-expect-error: the old names are gone
    webhooks.on('transaction.*', () => {});
    // @ts-expect-error: completion is draft.status_changed#succeeded
    webhooks.on('draft.completed', () => {});
  });
});
