import {
  defineWebhookEvent,
  type NormalizedStatusDecision,
  type KnownFields,
} from '@finhooks/core';
import * as z from 'zod/mini';
import { nullishString, subjectOf } from './solaris-values';

// Limited versions of the schemas, focussed on what the mapping reads and
// what users obviously need; unknown keys are kept.

const solarisIdentificationSchema = z.looseObject({
  id: z.string(),
  status: nullishString,
  method: nullishString,
  reference: nullishString,
  url: nullishString,
  completed_at: nullishString,
  business_id: nullishString,
});
/** `IDENTIFICATION` / `BUSINESS_IDENTIFICATION` payload. */
export type SolarisIdentification = KnownFields<
  z.output<typeof solarisIdentificationSchema>
>;

const solarisIdentificationOriginationSchema = z.looseObject({
  identification_origination_id: z.string(),
  status: nullishString,
  status_description: nullishString,
  identification_id: nullishString,
  esigning_id: nullishString,
});
/** `IDENTIFICATION_ORIGINATION` payload. */
export type SolarisIdentificationOrigination = KnownFields<
  z.output<typeof solarisIdentificationOriginationSchema>
>;

const solarisIdentificationAttemptSchema = z.looseObject({
  id: z.string(),
  method: nullishString,
  person_id: nullishString,
  remaining_attempts: z.nullish(z.int()),
});
/** `IDENTIFICATION_REFERENCE_TRANSFER_ATTEMPT` payload. */
export type SolarisIdentificationAttempt = KnownFields<
  z.output<typeof solarisIdentificationAttemptSchema>
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
export type SolarisTaxIdentificationChanged = KnownFields<
  z.output<typeof solarisTaxIdentificationChangedSchema>
>;

const solarisResourceIdSchema = z.looseObject({ id: z.string() });
/** A payload known only by its `id` (`PERSON_MOBILE_NUMBER_DELETED`...). */
export type SolarisResourceId = KnownFields<
  z.output<typeof solarisResourceIdSchema>
>;

const solarisBeneficialOwnerSchema = z.looseObject({
  id: z.string(),
  beneficial_owner_id: nullishString,
  person_id: nullishString,
  business_id: nullishString,
  valid_until: nullishString,
  voting_share: z.nullish(z.number()),
});
/** `BENEFICIAL_OWNER` payload. */
export type SolarisBeneficialOwner = KnownFields<
  z.output<typeof solarisBeneficialOwnerSchema>
>;

const solarisLegalRepresentativeSchema = z.looseObject({
  id: z.string(),
  legal_representative_id: nullishString,
  legal_representative_type: nullishString,
  business_id: nullishString,
  valid_until: nullishString,
});
/** `LEGAL_REPRESENTATIVE` payload. */
export type SolarisLegalRepresentative = KnownFields<
  z.output<typeof solarisLegalRepresentativeSchema>
>;

const solarisStatusSchema = z.looseObject({
  id: z.string(),
  status: nullishString,
});
/** A payload with an `id` and a `status`. */
export type SolarisStatusPayload = KnownFields<
  z.output<typeof solarisStatusSchema>
>;

const solarisPostboxItemSchema = z.looseObject({
  id: z.string(),
  belongs_to: nullishString,
  owner_type: nullishString,
  created_at: nullishString,
  document_type: nullishString,
  document_id: nullishString,
});
/** `POSTBOX_ITEM_CREATED` payload. */
export type SolarisPostboxItem = KnownFields<
  z.output<typeof solarisPostboxItemSchema>
>;

const solarisQuestionSetSchema = z.looseObject({
  question_set_id: z.string(),
  entity_id: nullishString,
  context_id: nullishString,
  deadline: nullishString,
  recipient: nullishString,
  questions: z.nullish(z.array(z.unknown())),
});
/** `QUESTIONS_REQUIRE_RESPONSE` payload. */
export type SolarisQuestionSet = KnownFields<
  z.output<typeof solarisQuestionSetSchema>
>;

const solarisActivationChallengeSchema = z.looseObject({
  challenge_id: z.string(),
  person_id: nullishString,
  created_at: nullishString,
  expires_at: nullishString,
  requested_by: nullishString,
  purpose: nullishString,
});
/** `ACTIVATION_CHALLENGE_CREATION` payload. */
export type SolarisActivationChallenge = KnownFields<
  z.output<typeof solarisActivationChallengeSchema>
>;

const solarisTrustedIbanSchema = z.looseObject({
  id: z.string(),
  iban: nullishString,
  account_id: nullishString,
  approved_by: nullishString,
});
/** `TRUSTED_IBAN_CONFIRMED` payload. */
export type SolarisTrustedIban = KnownFields<
  z.output<typeof solarisTrustedIbanSchema>
>;

const solarisReferenceAccountSchema = z.looseObject({
  id: nullishString,
  person_id: nullishString,
  account_id: nullishString,
  status: nullishString,
  iban: nullishString,
});
/** `REFERENCE_ACCOUNT_CREATED` payload (shape not published in full). */
export type SolarisReferenceAccount = KnownFields<
  z.output<typeof solarisReferenceAccountSchema>
>;

const solarisPotentialAccountBlockingSchema = z.looseObject({
  blocking_date: nullishString,
  reason: nullishString,
});
/** `POTENTIAL_ACCOUNT_BLOCKING` payload. */
export type SolarisPotentialAccountBlocking = KnownFields<
  z.output<typeof solarisPotentialAccountBlockingSchema>
>;

/** Person identification `status` (docs/providers/solaris.md#status-enums). */
const identificationStatuses = {
  created: 'pending',
  pending: 'pending',
  pending_successful: 'pending',
  pending_failed: 'pending',
  pre_successful: 'pending',
  pending_account_creation: 'pending',
  processed: 'pending',
  confirmed: 'pending',
  signed: 'pending',
  authorization_required: 'requires_action',
  confirmation_required: 'requires_action',
  identification_data_required: 'requires_action',
  pending_ref_transfer: 'requires_action',
  successful: 'approved',
  failed: 'rejected',
  rejected: 'rejected',
  aborted: 'canceled',
  canceled: 'canceled',
  expired: 'expired',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Business identification `status` (docs/providers/solaris.md#status-enums). */
const businessIdentificationStatuses = {
  created: 'pending',
  pending: 'pending',
  successful: 'approved',
  failed: 'rejected',
  expired: 'expired',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Identification origination `status` (docs/providers/solaris.md#status-enums). */
const originationStatuses = {
  identification_trigger_pending: 'requires_action',
  esign_pending: 'requires_action',
  identification_completion_pending: 'requires_action',
  screening_pending: 'pending',
  completed: 'approved',
  failed: 'rejected',
  expired: 'expired',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Fronting business relationship `status` (only `active` is published). */
const relationshipStatuses = {
  active: 'active',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Reference account `status` (only `ACTIVE` is published). */
const referenceAccountStatuses = {
  ACTIVE: 'active',
} as const satisfies Record<string, NormalizedStatusDecision>;

export const solarisCustomerEvents = {
  IDENTIFICATION: defineWebhookEvent({
    type: 'identification.status_changed',
    statuses: identificationStatuses,
    schema: solarisIdentificationSchema,
    describe: data => ({
      subject: { type: 'identification', id: data.id },
      status: data.status,
      occurredAt: data.completed_at,
    }),
  }),
  BUSINESS_IDENTIFICATION: defineWebhookEvent({
    type: 'identification.status_changed',
    statuses: businessIdentificationStatuses,
    schema: solarisIdentificationSchema,
    describe: data => ({
      subject: { type: 'identification', id: data.id },
      status: data.status,
      occurredAt: data.completed_at,
    }),
  }),
  IDENTIFICATION_ORIGINATION: defineWebhookEvent({
    type: 'onboarding.status_changed',
    statuses: originationStatuses,
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
  /**
   * The payload names the person; the changed tax identification's id is
   * only in the unsigned `Solaris-Entity-Id` header (kept in
   * `delivery.headers`).
   */
  PERSON_TAX_IDENTIFICATION_CHANGED: defineWebhookEvent({
    type: 'person.updated',
    schema: solarisTaxIdentificationChangedSchema,
    describe: data => ({ subject: subjectOf('person', data.id) }),
  }),
  BUSINESS_TAX_IDENTIFICATION_CHANGED: defineWebhookEvent({
    type: 'business.updated',
    schema: solarisTaxIdentificationChangedSchema,
    describe: data => ({ subject: subjectOf('business', data.id) }),
  }),
  /** Names only the mobile number (no person id in payload or header). */
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
    statuses: relationshipStatuses,
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
  /** The customer confirmed the trusted IBAN: it is now approved. */
  TRUSTED_IBAN_CONFIRMED: defineWebhookEvent({
    type: 'trusted_iban.status_changed',
    normalizedStatus: 'approved',
    schema: solarisTrustedIbanSchema,
    describe: data => ({ subject: { type: 'trusted_iban', id: data.id } }),
  }),
  REFERENCE_ACCOUNT_CREATED: defineWebhookEvent({
    type: 'reference_account.created',
    statuses: referenceAccountStatuses,
    schema: solarisReferenceAccountSchema,
    describe: data => ({
      subject: subjectOf('reference_account', data.id),
      status: data.status,
    }),
  }),
  /**
   * An identification document is about to expire and the account will be
   * blocked unless the customer identifies again: a request for a new
   * identification. The payload names nothing, so there is no subject.
   */
  POTENTIAL_ACCOUNT_BLOCKING: defineWebhookEvent({
    type: 'identification.requested',
    schema: solarisPotentialAccountBlockingSchema,
  }),
};
