import {
  defineWebhookEvent,
  type NormalizedStatusDecision,
  type KnownFields,
} from '@finhooks/core';
import * as z from 'zod/mini';
import { firstSubject, nullishMoney, nullishString } from './solaris-values';
import { solarisWrappedSchema, wrappedStatus } from './solaris-wrapped-payload';

// Limited versions of the schemas, focussed on what the mapping reads and
// what users obviously need; unknown keys are kept. Interest rates stay
// the JSON numbers Solaris sends; amounts are integer minor units.

const solarisFrontingLoanSchema = z.looseObject({
  id: z.string(),
  application_id: nullishString,
  status: nullishString,
  status_reason: nullishString,
  amount: nullishMoney,
  duration: z.nullish(z.int()),
  recipient_iban: nullishString,
});
/** Fronting loan payloads (`*_FRONTING_APPLICATION`, `*_LOAN_PAYOUT`). */
export type SolarisFrontingLoan = KnownFields<
  z.output<typeof solarisFrontingLoanSchema>
>;

const solarisLoanPayoutSchema = z.looseObject({
  id: z.string(),
  loan_id: nullishString,
  status: nullishString,
  tag: nullishString,
  amount: nullishMoney,
});
/** `BUSINESS_FRONTING_PAYOUT_UPDATE` payload. */
export type SolarisLoanPayout = KnownFields<
  z.output<typeof solarisLoanPayoutSchema>
>;

const solarisApplicationSchema = z.looseObject({
  id: z.string(),
  status: nullishString,
});
/** An application known by `id` and `status`. */
export type SolarisApplication = KnownFields<
  z.output<typeof solarisApplicationSchema>
>;

const solarisOverdraftSchema = z.looseObject({
  id: z.string(),
  status: nullishString,
  person_id: nullishString,
  limit: nullishMoney,
  interest_accrued: nullishMoney,
  consumer_application_id: nullishString,
  account_iban: nullishString,
  created_at: nullishString,
});
/** `CONSUMER_OVERDRAFT` payload. */
export type SolarisOverdraft = KnownFields<
  z.output<typeof solarisOverdraftSchema>
>;

const solarisOverdraftLimitChangeSchema = z.looseObject({
  id: z.string(),
  overdraft_id: nullishString,
  status: nullishString,
  limit_at_creation_time: nullishMoney,
  requested_limit: nullishMoney,
});
/** `OVERDRAFT_LIMIT_CHANGE` payload. */
export type SolarisOverdraftLimitChange = KnownFields<
  z.output<typeof solarisOverdraftLimitChangeSchema>
>;

/**
 * Fronting loan application `status` (consumer fronting API reference),
 * plus the business example's `approved`. `CONSUMER_FRONTING_APPLICATION`'s
 * published payload is the loan the application created (`payout_*`): for
 * the application that means it went through.
 */
const frontingApplicationStatuses = {
  account_snapshot_pending: 'requires_action',
  scoring_pending: 'pending',
  binding_offer_scoring_pending: 'pending',
  offered: 'requires_action',
  identification_trigger_pending: 'requires_action',
  identification_pending: 'requires_action',
  accepted: 'approved',
  approved: 'approved',
  loan_created: 'approved',
  payout_pending: 'approved',
  payout_issued: 'approved',
  rejected: 'rejected',
  expired: 'expired',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Consumer loan application `payload.status`. */
const consumerLoanApplicationStatuses = {
  offered: 'requires_action',
  esign_pending: 'requires_action',
  account_snapshot_verification: 'pending',
  screening_pending: 'pending',
  approved: 'approved',
  loan_creation_pending: 'approved',
  loan_created: 'approved',
  esign_failed: 'rejected',
  rejected: 'rejected',
  deleted: 'canceled',
  expired: 'expired',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Fronting loan `status` (the enum is published only in part). */
const loanStatuses = {
  payout_pending: 'pending',
  payout_issued: 'succeeded',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Fronting loan payout `status`. */
const loanPayoutStatuses = {
  transfers_pending: 'processing',
  transfers_complete: 'succeeded',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Consumer overdraft `status`: in place until `terminated`. */
const overdraftStatuses = {
  created: 'pending',
  conditions_pending: 'pending',
  limit_pending: 'pending',
  attached: 'active',
  defaulted_pending: 'blocked',
  conditions_termination_pending: 'active',
  termination_pending: 'active',
  terminated: 'closed',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Consumer overdraft application `status`. */
const consumerOverdraftApplicationStatuses = {
  scoring_pending: 'pending',
  offered: 'requires_action',
  overdraft_created: 'approved',
  rejected: 'rejected',
  deleted: 'canceled',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Freelancer overdraft application `status`. */
const overdraftApplicationStatuses = {
  initial_scoring_pending: 'pending',
  account_snapshot_pending: 'requires_action',
  account_snapshot_verification_pending: 'pending',
  offered: 'requires_action',
  overdraft_created: 'approved',
  rejected: 'rejected',
  expired: 'expired',
  deleted: 'canceled',
} as const satisfies Record<string, NormalizedStatusDecision>;

const application = (data: SolarisApplication) => ({
  subject: { type: 'application', id: data.id },
  status: data.status,
});

export const solarisLendingEvents = {
  BUSINESS_FRONTING_APPLICATION: defineWebhookEvent({
    type: 'application.status_changed',
    statuses: frontingApplicationStatuses,
    schema: solarisApplicationSchema,
    describe: application,
  }),
  /**
   * The published payload is the fronting loan (`id`) with its
   * `application_id`: the subject is the application.
   */
  CONSUMER_FRONTING_APPLICATION: defineWebhookEvent({
    type: 'application.status_changed',
    statuses: frontingApplicationStatuses,
    schema: solarisFrontingLoanSchema,
    describe: data => ({
      subject: firstSubject(
        ['application', data.application_id],
        ['application', data.id],
      ),
      status: data.status,
    }),
  }),
  CONSUMER_LOAN_APPLICATION: defineWebhookEvent({
    type: 'application.status_changed',
    statuses: consumerLoanApplicationStatuses,
    schema: solarisWrappedSchema,
    describe: data => ({
      subject: { type: 'application', id: data.entity_uuid },
      status: wrappedStatus(data),
    }),
  }),
  BUSINESS_FRONTING_LOAN_PAYOUT: defineWebhookEvent({
    type: 'loan.status_changed',
    statuses: loanStatuses,
    schema: solarisFrontingLoanSchema,
    describe: data => ({
      subject: { type: 'loan', id: data.id },
      status: data.status,
    }),
  }),
  BUSINESS_FRONTING_PAYOUT_UPDATE: defineWebhookEvent({
    type: 'payment.status_changed',
    statuses: loanPayoutStatuses,
    schema: solarisLoanPayoutSchema,
    describe: data => ({
      subject: { type: 'payment', id: data.id },
      status: data.status,
    }),
  }),
  CONSUMER_OVERDRAFT: defineWebhookEvent({
    type: 'overdraft.status_changed',
    statuses: overdraftStatuses,
    schema: solarisOverdraftSchema,
    describe: data => ({
      subject: { type: 'overdraft', id: data.id },
      status: data.status,
    }),
  }),
  CONSUMER_OVERDRAFT_APPLICATION: defineWebhookEvent({
    type: 'application.status_changed',
    statuses: consumerOverdraftApplicationStatuses,
    schema: solarisApplicationSchema,
    describe: application,
  }),
  OVERDRAFT_APPLICATION: defineWebhookEvent({
    type: 'application.status_changed',
    statuses: overdraftApplicationStatuses,
    schema: solarisApplicationSchema,
    describe: application,
  }),
  /**
   * The overdraft's limit changed; `id` and `status` belong to the limit
   * change request (kept in `data`), the subject is the overdraft.
   */
  OVERDRAFT_LIMIT_CHANGE: defineWebhookEvent({
    type: 'overdraft.updated',
    schema: solarisOverdraftLimitChangeSchema,
    describe: data => ({
      subject: firstSubject(['overdraft', data.overdraft_id]),
    }),
  }),
};
