import { defineWebhookEvent, type KnownFields } from '@finhooks/core';
import * as z from 'zod/mini';
import {
  redpinCommonFields,
  redpinEnvelopeShape,
  redpinPayloadSchema,
  type RedpinCommonFields,
} from './redpin-payload-schema';
import {
  redpinThirdPartyCustomerStatusDecisions,
  type RedpinThirdPartyCustomerStatusValue,
} from './redpin-statuses';

// Limited version of Redpin's schemas, focused on what the mapping reads.
const reasonSchema = z.looseObject({
  reason: z.nullish(z.string()),
  code: z.nullish(z.string()),
});

const customerShape = {
  customer_id: z.string().check(z.minLength(1)),
  client_customer_ref: z.nullish(z.string()),
  status: z.string().check(z.minLength(1)),
};

const thirdPartyEnvelopeSchema = z.looseObject({
  ...redpinEnvelopeShape,
  data: z.looseObject({
    ...customerShape,
    reasons: z.nullish(z.array(reasonSchema)),
  }),
});

// The older page documents `data` as present only for REJECTED, holding
// "an array of reasons": both `data: [...]` and `data: { reasons: [...] }`
// are read.
const thirdPartyFlatSchema = z.looseObject({
  event_id: z.nullish(z.string().check(z.minLength(1))),
  event_timestamp: z.nullish(z.string()),
  ...customerShape,
  data: z.nullish(
    z.union([
      z.array(reasonSchema),
      z.looseObject({ reasons: z.nullish(z.array(reasonSchema)) }),
    ]),
  ),
});

/** A rejection reason as parsed, unknown keys typed too (internal). */
export type RedpinRejectionReasonOutput = z.output<typeof reasonSchema>;

/** A rejection reason: machine-readable `code`, human-readable `reason`. */
export type RedpinRejectionReason = KnownFields<RedpinRejectionReasonOutput>;

/** The body as parsed, unknown keys typed too (internal). */
export type RedpinThirdPartyCustomerStatusPayloadOutput =
  | z.output<typeof thirdPartyEnvelopeSchema>
  | z.output<typeof thirdPartyFlatSchema>;

/** A `THIRD PARTY CUSTOMER STATUS` body exactly as sent (either generation). */
export type RedpinThirdPartyCustomerStatusPayload =
  KnownFields<RedpinThirdPartyCustomerStatusPayloadOutput>;

/**
 * `data` of a `THIRD PARTY CUSTOMER STATUS` event, for both generations:
 * what handlers get (keys Redpin adds are kept at runtime, not typed).
 */
export type RedpinThirdPartyCustomerStatus =
  KnownFields<RedpinThirdPartyCustomerStatusOutput>;

/** What the schema returns at runtime, unknown keys included (internal). */
export interface RedpinThirdPartyCustomerStatusOutput extends RedpinCommonFields {
  customer_id: string;
  /** Your reference for the third-party customer. */
  client_customer_ref: string | null;
  /** `APPROVED` or `REJECTED`, as sent (unknown statuses are kept). */
  status: RedpinThirdPartyCustomerStatusValue;
  /** Why it was rejected; empty when Redpin sent no reasons. */
  reasons: RedpinRejectionReasonOutput[];
  /** The untouched native body. */
  raw: RedpinThirdPartyCustomerStatusPayloadOutput;
}

function flatReasons(
  data: z.output<typeof thirdPartyFlatSchema>['data'],
): RedpinRejectionReasonOutput[] {
  if (data === null || data === undefined) return [];
  return Array.isArray(data) ? data : (data.reasons ?? []);
}

const thirdPartyCustomerStatusSchema = redpinPayloadSchema({
  envelope: thirdPartyEnvelopeSchema,
  flat: thirdPartyFlatSchema,
  normalize: (payload, raw): RedpinThirdPartyCustomerStatusOutput => {
    const fields =
      payload.generation === 'envelope' ? payload.native.data : payload.native;
    return {
      ...redpinCommonFields(payload),
      customer_id: fields.customer_id,
      client_customer_ref: fields.client_customer_ref ?? null,
      status: fields.status,
      reasons:
        payload.generation === 'envelope'
          ? (payload.native.data.reasons ?? [])
          : flatReasons(payload.native.data),
      raw: raw as RedpinThirdPartyCustomerStatusPayloadOutput,
    };
  },
});

/**
 * `THIRD PARTY CUSTOMER STATUS` → `customer.status_changed`, subject the
 * customer (the same `customer_id` space as `CUSTOMER STATUS`): a
 * compliance decision, `APPROVED` → `approved`, `REJECTED` → `rejected`.
 * Told apart from `CUSTOMER STATUS` by the native type (and by its review
 * rather than lifecycle statuses).
 */
export const redpinThirdPartyCustomerStatusEvent = defineWebhookEvent({
  type: 'customer.status_changed',
  schema: thirdPartyCustomerStatusSchema,
  statuses: redpinThirdPartyCustomerStatusDecisions,
  describe: data => ({
    subject: { type: 'customer', id: data.customer_id },
    status: data.status,
    occurredAt: data.event_timestamp,
  }),
});
