// Limited versions of Dintero's loyalty payloads (customers, receipts,
// tokens, wallets, discounts, locations), focussed on what the mapping
// reads; unknown keys are kept and every field may be missing.
import type { KnownFields } from '@finhooks/core';
import * as z from 'zod/mini';
import {
  hookEnvelopeShape,
  optionalText,
  timestampsShape,
} from './dintero-event-helpers';

const reference = z.looseObject({ id: optionalText });

/** `customer_add` / `customer_update` / `customer_delete`. */
export const dinteroCustomerEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  id: optionalText,
  customer_id: optionalText,
  type: optionalText,
  status: optionalText,
  email: optionalText,
  ...timestampsShape,
});

/** `customer_change_password`: the customer plus who asked. */
export const dinteroCustomerPasswordChangeEventSchema = z.extend(
  dinteroCustomerEventSchema,
  {
    context: z.nullish(
      z.looseObject({ audience: optionalText, created_by: optionalText }),
    ),
  },
);

/** `receipt_add` / `receipt_update`: the complete receipt. */
export const dinteroReceiptEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  id: optionalText,
  receipt_id: optionalText,
  purchase_at: optionalText,
  store: z.nullish(reference),
  ...timestampsShape,
});

/** `token_add` / `token_remove` (no published example: minimal). */
export const dinteroTokenEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  id: optionalText,
  customer_id: optionalText,
  type: optionalText,
  ...timestampsShape,
});

/** `transaction`, the legacy loyalty transaction (no published example). */
export const dinteroLegacyTransactionEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  id: optionalText,
  status: optionalText,
  ...timestampsShape,
});

/** `wallet_transaction`; `amount` is in minor units. */
export const dinteroWalletTransactionEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  id: optionalText,
  ref_id: optionalText,
  card_id: optionalText,
  parent_id: optionalText,
  type: optionalText,
  amount: z.nullish(z.int()),
  currency: optionalText,
  ...timestampsShape,
});

/** `discount_add` / `discount_update` / `discount_delete`. */
export const dinteroDiscountEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  id: optionalText,
  campaign_id: optionalText,
  name: optionalText,
  type: optionalText,
  ...timestampsShape,
});

/** `discount_add_customers` / `discount_delete_customers`. */
export const dinteroDiscountCustomersEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  id: optionalText,
  customer_id: optionalText,
  discount: z.nullish(reference),
  receipt: z.nullish(reference),
  ...timestampsShape,
});

/** `discount_customer_update`: a customer's discounts after use or claim. */
export const dinteroDiscountCustomerUpdateEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  customer_id: optionalText,
  claim: z.nullish(reference),
  receipt: z.nullish(reference),
  discounts: z.nullish(z.array(reference)),
  ...timestampsShape,
});

/** `location_add` / `location_update` / `location_delete`. */
export const dinteroLocationEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  location: z.nullish(
    z.looseObject({
      id: optionalText,
      location_id: optionalText,
      name: optionalText,
      status: optionalText,
      ...timestampsShape,
    }),
  ),
});

/** Payload of `customer_add` / `customer_update` / `customer_delete`. */
export type DinteroCustomerEvent = KnownFields<
  z.output<typeof dinteroCustomerEventSchema>
>;
/** Payload of `customer_change_password`. */
export type DinteroCustomerPasswordChangeEvent = KnownFields<
  z.output<typeof dinteroCustomerPasswordChangeEventSchema>
>;
/** Payload of `receipt_add` / `receipt_update`. */
export type DinteroReceiptEvent = KnownFields<
  z.output<typeof dinteroReceiptEventSchema>
>;
/** Payload of `token_add` / `token_remove`. */
export type DinteroTokenEvent = KnownFields<
  z.output<typeof dinteroTokenEventSchema>
>;
/** Payload of the legacy `transaction` event. */
export type DinteroLegacyTransactionEvent = KnownFields<
  z.output<typeof dinteroLegacyTransactionEventSchema>
>;
/** Payload of `wallet_transaction`. */
export type DinteroWalletTransactionEvent = KnownFields<
  z.output<typeof dinteroWalletTransactionEventSchema>
>;
/** Payload of `discount_add` / `discount_update` / `discount_delete`. */
export type DinteroDiscountEvent = KnownFields<
  z.output<typeof dinteroDiscountEventSchema>
>;
/** Payload of `discount_add_customers` / `discount_delete_customers`. */
export type DinteroDiscountCustomersEvent = KnownFields<
  z.output<typeof dinteroDiscountCustomersEventSchema>
>;
/** Payload of `discount_customer_update`. */
export type DinteroDiscountCustomerUpdateEvent = KnownFields<
  z.output<typeof dinteroDiscountCustomerUpdateEventSchema>
>;
/** Payload of `location_add` / `location_update` / `location_delete`. */
export type DinteroLocationEvent = KnownFields<
  z.output<typeof dinteroLocationEventSchema>
>;
