import { defineWebhookEvent } from '@finhooks/core';
import { z } from 'zod';
import { firstSubject, subjectOf } from './solaris-values';

// Limited versions of the schemas, focussed on what the mapping reads and
// what users obviously need; unknown keys are kept.

const solarisIdentificationSchema = z.looseObject({
  id: z.string(),
  status: z.string().nullish(),
  method: z.string().nullish(),
  reference: z.string().nullish(),
  url: z.string().nullish(),
  completed_at: z.string().nullish(),
  business_id: z.string().nullish(),
});
/** `IDENTIFICATION` / `BUSINESS_IDENTIFICATION` payload. */
export type SolarisIdentification = z.infer<typeof solarisIdentificationSchema>;

const solarisIdentificationOriginationSchema = z.looseObject({
  identification_origination_id: z.string(),
  status: z.string().nullish(),
  status_description: z.string().nullish(),
  identification_id: z.string().nullish(),
  esigning_id: z.string().nullish(),
});
/** `IDENTIFICATION_ORIGINATION` payload. */
export type SolarisIdentificationOrigination = z.infer<
  typeof solarisIdentificationOriginationSchema
>;

const solarisIdentificationAttemptSchema = z.looseObject({
  id: z.string(),
  method: z.string().nullish(),
  person_id: z.string().nullish(),
  remaining_attempts: z.number().int().nullish(),
});
/** `IDENTIFICATION_REFERENCE_TRANSFER_ATTEMPT` payload. */
export type SolarisIdentificationAttempt = z.infer<
  typeof solarisIdentificationAttemptSchema
>;

const solarisTaxIdentificationChangedSchema = z.looseObject({
  /** The person's or business's id; the header holds the tax id's. */
  id: z.string(),
});
/**
 * `PERSON_/BUSINESS_TAX_IDENTIFICATION_CHANGED` payload: `id` is the person
 * or business; the changed tax identification's id is the
 * `Solaris-Entity-Id` header (`delivery.headers['solaris-entity-id']`).
 */
export type SolarisTaxIdentificationChanged = z.infer<
  typeof solarisTaxIdentificationChangedSchema
>;

const solarisResourceIdSchema = z.looseObject({ id: z.string() });
/** A payload known only by its `id` (`PERSON_MOBILE_NUMBER_DELETED`...). */
export type SolarisResourceId = z.infer<typeof solarisResourceIdSchema>;

const solarisBeneficialOwnerSchema = z.looseObject({
  id: z.string(),
  beneficial_owner_id: z.string().nullish(),
  person_id: z.string().nullish(),
  business_id: z.string().nullish(),
  valid_until: z.string().nullish(),
  voting_share: z.number().nullish(),
});
/** `BENEFICIAL_OWNER` payload. */
export type SolarisBeneficialOwner = z.infer<
  typeof solarisBeneficialOwnerSchema
>;

const solarisLegalRepresentativeSchema = z.looseObject({
  id: z.string(),
  legal_representative_id: z.string().nullish(),
  legal_representative_type: z.string().nullish(),
  business_id: z.string().nullish(),
  valid_until: z.string().nullish(),
});
/** `LEGAL_REPRESENTATIVE` payload. */
export type SolarisLegalRepresentative = z.infer<
  typeof solarisLegalRepresentativeSchema
>;

const solarisStatusSchema = z.looseObject({
  id: z.string(),
  status: z.string().nullish(),
});
/** A payload with an `id` and a `status`. */
export type SolarisStatusPayload = z.infer<typeof solarisStatusSchema>;

const solarisPostboxItemSchema = z.looseObject({
  id: z.string(),
  belongs_to: z.string().nullish(),
  owner_type: z.string().nullish(),
  created_at: z.string().nullish(),
  document_type: z.string().nullish(),
  document_id: z.string().nullish(),
});
/** `POSTBOX_ITEM_CREATED` payload. */
export type SolarisPostboxItem = z.infer<typeof solarisPostboxItemSchema>;

const solarisQuestionSetSchema = z.looseObject({
  question_set_id: z.string(),
  entity_id: z.string().nullish(),
  context_id: z.string().nullish(),
  deadline: z.string().nullish(),
  recipient: z.string().nullish(),
  questions: z.array(z.unknown()).nullish(),
});
/** `QUESTIONS_REQUIRE_RESPONSE` payload. */
export type SolarisQuestionSet = z.infer<typeof solarisQuestionSetSchema>;

const solarisActivationChallengeSchema = z.looseObject({
  challenge_id: z.string(),
  person_id: z.string().nullish(),
  created_at: z.string().nullish(),
  expires_at: z.string().nullish(),
  requested_by: z.string().nullish(),
  purpose: z.string().nullish(),
});
/** `ACTIVATION_CHALLENGE_CREATION` payload. */
export type SolarisActivationChallenge = z.infer<
  typeof solarisActivationChallengeSchema
>;

const solarisTrustedIbanSchema = z.looseObject({
  id: z.string(),
  iban: z.string().nullish(),
  account_id: z.string().nullish(),
  approved_by: z.string().nullish(),
});
/** `TRUSTED_IBAN_CONFIRMED` payload. */
export type SolarisTrustedIban = z.infer<typeof solarisTrustedIbanSchema>;

const solarisReferenceAccountSchema = z.looseObject({
  id: z.string().nullish(),
  person_id: z.string().nullish(),
  iban: z.string().nullish(),
});
/** `REFERENCE_ACCOUNT_CREATED` payload (shape not published in full). */
export type SolarisReferenceAccount = z.infer<
  typeof solarisReferenceAccountSchema
>;

const solarisPotentialAccountBlockingSchema = z.looseObject({
  blocking_date: z.string().nullish(),
  reason: z.string().nullish(),
});
/** `POTENTIAL_ACCOUNT_BLOCKING` payload. */
export type SolarisPotentialAccountBlocking = z.infer<
  typeof solarisPotentialAccountBlockingSchema
>;

export const solarisCustomerEvents = {
  IDENTIFICATION: defineWebhookEvent({
    type: 'identification.status_changed',
    schema: solarisIdentificationSchema,
    describe: data => ({
      subject: { type: 'identification', id: data.id },
      status: data.status,
      occurredAt: data.completed_at,
    }),
  }),
  BUSINESS_IDENTIFICATION: defineWebhookEvent({
    type: 'identification.status_changed',
    schema: solarisIdentificationSchema,
    describe: data => ({
      subject: { type: 'identification', id: data.id },
      status: data.status,
      occurredAt: data.completed_at,
    }),
  }),
  IDENTIFICATION_ORIGINATION: defineWebhookEvent({
    type: 'onboarding.status_changed',
    schema: solarisIdentificationOriginationSchema,
    describe: data => ({
      subject: { type: 'onboarding', id: data.identification_origination_id },
      status: data.status,
    }),
  }),
  IDENTIFICATION_REFERENCE_TRANSFER_ATTEMPT: defineWebhookEvent({
    type: 'identification.updated',
    schema: solarisIdentificationAttemptSchema,
    describe: data => ({ subject: { type: 'identification', id: data.id } }),
  }),
  PERSON_TAX_IDENTIFICATION_CHANGED: defineWebhookEvent({
    type: 'tax_identification.updated',
    schema: solarisTaxIdentificationChangedSchema,
    describe: data => ({ subject: subjectOf('person', data.id) }),
  }),
  BUSINESS_TAX_IDENTIFICATION_CHANGED: defineWebhookEvent({
    type: 'tax_identification.updated',
    schema: solarisTaxIdentificationChangedSchema,
    describe: data => ({ subject: subjectOf('business', data.id) }),
  }),
  PERSON_MOBILE_NUMBER_DELETED: defineWebhookEvent({
    type: 'mobile_number.deleted',
    schema: solarisResourceIdSchema,
    describe: data => ({ subject: { type: 'mobile_number', id: data.id } }),
  }),
  BENEFICIAL_OWNER: defineWebhookEvent({
    type: 'beneficial_owner.updated',
    schema: solarisBeneficialOwnerSchema,
    describe: data => ({ subject: { type: 'beneficial_owner', id: data.id } }),
  }),
  LEGAL_REPRESENTATIVE: defineWebhookEvent({
    type: 'legal_representative.updated',
    schema: solarisLegalRepresentativeSchema,
    describe: data => ({
      subject: { type: 'legal_representative', id: data.id },
    }),
  }),
  BUSINESS_FRONTING_RELATIONSHIP_STATUS_CHANGED: defineWebhookEvent({
    type: 'business.status_changed',
    schema: solarisStatusSchema,
    describe: data => ({
      subject: { type: 'business', id: data.id },
      status: data.status,
    }),
  }),
  POSTBOX_ITEM_CREATED: defineWebhookEvent({
    type: 'postbox_item.created',
    schema: solarisPostboxItemSchema,
    describe: data => ({
      subject: { type: 'postbox_item', id: data.id },
      occurredAt: data.created_at,
    }),
  }),
  QUESTIONS_REQUIRE_RESPONSE: defineWebhookEvent({
    type: 'question_set.requested',
    schema: solarisQuestionSetSchema,
    describe: data => ({
      subject: { type: 'question_set', id: data.question_set_id },
    }),
  }),
  ACTIVATION_CHALLENGE_CREATION: defineWebhookEvent({
    type: 'challenge.created',
    schema: solarisActivationChallengeSchema,
    describe: data => ({
      subject: { type: 'challenge', id: data.challenge_id },
      occurredAt: data.created_at,
    }),
  }),
  TRUSTED_IBAN_CONFIRMED: defineWebhookEvent({
    type: 'trusted_iban.completed',
    schema: solarisTrustedIbanSchema,
    describe: data => ({ subject: { type: 'trusted_iban', id: data.id } }),
  }),
  REFERENCE_ACCOUNT_CREATED: defineWebhookEvent({
    type: 'reference_account.created',
    schema: solarisReferenceAccountSchema,
    describe: data => ({
      subject: firstSubject(
        ['reference_account', data.id],
        ['person', data.person_id],
      ),
    }),
  }),
  POTENTIAL_ACCOUNT_BLOCKING: defineWebhookEvent({
    type: 'identification.requested',
    schema: solarisPotentialAccountBlockingSchema,
  }),
};
