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

describe('exported payload types', () => {
  it('should be exactly the data handlers get, without index signatures', () => {
    expectTypeOf<DinteroCheckoutTransactionEvent>().toEqualTypeOf<
      KnownFields<DinteroCheckoutTransactionEvent>
    >();
    expectTypeOf<DinteroCheckoutCallback>().toEqualTypeOf<
      KnownFields<DinteroCheckoutCallback>
    >();
    expectTypeOf<DinteroCustomerPasswordChangeEvent>().toEqualTypeOf<
      KnownFields<DinteroCustomerPasswordChangeEvent>
    >();
    expectTypeOf<keyof DinteroCheckoutTransactionEvent>().toEqualTypeOf<
      'account_id' | 'event' | 'event_delivery' | 'transaction'
    >();
  });

  it('should reject misspelled fields at compile time', () => {
    const data = {} as DinteroCheckoutTransactionEvent;
    // @ts-expect-error: `transaction.amount`, misspelled
    void data.transaction?.amonut;
    // @ts-expect-error: no index signature at the top level either
    void data.transactoin;
    const callback = {} as DinteroCheckoutCallback;
    // @ts-expect-error: `transaction_id`, misspelled
    void callback.transaction_idd;
    const customer = {} as DinteroCustomerPasswordChangeEvent;
    // @ts-expect-error: `context.created_by`, misspelled
    void customer.context?.createdBy;
    expectTypeOf(customer.context?.created_by).toEqualTypeOf<
      string | null | undefined
    >();
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
      // The exported payload type is exactly what the handler gets.
      expectTypeOf(
        handled.data,
      ).toEqualTypeOf<DinteroCheckoutTransactionEvent>();
      expectTypeOf(handled.data.transaction?.amount).toEqualTypeOf<
        number | null | undefined
      >();
      // @ts-expect-error: a misspelled field does not compile
      void handled.data.transaction?.amuont;
    });
    webhooks.on('dintero:cdd_case_update', handled => {
      expectTypeOf(handled.data).toEqualTypeOf<DinteroCddCaseEvent>();
      // @ts-expect-error: a misspelled field does not compile
      void handled.data.payment_case?.case_stauts;
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
