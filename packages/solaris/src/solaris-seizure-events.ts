import { defineWebhookEvent } from '@finhooks/core';
import { z } from 'zod';
import { solarisMoneySchema } from './solaris-values';

// Limited version of the schema, focussed on what the mapping reads and
// what users obviously need; unknown keys (debtor, creditor...) are kept.
const solarisSeizureSchema = z.looseObject({
  id: z.string(),
  enactment_date: z.string().nullish(),
  delivery_date: z.string().nullish(),
  authority_name: z.string().nullish(),
  resolution_case_number: z.string().nullish(),
  seizure_type: z.string().nullish(),
  status: z.string().nullish(),
  amount: solarisMoneySchema.nullish(),
  additional_cost: solarisMoneySchema.nullish(),
  automated: z.boolean().nullish(),
  customer_id: z.string().nullish(),
  customer_type: z.string().nullish(),
});
/** `PERSON_SEIZURE_*` / `BUSINESS_SEIZURE_*` payload. */
export type SolarisSeizure = z.infer<typeof solarisSeizureSchema>;

function seizureEvent<TType extends string>(type: TType) {
  return defineWebhookEvent({
    type,
    schema: solarisSeizureSchema,
    describe: data => ({
      subject: { type: 'seizure', id: data.id },
      status: data.status,
    }),
  });
}

export const solarisSeizureEvents = {
  PERSON_SEIZURE_CREATED: seizureEvent('seizure.created'),
  PERSON_SEIZURE_UPDATED: seizureEvent('seizure.updated'),
  PERSON_SEIZURE_FULFILLED: seizureEvent('seizure.completed'),
  PERSON_SEIZURE_DELETED: seizureEvent('seizure.deleted'),
  BUSINESS_SEIZURE_CREATED: seizureEvent('seizure.created'),
  BUSINESS_SEIZURE_UPDATED: seizureEvent('seizure.updated'),
  BUSINESS_SEIZURE_FULFILLED: seizureEvent('seizure.completed'),
  BUSINESS_SEIZURE_DELETED: seizureEvent('seizure.deleted'),
};
