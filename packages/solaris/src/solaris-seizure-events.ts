import {
  defineWebhookEvent,
  type NormalizedStatusDecision,
  type NormalizedStatusV1,
  type KnownFields,
} from '@finhooks/core';
import * as z from 'zod/mini';
import { nullishMoney, nullishString } from './solaris-values';

// Limited version of the schema, focussed on what the mapping reads and
// what users obviously need; unknown keys (debtor, creditor...) are kept.
const solarisSeizureSchema = z.looseObject({
  id: z.string(),
  enactment_date: nullishString,
  delivery_date: nullishString,
  authority_name: nullishString,
  resolution_case_number: nullishString,
  seizure_type: nullishString,
  status: nullishString,
  amount: nullishMoney,
  additional_cost: nullishMoney,
  automated: z.nullish(z.boolean()),
  customer_id: nullishString,
  customer_type: nullishString,
});
/** `PERSON_SEIZURE_*` / `BUSINESS_SEIZURE_*` payload. */
export type SolarisSeizure = KnownFields<z.output<typeof solarisSeizureSchema>>;

/** Seizure `status` (docs/providers/solaris.md#status-enums). */
const seizureStatuses = {
  WAITING_FOR_AUTHORITY: 'pending',
  ACTIVE: 'active',
  FULFILLED: 'closed',
} as const satisfies Record<string, NormalizedStatusDecision>;

function seizureEvent<TType extends `seizure.${string}`>(
  type: TType,
  normalizedStatus?: NormalizedStatusV1,
) {
  return defineWebhookEvent({
    type,
    statuses: seizureStatuses,
    ...(normalizedStatus === undefined ? {} : { normalizedStatus }),
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
  PERSON_SEIZURE_FULFILLED: seizureEvent('seizure.status_changed', 'closed'),
  PERSON_SEIZURE_DELETED: seizureEvent('seizure.deleted'),
  BUSINESS_SEIZURE_CREATED: seizureEvent('seizure.created'),
  BUSINESS_SEIZURE_UPDATED: seizureEvent('seizure.updated'),
  BUSINESS_SEIZURE_FULFILLED: seizureEvent('seizure.status_changed', 'closed'),
  BUSINESS_SEIZURE_DELETED: seizureEvent('seizure.deleted'),
};
