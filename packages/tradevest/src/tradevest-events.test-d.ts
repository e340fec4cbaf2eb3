import { createWebhooks, type KnownFields } from '@finhooks/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createTradevestAdapter,
  type TradevestEvent,
  type TradevestNativeType,
} from './index';
import type {
  TradevestCustomerNotification,
  TradevestDigitalAssetOrderNotification,
  TradevestOnboardingNotification,
  TradevestValidationError,
  TradevestIdentificationVerificationNotification,
  TradevestLabelsUpdateNotification,
  TradevestPartnerDocumentNotification,
  TradevestReTokenPrices,
  TradevestTransferNotification,
} from './index';

declare const event: TradevestEvent;

describe('TradevestEvent', () => {
  it('should type data exactly when narrowed on nativeType', () => {
    if (event.nativeType === 'CUSTOMER_NOTIFICATION') {
      expectTypeOf(event.data).toEqualTypeOf<
        KnownFields<TradevestCustomerNotification>
      >();
      expectTypeOf(event.data.customerId).toEqualTypeOf<string>();
      expectTypeOf(event.type).toEqualTypeOf<'customer.status_changed'>();
    }
    if (event.nativeType === 'RE_TOKEN_PRICES') {
      expectTypeOf(event.data).toEqualTypeOf<
        KnownFields<TradevestReTokenPrices>
      >();
      // Prices are exact decimal strings, never numbers.
      expectTypeOf(event.data.regularToken).toEqualTypeOf<string>();
      // @ts-expect-error: a price notification has no customer
      void event.data.customerId.length;
    }
    if (event.nativeType === 'LABELS_UPDATE_NOTIFICATION') {
      expectTypeOf(event.data).toEqualTypeOf<
        KnownFields<TradevestLabelsUpdateNotification>
      >();
      expectTypeOf(event.data.updatedCustomers).toEqualTypeOf<
        string[] | null | undefined
      >();
    }
  });

  it('should have no unknown member: an unknown path is a 404', () => {
    expectTypeOf<
      Extract<TradevestEvent, { type: 'tradevest.unknown' }>
    >().toBeNever();
    expectTypeOf<
      TradevestEvent['nativeType']
    >().toEqualTypeOf<TradevestNativeType>();
  });

  it('should narrow on the normalized type', () => {
    if (event.type === 'identification.status_changed') {
      expectTypeOf(
        event.nativeType,
      ).toEqualTypeOf<'IDENTIFICATION_VERIFICATION_NOTIFICATION'>();
      expectTypeOf(event.data).toEqualTypeOf<
        KnownFields<TradevestIdentificationVerificationNotification>
      >();
    }
    if (event.type === 'order.status_changed') {
      expectTypeOf(event.nativeType).toEqualTypeOf<
        | 'DIGITAL_ASSET_ORDER_NOTIFICATION'
        | 'TRADITIONAL_ASSET_ORDER_NOTIFICATION'
        | 'TOKENIZED_ASSET_ORDER_NOTIFICATION'
      >();
      expectTypeOf(event.data.orderId).toEqualTypeOf<
        string | null | undefined
      >();
    }
  });

  it('should narrow router handlers by pattern', () => {
    const webhooks = createWebhooks({
      adapters: [
        createTradevestAdapter({ headers: [{ name: 'api-key', value: 'k' }] }),
      ],
    });
    webhooks.on('customer.status_changed', customerEvent => {
      expectTypeOf(customerEvent.data).toEqualTypeOf<
        KnownFields<TradevestCustomerNotification>
      >();
    });
    // Customers whose labels changed: the type names the parent.
    webhooks.on('customer.updated', labelsEvent => {
      expectTypeOf(labelsEvent.data).toEqualTypeOf<
        KnownFields<TradevestLabelsUpdateNotification>
      >();
    });
    webhooks.on('partner_document.updated', documentEvent => {
      expectTypeOf(documentEvent.data).toEqualTypeOf<
        KnownFields<TradevestPartnerDocumentNotification>
      >();
    });
    webhooks.on('tradevest:RE_TOKEN_PRICES', pricesEvent => {
      expectTypeOf(pricesEvent.data.premiumToken).toEqualTypeOf<string>();
    });
    webhooks.on('order.*', orderEvent => {
      expectTypeOf(orderEvent.type).toEqualTypeOf<'order.status_changed'>();
    });
    // @ts-expect-error: not a Tradevest type
    webhooks.on('payment.captured', () => {});
    // @ts-expect-error: transfers are payments now
    webhooks.on('transfer.updated', () => {});
  });

  it('should narrow on a normalized status across resources', () => {
    const webhooks = createWebhooks({
      adapters: [
        createTradevestAdapter({ headers: [{ name: 'api-key', value: 'k' }] }),
      ],
    });
    // "A payment failed": a transfer REJECTED or INVALID at Tradevest.
    webhooks.on('payment.status_changed#failed', failed => {
      expectTypeOf(failed.nativeType).toEqualTypeOf<'TRANSFER_NOTIFICATION'>();
      expectTypeOf(failed.data).toEqualTypeOf<
        KnownFields<TradevestTransferNotification>
      >();
      expectTypeOf(failed.normalizedStatus).toEqualTypeOf<'failed'>();
    });
    webhooks.on('order.*#succeeded', settled => {
      expectTypeOf(settled.type).toEqualTypeOf<'order.status_changed'>();
      expectTypeOf(settled.normalizedStatus).toEqualTypeOf<'succeeded'>();
    });
    webhooks.on('customer.*#pending', customer => {
      expectTypeOf(customer.type).toEqualTypeOf<
        'customer.status_changed' | 'customer.updated'
      >();
    });
    // @ts-expect-error: normalized statuses are lower case
    webhooks.on('payment.status_changed#FAILED', () => {});
  });
});

describe('exported payload types', () => {
  it('should equal what handlers get', () => {
    if (event.nativeType === 'CUSTOMER_NOTIFICATION') {
      expectTypeOf(event.data).toEqualTypeOf<TradevestCustomerNotification>();
      expectTypeOf(event.data.validationError).toEqualTypeOf<
        TradevestValidationError | null | undefined
      >();
    }
    if (event.nativeType === 'ONBOARDING_NOTIFICATION')
      expectTypeOf(event.data).toEqualTypeOf<TradevestOnboardingNotification>();
    if (event.nativeType === 'DIGITAL_ASSET_ORDER_NOTIFICATION')
      expectTypeOf(
        event.data,
      ).toEqualTypeOf<TradevestDigitalAssetOrderNotification>();
    if (event.nativeType === 'TRANSFER_NOTIFICATION')
      expectTypeOf(event.data).toEqualTypeOf<TradevestTransferNotification>();
  });

  it('should not compile a misspelt field, however deep', () => {
    const webhooks = createWebhooks({
      adapters: [
        createTradevestAdapter({ headers: [{ name: 'api-key', value: 'k' }] }),
      ],
    });
    webhooks.on('customer.status_changed', received => {
      expectTypeOf(received.data.customerId).toEqualTypeOf<string>();
      // @ts-expect-error: `customerId`, misspelt
      void received.data.customerID;
      // @ts-expect-error: `errorType`, misspelt
      void received.data.validationError?.errortype;
    });
    webhooks.on('tradevest:DIGITAL_ASSET_ORDER_NOTIFICATION', received => {
      // @ts-expect-error: `quantity`, misspelt
      void received.data.executionData?.quantiy;
    });
  });

  it('should type the exported payloads without index signatures', () => {
    expectTypeOf<keyof TradevestValidationError>().toEqualTypeOf<
      'errorType' | 'description'
    >();
    expectTypeOf<keyof TradevestReTokenPrices>().toEqualTypeOf<
      'regularToken' | 'premiumToken'
    >();
  });
});
