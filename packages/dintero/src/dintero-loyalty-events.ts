import { defineWebhookEvent } from '@finhooks/core';
import { lastChange, subjectOf } from './dintero-event-helpers';
import {
  dinteroCustomerEventSchema,
  dinteroCustomerPasswordChangeEventSchema,
  dinteroDiscountCustomersEventSchema,
  dinteroDiscountCustomerUpdateEventSchema,
  dinteroDiscountEventSchema,
  dinteroLegacyTransactionEventSchema,
  dinteroLocationEventSchema,
  dinteroReceiptEventSchema,
  dinteroTokenEventSchema,
  dinteroWalletTransactionEventSchema,
  type DinteroCustomerEvent,
  type DinteroDiscountCustomersEvent,
  type DinteroDiscountEvent,
  type DinteroLocationEvent,
  type DinteroReceiptEvent,
  type DinteroTokenEvent,
} from './dintero-loyalty-schemas';

function describeCustomer(data: DinteroCustomerEvent) {
  return {
    subject: subjectOf('customer', data.id, data.customer_id),
    status: data.status,
    occurredAt: lastChange(data),
  };
}

const customer = <TType extends string>(type: TType) =>
  defineWebhookEvent({
    type,
    schema: dinteroCustomerEventSchema,
    describe: describeCustomer,
  });
const receipt = <TType extends string>(type: TType) =>
  defineWebhookEvent({
    type,
    schema: dinteroReceiptEventSchema,
    describe: (data: DinteroReceiptEvent) => ({
      subject: subjectOf('receipt', data.id, data.receipt_id),
      occurredAt: lastChange(data),
    }),
  });
const token = <TType extends string>(type: TType) =>
  defineWebhookEvent({
    type,
    schema: dinteroTokenEventSchema,
    describe: (data: DinteroTokenEvent) => ({
      subject: subjectOf('token', data.id),
      occurredAt: lastChange(data),
    }),
  });
const discount = <TType extends string>(type: TType) =>
  defineWebhookEvent({
    type,
    schema: dinteroDiscountEventSchema,
    describe: (data: DinteroDiscountEvent) => ({
      subject: subjectOf('discount', data.id),
      occurredAt: lastChange(data),
    }),
  });
const discountCustomers = <TType extends string>(type: TType) =>
  defineWebhookEvent({
    type,
    schema: dinteroDiscountCustomersEventSchema,
    describe: (data: DinteroDiscountCustomersEvent) => ({
      subject: subjectOf('discount', data.discount?.id),
      occurredAt: lastChange(data),
    }),
  });
const location = <TType extends string>(type: TType) =>
  defineWebhookEvent({
    type,
    schema: dinteroLocationEventSchema,
    describe: ({ location: place }: DinteroLocationEvent) => ({
      subject: subjectOf('location', place?.id, place?.location_id),
      status: place?.status,
      occurredAt: lastChange(place),
    }),
  });

/** Loyalty: customers, receipts, tokens, wallets, discounts, locations. */
export const dinteroLoyaltyEvents = {
  customer_add: customer('customer.created'),
  customer_update: customer('customer.updated'),
  customer_delete: customer('customer.deleted'),
  // A password change request changes the customer's credentials.
  customer_change_password: defineWebhookEvent({
    type: 'customer.updated',
    schema: dinteroCustomerPasswordChangeEventSchema,
    describe: describeCustomer,
  }),
  receipt_add: receipt('receipt.created'),
  receipt_update: receipt('receipt.updated'),
  token_add: token('token.created'),
  token_remove: token('token.deleted'),
  transaction: defineWebhookEvent({
    type: 'transaction.updated',
    schema: dinteroLegacyTransactionEventSchema,
    describe: data => ({
      subject: subjectOf('transaction', data.id),
      status: data.status,
      occurredAt: lastChange(data),
    }),
  }),
  wallet_transaction: defineWebhookEvent({
    type: 'wallet_transaction.created',
    schema: dinteroWalletTransactionEventSchema,
    describe: data => ({
      subject: subjectOf('wallet_transaction', data.id),
      occurredAt: data.created_at,
    }),
  }),
  discount_add: discount('discount.created'),
  discount_update: discount('discount.updated'),
  discount_delete: discount('discount.deleted'),
  // Customers joining or leaving a discount change the discount.
  discount_add_customers: discountCustomers('discount.updated'),
  discount_delete_customers: discountCustomers('discount.updated'),
  discount_customer_update: defineWebhookEvent({
    type: 'discount.updated',
    schema: dinteroDiscountCustomerUpdateEventSchema,
    // Several discounts may change at once: the customer is the subject.
    describe: data => ({
      subject: subjectOf('customer', data.customer_id),
      occurredAt: lastChange(data),
    }),
  }),
  location_add: location('location.created'),
  location_update: location('location.updated'),
  location_delete: location('location.deleted'),
};
