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
  type DinteroCustomerPasswordChangeEvent,
  type DinteroDiscountCustomerUpdateEvent,
  type DinteroDiscountCustomersEvent,
  type DinteroDiscountEvent,
  type DinteroLocationEvent,
  type DinteroReceiptEvent,
  type DinteroTokenEvent,
} from './dintero-loyalty-schemas';
import { dinteroLocationStatuses } from './dintero-statuses';

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
/**
 * A customer's membership of discounts (`discount_customer`). Dintero
 * gives the link no id that all three events share (`discount_customer_update`
 * names only the customer, for several discounts at once), so the subject
 * is keyed by the customer id: `{ type: 'discount_customer', id: customer_id }`.
 * The discount, the link id and the receipt stay in `data`.
 */
const discountCustomers = <TType extends string>(type: TType) =>
  defineWebhookEvent({
    type,
    schema: dinteroDiscountCustomersEventSchema,
    describe: (data: DinteroDiscountCustomersEvent) => ({
      subject: subjectOf('discount_customer', data.customer_id),
      occurredAt: lastChange(data),
    }),
  });
const location = <TType extends string>(type: TType) =>
  defineWebhookEvent({
    type,
    statuses: dinteroLocationStatuses,
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
  // A change-password *request* (Dintero then mails the customer), not a
  // change of the customer: the password change is what is requested. It
  // has no id of its own; it is keyed by its customer's id. The payload's
  // `status` is the customer's, not the request's, so it is not read.
  customer_change_password: defineWebhookEvent({
    type: 'password_change.requested',
    schema: dinteroCustomerPasswordChangeEventSchema,
    describe: (data: DinteroCustomerPasswordChangeEvent) => ({
      subject: subjectOf('password_change', data.id, data.customer_id),
      occurredAt: lastChange(data),
    }),
  }),
  receipt_add: receipt('receipt.created'),
  receipt_update: receipt('receipt.updated'),
  token_add: token('token.created'),
  token_remove: token('token.deleted'),
  // The legacy loyalty (point-of-sale) transaction: not a Checkout payment.
  // Its statuses are not documented, so `status` passes through undecided.
  transaction: defineWebhookEvent({
    type: 'pos_transaction.updated',
    schema: dinteroLegacyTransactionEventSchema,
    describe: data => ({
      subject: subjectOf('pos_transaction', data.id),
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
  // A customer joins or leaves a discount: the link is created or deleted.
  discount_add_customers: discountCustomers('discount_customer.created'),
  discount_delete_customers: discountCustomers('discount_customer.deleted'),
  // A customer's per-discount usage (stamps, claims, receipts) changed.
  discount_customer_update: defineWebhookEvent({
    type: 'discount_customer.updated',
    schema: dinteroDiscountCustomerUpdateEventSchema,
    describe: (data: DinteroDiscountCustomerUpdateEvent) => ({
      subject: subjectOf('discount_customer', data.customer_id),
      occurredAt: lastChange(data),
    }),
  }),
  location_add: location('location.created'),
  location_update: location('location.updated'),
  location_delete: location('location.deleted'),
};
