import { defineWebhookEvent } from '@finhooks/core';
import { z } from 'zod';
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
  document_type: z.string().nullish(),
  uri: z.string().nullish(),
});

const contactSchema = z.looseObject({
  contact_id: z.string().nullish(),
  first_name: z.string().nullish(),
  middle_name: z.string().nullish(),
  last_name: z.string().nullish(),
  status: z.string().nullish(),
  documents_required: z.array(requiredDocumentSchema).nullish(),
});

const customerShape = {
  customer_id: z.string().min(1),
  status: z.string().min(1),
  unique_identifier: z.string().nullish(),
  reason_for_inactive: z.string().nullish(),
  documents_required: z.array(requiredDocumentSchema).nullish(),
  contacts: z.array(contactSchema).nullish(),
};

// Redpin sends CUSTOMER STATUS flat, without event id or timestamp. Should
// it move to the envelope like the other types, that is read as well.
const customerEnvelopeSchema = z.looseObject({
  ...redpinEnvelopeShape,
  data: z.looseObject(customerShape),
});

const customerFlatSchema = z.looseObject({
  event_id: z.string().min(1).nullish(),
  event_timestamp: z.string().nullish(),
  ...customerShape,
});

/** A document Redpin needs before the customer becomes active. */
export type RedpinRequiredDocument = z.output<typeof requiredDocumentSchema>;

/** A contact (person) of a Redpin customer. */
export type RedpinCustomerContact = z.output<typeof contactSchema>;

/** A `CUSTOMER STATUS` body exactly as sent. */
export type RedpinCustomerStatusPayload =
  z.output<typeof customerEnvelopeSchema> | z.output<typeof customerFlatSchema>;

/** `data` of a `CUSTOMER STATUS` event. */
export interface RedpinCustomerStatus extends RedpinCommonFields {
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
  documents_required: RedpinRequiredDocument[];
  contacts: RedpinCustomerContact[];
  /** The untouched native body. */
  raw: RedpinCustomerStatusPayload;
}

const customerStatusSchema = redpinPayloadSchema({
  envelope: customerEnvelopeSchema,
  flat: customerFlatSchema,
  normalize: (payload, raw): RedpinCustomerStatus => {
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
      raw: raw as RedpinCustomerStatusPayload,
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
  subjectType: 'customer',
  statuses: redpinCustomerStatusDecisions,
  reference:
    'https://docs.redpincompany.com/api-reference/webhooks/customers/webhook-customer-status-updated (and https://docs.redpincompany.com/api-reference/webhooks/webhook-customer-status-updated): sent when a customer becomes active or inactive (status "active" / "inactive"; reason_for_inactive and documents_required when inactive).',
  describe: data => ({
    subject: { type: 'customer', id: data.customer_id },
    status: data.status,
    occurredAt: data.event_timestamp,
  }),
});
