import { defineWebhookEvent, type KnownFields } from '@finhooks/core';
import * as z from 'zod/mini';
import {
  redpinCommonFields,
  redpinEnvelopeShape,
  redpinPayloadSchema,
  type RedpinCommonFields,
} from './redpin-payload-schema';
import {
  redpinCustomerStatusDecisions,
  type RedpinCustomerStatusValue,
} from './redpin-statuses';

// Limited version of Redpin's schema, focused on what users act on.
const requiredDocumentSchema = z.looseObject({
  document_type: z.nullish(z.string()),
  uri: z.nullish(z.string()),
});

const contactSchema = z.looseObject({
  contact_id: z.nullish(z.string()),
  first_name: z.nullish(z.string()),
  middle_name: z.nullish(z.string()),
  last_name: z.nullish(z.string()),
  status: z.nullish(z.string()),
  documents_required: z.nullish(z.array(requiredDocumentSchema)),
});

const customerShape = {
  customer_id: z.string().check(z.minLength(1)),
  status: z.string().check(z.minLength(1)),
  unique_identifier: z.nullish(z.string()),
  reason_for_inactive: z.nullish(z.string()),
  documents_required: z.nullish(z.array(requiredDocumentSchema)),
  contacts: z.nullish(z.array(contactSchema)),
};

// Redpin sends CUSTOMER STATUS flat, without event id or timestamp. Should
// it move to the envelope like the other types, that is read as well.
const customerEnvelopeSchema = z.looseObject({
  ...redpinEnvelopeShape,
  data: z.looseObject(customerShape),
});

const customerFlatSchema = z.looseObject({
  event_id: z.nullish(z.string().check(z.minLength(1))),
  event_timestamp: z.nullish(z.string()),
  ...customerShape,
});

/** A document Redpin needs before the customer becomes active. */
export type RedpinRequiredDocument = KnownFields<
  z.output<typeof requiredDocumentSchema>
>;

/** A contact (person) of a Redpin customer. */
export type RedpinCustomerContact = KnownFields<z.output<typeof contactSchema>>;

/** The `CUSTOMER STATUS` body as parsed, unknown keys typed too (internal). */
export type RedpinCustomerStatusPayloadOutput =
  z.output<typeof customerEnvelopeSchema> | z.output<typeof customerFlatSchema>;

/** A `CUSTOMER STATUS` body exactly as sent. */
export type RedpinCustomerStatusPayload =
  KnownFields<RedpinCustomerStatusPayloadOutput>;

/**
 * `data` of a `CUSTOMER STATUS` event: what handlers get (keys Redpin adds
 * are kept at runtime, not typed).
 */
export type RedpinCustomerStatus = KnownFields<RedpinCustomerStatusOutput>;

/** What the schema returns at runtime, unknown keys included (internal). */
export interface RedpinCustomerStatusOutput extends RedpinCommonFields {
  customer_id: string;
  /** `active` or `inactive`, as sent (unknown statuses are kept). */
  status: RedpinCustomerStatusValue;
  /**
   * The customer's id from "Register a Customer" when active; a temporary
   * tracking id of this change when inactive.
   */
  unique_identifier: string | null;
  /** Why the customer is inactive, e.g. `Identity document`. */
  reason_for_inactive: string | null;
  /** Documents to upload; empty when none are required. */
  documents_required: z.output<typeof requiredDocumentSchema>[];
  contacts: z.output<typeof contactSchema>[];
  /** The untouched native body. */
  raw: RedpinCustomerStatusPayloadOutput;
}

const customerStatusSchema = redpinPayloadSchema({
  envelope: customerEnvelopeSchema,
  flat: customerFlatSchema,
  normalize: (payload, raw): RedpinCustomerStatusOutput => {
    const fields =
      payload.generation === 'envelope' ? payload.native.data : payload.native;
    return {
      ...redpinCommonFields(payload),
      customer_id: fields.customer_id,
      status: fields.status,
      unique_identifier: fields.unique_identifier ?? null,
      reason_for_inactive: fields.reason_for_inactive ?? null,
      documents_required: fields.documents_required ?? [],
      contacts: fields.contacts ?? [],
      raw: raw as RedpinCustomerStatusPayloadOutput,
    };
  },
});

/**
 * `CUSTOMER STATUS` → `customer.status_changed`, subject the customer:
 * its lifecycle, `active` → `active`, `inactive` → `inactive`.
 */
export const redpinCustomerStatusEvent = defineWebhookEvent({
  type: 'customer.status_changed',
  schema: customerStatusSchema,
  statuses: redpinCustomerStatusDecisions,
  describe: data => ({
    subject: { type: 'customer', id: data.customer_id },
    status: data.status,
    occurredAt: data.event_timestamp,
  }),
});
