import {
  defineWebhookEvent,
  type NormalizedStatusDecision,
  type NormalizedStatusV1,
  type KnownFields,
} from '@finhooks/core';
import * as z from 'zod/mini';
import { solarisReference } from './solaris-references';
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

function seizureEvent<TType extends string>(
  type: TType,
  reference: string,
  normalizedStatus?: NormalizedStatusV1,
) {
  return defineWebhookEvent({
    type,
    subjectType: 'seizure',
    statuses: seizureStatuses,
    ...(normalizedStatus === undefined ? {} : { normalizedStatus }),
    reference,
    schema: solarisSeizureSchema,
    describe: data => ({
      subject: { type: 'seizure', id: data.id },
      status: data.status,
    }),
  });
}

const unconfirmed =
  ' (event name per third-party code, docs/providers/solaris.md#event-names)';

export const solarisSeizureEvents = {
  PERSON_SEIZURE_CREATED: seizureEvent(
    'seizure.created',
    solarisReference(
      'person_seizure_created',
      `Solaris has received a request from the authorities (e.g., court, governmental agency) to seize the account(s) of a person.${unconfirmed}`,
    ),
  ),
  PERSON_SEIZURE_UPDATED: seizureEvent(
    'seizure.updated',
    solarisReference(
      'person_seizure_updated',
      'A seizure on a person was updated (e.g., its processing switched from automated to manual).',
    ),
  ),
  PERSON_SEIZURE_FULFILLED: seizureEvent(
    'seizure.status_changed',
    solarisReference(
      'person_seizure_fulfilled',
      'The status of a seizure on a person has changed to FULFILLED.',
    ),
    'closed',
  ),
  PERSON_SEIZURE_DELETED: seizureEvent(
    'seizure.deleted',
    solarisReference(
      'person_seizure_deleted',
      `Solaris has removed a seizure for a person because it was created by mistake.${unconfirmed}`,
    ),
  ),
  BUSINESS_SEIZURE_CREATED: seizureEvent(
    'seizure.created',
    solarisReference(
      'business_seizure_created',
      'Solaris has received a request from the authorities (e.g., court, governmental agency) to seize the account(s) of a business.',
    ),
  ),
  BUSINESS_SEIZURE_UPDATED: seizureEvent(
    'seizure.updated',
    solarisReference(
      'business_seizure_updated',
      'The processing method for a seizure for a business has switched from automated to manual.',
    ),
  ),
  BUSINESS_SEIZURE_FULFILLED: seizureEvent(
    'seizure.status_changed',
    solarisReference(
      'business_seizure_fulfilled',
      'The status of a seizure on a business has changed to FULFILLED.',
    ),
    'closed',
  ),
  BUSINESS_SEIZURE_DELETED: seizureEvent(
    'seizure.deleted',
    solarisReference(
      'business_seizure_deleted',
      'Solaris has removed a seizure for a business because it was created by mistake.',
    ),
  ),
};
