import { defineWebhookEvent, type KnownFields } from '@finhooks/core';
import * as z from 'zod/mini';
import { withAmountTexts, type RedpinAmountOutput } from './redpin-amounts';
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
  amount: z.nullish(amountSchema),
  sell_amount: z.nullish(amountSchema),
  buy_amount: z.nullish(amountSchema),
  refund_amount: z.nullish(amountSchema),
  reason_description: z.nullish(z.string()),
};

const paymentShape = {
  payment_id: z.string().check(z.minLength(1)),
  status: z.string().check(z.minLength(1)),
  customer_id: z.nullish(z.string()),
  client_customer_ref: z.nullish(z.string()),
};

const paymentEnvelopeSchema = z.looseObject({
  ...redpinEnvelopeShape,
  data: z.looseObject({ ...paymentShape, ...detailsShape }),
});

const paymentFlatSchema = z.looseObject({
  event_id: z.nullish(z.string().check(z.minLength(1))),
  event_timestamp: z.nullish(z.string()),
  ...paymentShape,
  data: z.nullish(z.looseObject(detailsShape)),
});

/** The `PAYMENT STATUS` body as parsed, unknown keys typed too (internal). */
export type RedpinPaymentStatusPayloadOutput =
  z.output<typeof paymentEnvelopeSchema> | z.output<typeof paymentFlatSchema>;

/** A `PAYMENT STATUS` body exactly as Redpin sent it (either generation). */
export type RedpinPaymentStatusPayload =
  KnownFields<RedpinPaymentStatusPayloadOutput>;

/**
 * The status-specific fields: `amount` (RECEIVED_FUNDS), `sell_amount` and
 * `buy_amount` (FX_COMPLETED), `refund_amount` (REFUNDED),
 * `reason_description` (CANCELLED), `bounce_reason` (BOUNCED_BACK), and
 * whatever else Redpin adds. Every `{ currency, value }` object in it has
 * a `value_text`.
 */
export type RedpinPaymentDetails = KnownFields<RedpinPaymentDetailsOutput>;

/** `details` at runtime, unknown keys included (internal). */
export interface RedpinPaymentDetailsOutput {
  amount?: RedpinAmountOutput | null;
  sell_amount?: RedpinAmountOutput | null;
  buy_amount?: RedpinAmountOutput | null;
  refund_amount?: RedpinAmountOutput | null;
  reason_description?: string | null;
  /** BOUNCED_BACK: why; its shape is undocumented, so it is not checked. */
  bounce_reason?: unknown;
  [key: string]: unknown;
}

/**
 * `data` of a `PAYMENT STATUS` event, the same for both generations: what
 * handlers get (keys Redpin adds are kept at runtime, not typed).
 */
export type RedpinPaymentStatus = KnownFields<RedpinPaymentStatusOutput>;

/** What the schema returns at runtime, unknown keys included (internal). */
export interface RedpinPaymentStatusOutput extends RedpinCommonFields {
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
  details: RedpinPaymentDetailsOutput;
  /** The untouched native body. */
  raw: RedpinPaymentStatusPayloadOutput;
}

const paymentStatusSchema = redpinPayloadSchema({
  envelope: paymentEnvelopeSchema,
  flat: paymentFlatSchema,
  normalize: (payload, raw): RedpinPaymentStatusOutput => {
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
      details: withAmountTexts(raw, details, [
        'data',
      ]) as RedpinPaymentDetailsOutput,
      raw: raw as RedpinPaymentStatusPayloadOutput,
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
  statuses: redpinPaymentStatusDecisions,
  describe: data => ({
    subject: { type: 'payment', id: data.payment_id },
    status: data.status,
    occurredAt: data.event_timestamp,
  }),
});
