// Limited versions of Dintero's Checkout payloads, focussed on what the
// mapping reads; unknown keys are kept and every field may be missing.
import type { KnownFields } from '@finhooks/core';
import * as z from 'zod/mini';
import {
  hookEnvelopeShape,
  optionalText,
  timestampsShape,
} from './dintero-event-helpers';

const transactionShape = {
  id: optionalText,
  session_id: optionalText,
  merchant_reference: optionalText,
  merchant_reference_2: optionalText,
  status: optionalText,
  /** Minor units (øre, cents). */
  amount: z.nullish(z.int()),
  currency: optionalText,
  payment_product: optionalText,
  ...timestampsShape,
};
const transactionSchema = z.looseObject(transactionShape);

/** `checkout_transaction`: a transaction created or updated. */
export const dinteroCheckoutTransactionEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  transaction: z.nullish(transactionSchema),
});

/**
 * `checkout_authorization`: documented as the session callback's payload
 * (`report_error=true` variant): an `authorization` object and, unless the
 * customer cancelled, the `transaction`. A flat transaction is read too.
 */
export const dinteroCheckoutAuthorizationEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  ...transactionShape,
  /**
   * The published example's shape: what the callback's query says, with
   * `error` when the authorization did not happen (`cancelled`).
   */
  authorization: z.nullish(
    z.looseObject({
      transaction_id: optionalText,
      session_id: optionalText,
      merchant_reference: optionalText,
      error: optionalText,
    }),
  ),
  /** Absent "if the authorization was cancelled by the user". */
  transaction: z.nullish(transactionSchema),
  error: z.optional(z.unknown()),
});

const cardTokenSchema = z.looseObject({
  id: optionalText,
  status: optionalText,
  ...timestampsShape,
});

/** `checkout_token_add` / `_update` / `_delete` (no published example). */
export const dinteroCheckoutTokenEventSchema = z.looseObject({
  ...hookEnvelopeShape,
  id: optionalText,
  status: optionalText,
  token: z.nullish(cardTokenSchema),
  card_token: z.nullish(cardTokenSchema),
  ...timestampsShape,
});

/**
 * A Checkout `callback_url` call: the signed query parameters (first value
 * of each name). For a POST callback the body is kept apart under
 * `unverified_body`: it is NOT covered by the signature.
 */
export const dinteroCheckoutCallbackSchema = z.looseObject({
  transaction_id: optionalText,
  session_id: optionalText,
  /** `session_id` under its short name (`sid_parameter_name=sid`). */
  sid: optionalText,
  merchant_reference: optionalText,
  /** Transaction creation time (ISO 8601). */
  time: optionalText,
  /** Error code, with `report_error=true`. */
  error: optionalText,
  /** The event applied to the transaction, with `report_event`. */
  event: optionalText,
  event_id: optionalText,
  method: optionalText,
  report_error: optionalText,
  report_event: optionalText,
  delay_callback: optionalText,
  /** POST body as sent: unsigned, so never trust it without a check. */
  unverified_body: z.optional(z.unknown()),
});

/** Payload of `checkout_transaction`. */
export type DinteroCheckoutTransactionEvent = KnownFields<
  z.output<typeof dinteroCheckoutTransactionEventSchema>
>;
/** Payload of `checkout_authorization`. */
export type DinteroCheckoutAuthorizationEvent = KnownFields<
  z.output<typeof dinteroCheckoutAuthorizationEventSchema>
>;
/** Payload of `checkout_token_add` / `_update` / `_delete`. */
export type DinteroCheckoutTokenEvent = KnownFields<
  z.output<typeof dinteroCheckoutTokenEventSchema>
>;
/** Payload of a Checkout `callback_url` call (`checkout_callback`). */
export type DinteroCheckoutCallback = KnownFields<
  z.output<typeof dinteroCheckoutCallbackSchema>
>;
