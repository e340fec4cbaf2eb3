import { defineWebhookEvent } from '@finhooks/core';
import { z } from 'zod';
import { withAmountTexts, type RedpinAmount } from './redpin-amounts';
import {
  redpinCommonFields,
  redpinEnvelopeShape,
  redpinPayloadSchema,
  type RedpinCommonFields,
} from './redpin-payload-schema';
import {
  redpinPaymentStatusDecisions,
  type RedpinPaymentStatusValue,
} from './redpin-statuses';

// Limited version of Redpin's payment schemas, focused on what the mapping
// reads and on the documented per-status fields; unknown keys are kept.
const amountSchema = z.looseObject({
  currency: z.string(),
  value: z.union([z.number(), z.string()]),
});

const detailsShape = {
  amount: amountSchema.nullish(),
  sell_amount: amountSchema.nullish(),
  buy_amount: amountSchema.nullish(),
  refund_amount: amountSchema.nullish(),
  reason_description: z.string().nullish(),
};

const paymentShape = {
  payment_id: z.string().min(1),
  status: z.string().min(1),
  customer_id: z.string().nullish(),
  client_customer_ref: z.string().nullish(),
};

const paymentEnvelopeSchema = z.looseObject({
  ...redpinEnvelopeShape,
  data: z.looseObject({ ...paymentShape, ...detailsShape }),
});

const paymentFlatSchema = z.looseObject({
  event_id: z.string().min(1).nullish(),
  event_timestamp: z.string().nullish(),
  ...paymentShape,
  data: z.looseObject(detailsShape).nullish(),
});

/** A `PAYMENT STATUS` body exactly as Redpin sent it (either generation). */
export type RedpinPaymentStatusPayload =
  z.output<typeof paymentEnvelopeSchema> | z.output<typeof paymentFlatSchema>;

/**
 * The status-specific fields: `amount` (RECEIVED_FUNDS), `sell_amount` and
 * `buy_amount` (FX_COMPLETED), `refund_amount` (REFUNDED),
 * `reason_description` (CANCELLED), `bounce_reason` (BOUNCED_BACK), and
 * whatever else Redpin adds. Every `{ currency, value }` object in it has
 * a `value_text`.
 */
export interface RedpinPaymentDetails {
  amount?: RedpinAmount | null;
  sell_amount?: RedpinAmount | null;
  buy_amount?: RedpinAmount | null;
  refund_amount?: RedpinAmount | null;
  reason_description?: string | null;
  [key: string]: unknown;
}

/** `data` of a `PAYMENT STATUS` event, the same for both generations. */
export interface RedpinPaymentStatus extends RedpinCommonFields {
  payment_id: string;
  /** The new status, as sent (unknown future statuses are kept). */
  status: RedpinPaymentStatusValue;
  customer_id: string | null;
  /** Your reference for the customer, where Redpin sends it. */
  client_customer_ref: string | null;
  /**
   * Status-specific fields: the flat format's `data` object, or the
   * envelope's `data` without the four fields above.
   */
  details: RedpinPaymentDetails;
  /** The untouched native body. */
  raw: RedpinPaymentStatusPayload;
}

const paymentStatusSchema = redpinPayloadSchema({
  envelope: paymentEnvelopeSchema,
  flat: paymentFlatSchema,
  normalize: (payload, raw): RedpinPaymentStatus => {
    const fields =
      payload.generation === 'envelope' ? payload.native.data : payload.native;
    const { payment_id, status, customer_id, client_customer_ref } = fields;
    let details: Record<string, unknown>;
    if (payload.generation === 'envelope') {
      const {
        payment_id: _paymentId,
        status: _status,
        customer_id: _customerId,
        client_customer_ref: _reference,
        ...rest
      } = payload.native.data;
      details = rest;
    } else {
      details = payload.native.data ?? {};
    }
    return {
      ...redpinCommonFields(payload),
      payment_id,
      status,
      customer_id: customer_id ?? null,
      client_customer_ref: client_customer_ref ?? null,
      details: withAmountTexts(raw, details, ['data']) as RedpinPaymentDetails,
      raw: raw as RedpinPaymentStatusPayload,
    };
  },
});

/**
 * `PAYMENT STATUS` → `payment.status_changed`, subject the payment, with
 * every documented status decided (`PAYMENT_COMPLETED` → `succeeded`,
 * `BOUNCED_BACK` → `failed`, …; see {@link redpinPaymentStatusDecisions}).
 */
export const redpinPaymentStatusEvent = defineWebhookEvent({
  type: 'payment.status_changed',
  schema: paymentStatusSchema,
  subjectType: 'payment',
  statuses: redpinPaymentStatusDecisions,
  reference:
    'https://docs.redpincompany.com/api-reference/webhooks/payments/webhook-payment-status-updated (and the older flat https://docs.redpincompany.com/api-reference/webhooks/webhook-payment-status-updated): sent on a payment status change; FX payments run AWAITING_FUNDS → RECEIVED_FUNDS → FX_COMPLETED → PAYOUT_INITIATED → PAYOUT_CREDITED → PAYMENT_COMPLETED, same-currency ones start at PROCESSING, with CANCELLED, REFUNDED and BOUNCED_BACK branches; PAYOUT_CREDITED fires per recipient, PAYMENT_COMPLETED once.',
  describe: data => ({
    subject: { type: 'payment', id: data.payment_id },
    status: data.status,
    occurredAt: data.event_timestamp,
  }),
});
