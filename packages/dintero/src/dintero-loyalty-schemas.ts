// Limited versions of Dintero's loyalty payloads (customers, receipts,
// tokens, wallets, discounts, locations), focussed on what the mapping
// reads; unknown keys are kept and every field may be missing.
import { z } from 'zod';
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
export const dinteroCustomerPasswordChangeEventSchema =
  dinteroCustomerEventSchema.extend({
    context: z
      .looseObject({ audience: optionalText, created_by: optionalText })
      .nullish(),
  });

/** `receipt_add` / `receipt_update`: the complete receipt. */
export const dinteroReceiptEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  id: optionalText,
  receipt_id: optionalText,
  purchase_at: optionalText,
  store: reference.nullish(),
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
  amount: z.number().int().nullish(),
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
  discount: reference.nullish(),
  receipt: reference.nullish(),
  ...timestampsShape,
});

/** `discount_customer_update`: a customer's discounts after use or claim. */
export const dinteroDiscountCustomerUpdateEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  customer_id: optionalText,
  claim: reference.nullish(),
  receipt: reference.nullish(),
  discounts: z.array(reference).nullish(),
  ...timestampsShape,
});

/** `location_add` / `location_update` / `location_delete`. */
export const dinteroLocationEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  location: z
    .looseObject({
      id: optionalText,
      location_id: optionalText,
      name: optionalText,
      status: optionalText,
      ...timestampsShape,
    })
    .nullish(),
});

/** Payload of `customer_add` / `customer_update` / `customer_delete`. */
export type DinteroCustomerEvent = z.infer<typeof dinteroCustomerEventSchema>;
/** Payload of `customer_change_password`. */
export type DinteroCustomerPasswordChangeEvent = z.infer<
  typeof dinteroCustomerPasswordChangeEventSchema
>;
/** Payload of `receipt_add` / `receipt_update`. */
export type DinteroReceiptEvent = z.infer<typeof dinteroReceiptEventSchema>;
/** Payload of `token_add` / `token_remove`. */
export type DinteroTokenEvent = z.infer<typeof dinteroTokenEventSchema>;
/** Payload of the legacy `transaction` event. */
export type DinteroLegacyTransactionEvent = z.infer<
  typeof dinteroLegacyTransactionEventSchema
>;
/** Payload of `wallet_transaction`. */
export type DinteroWalletTransactionEvent = z.infer<
  typeof dinteroWalletTransactionEventSchema
>;
/** Payload of `discount_add` / `discount_update` / `discount_delete`. */
export type DinteroDiscountEvent = z.infer<typeof dinteroDiscountEventSchema>;
/** Payload of `discount_add_customers` / `discount_delete_customers`. */
export type DinteroDiscountCustomersEvent = z.infer<
  typeof dinteroDiscountCustomersEventSchema
>;
/** Payload of `discount_customer_update`. */
export type DinteroDiscountCustomerUpdateEvent = z.infer<
  typeof dinteroDiscountCustomerUpdateEventSchema
>;
/** Payload of `location_add` / `location_update` / `location_delete`. */
export type DinteroLocationEvent = z.infer<typeof dinteroLocationEventSchema>;
