import {
  defineWebhookEvent,
  type NormalizedStatusDecision,
  type KnownFields,
} from '@finhooks/core';
import * as z from 'zod/mini';
import {
  firstSubject,
  nullishMoney,
  nullishString,
  solarisMoneySchema,
} from './solaris-values';

// Limited versions of the schemas, focussed on what the mapping reads and
// what users obviously need; unknown keys are kept. Amounts stay integer
// minor units with unit and currency, exactly as sent.

const solarisBookingSchema = z.looseObject({
  id: z.string(),
  creation_date: nullishString,
  valuta_date: nullishString,
  booking_date: nullishString,
  booking_type: nullishString,
  amount: solarisMoneySchema,
  description: nullishString,
  recipient_iban: nullishString,
  recipient_name: nullishString,
  sender_iban: nullishString,
  sender_name: nullishString,
  end_to_end_id: nullishString,
  transaction_id: nullishString,
  /** JSON-serialised string, kept as sent: see `parseSolarisMetaInfo`. */
  meta_info: nullishString,
  recorded_at: nullishString,
});
/** `BOOKING` payload. */
export type SolarisBooking = KnownFields<z.output<typeof solarisBookingSchema>>;

const solarisBatchTransferSchema = z.looseObject({
  id: z.string(),
  account_id: nullishString,
  status: nullishString,
  transfer_type: nullishString,
  reference: nullishString,
  // The official example sends a bare integer here, not a money object.
  total_amount: z.nullish(z.union([solarisMoneySchema, z.int()])),
  created_at: nullishString,
  started_at: nullishString,
  finished_at: nullishString,
  updated_at: nullishString,
});
/** `BATCH_TRANSFER_STATUS_CHANGED` payload. */
export type SolarisBatchTransfer = KnownFields<
  z.output<typeof solarisBatchTransferSchema>
>;

const solarisTransferSchema = z.looseObject({
  id: z.string(),
  account_id: nullishString,
  status: nullishString,
  reference: nullishString,
  amount: nullishMoney,
  processed_at: nullishString,
});
/** Standing/timed order and scheduled transfer payloads. */
export type SolarisTransfer = KnownFields<
  z.output<typeof solarisTransferSchema>
>;

const solarisCreditTransferDeclinedSchema = z.looseObject({
  id: z.string(),
  status: nullishString,
  reference: nullishString,
  amount: nullishMoney,
  recipient_iban: nullishString,
  end_to_end_id: nullishString,
  created_at: nullishString,
  rejection_reason: nullishString,
});
/** `SEPA_CREDIT_TRANSACTION_DECLINED` payload. */
export type SolarisCreditTransferDeclined = KnownFields<
  z.output<typeof solarisCreditTransferDeclinedSchema>
>;

const solarisDirectDebitReturnSchema = z.looseObject({
  id: z.string(),
  amount: nullishMoney,
  mandate_reference: nullishString,
  end_to_end_id: nullishString,
  sepa_return_code: nullishString,
  recorded_at: nullishString,
  customer_id: nullishString,
  customer_type: nullishString,
  account_id: nullishString,
});
/** `SEPA_DIRECT_DEBIT_RETURN` payload. */
export type SolarisDirectDebitReturn = KnownFields<
  z.output<typeof solarisDirectDebitReturnSchema>
>;

const solarisDirectDebitScheduledSchema = z.looseObject({
  id: nullishString,
  transaction_id: nullishString,
  account_id: nullishString,
  collection_sequence: nullishString,
  amount: nullishMoney,
  valuta_date: nullishString,
});
/** `SEPA_DIRECT_DEBIT_TRANSACTION_SCHEDULED` payload. */
export type SolarisDirectDebitScheduled = KnownFields<
  z.output<typeof solarisDirectDebitScheduledSchema>
>;

const solarisDirectDebitProfileSchema = z.looseObject({
  id: z.string(),
  status: nullishString,
  collection_limit: nullishMoney,
});
/** `BUSINESS_DIRECT_DEBIT_PROFILE_BLOCK_*` payload (legacy). */
export type SolarisDirectDebitProfile = KnownFields<
  z.output<typeof solarisDirectDebitProfileSchema>
>;

const solarisCollectionApplicationSchema = z.looseObject({
  id: z.string(),
  person_id: nullishString,
  status: nullishString,
  decision: nullishString,
  limit: nullishMoney,
  created_at: nullishString,
});
/** `SDD_COLLECTION_APPLICATION` payload. */
export type SolarisCollectionApplication = KnownFields<
  z.output<typeof solarisCollectionApplicationSchema>
>;

const solarisRejectedTransactionSchema = z.looseObject({
  id: nullishString,
  status: nullishString,
  status_reason: nullishString,
  sender_name: nullishString,
  sender_iban: nullishString,
  person_id: nullishString,
  business_id: nullishString,
  account_id: nullishString,
});
/** `INCOMING_REJECTED_TRANSACTION` payload. */
export type SolarisRejectedTransaction = KnownFields<
  z.output<typeof solarisRejectedTransactionSchema>
>;

const solarisInstantPayoutSchema = z.looseObject({
  id: z.string(),
  status: nullishString,
  reference: nullishString,
  reference_account_id: nullishString,
  amount: nullishMoney,
  decline_reason: nullishString,
});
/** `REFERENCE_ACCOUNT_INSTANT_PAYOUT_EXECUTED` payload. */
export type SolarisInstantPayout = KnownFields<
  z.output<typeof solarisInstantPayoutSchema>
>;

/** Batch transfer `status`. */
const batchStatuses = {
  IN_PROGRESS: 'processing',
  FINISHED: 'succeeded',
  REJECTED: 'failed',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Scheduled transfer `status`: the schedule, not one execution. */
const scheduledTransferStatuses = {
  ACTIVE: 'pending',
  CANCELED: 'canceled',
  CONCLUDED: 'succeeded',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Standing order execution `status` ("either executed or declined"). */
const standingOrderStatuses = {
  EXECUTED: 'succeeded',
  DECLINED: 'failed',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Timed order `status` (the published example: `EXECUTED`). */
const timedOrderStatuses = {
  EXECUTED: 'succeeded',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Instant reference account payout `status`. */
const payoutStatuses = {
  EXECUTED: 'succeeded',
  DECLINED: 'failed',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** SEPA direct debit profile `status` (legacy, docs/providers/solaris.md#status-enums). */
const directDebitProfileStatuses = {
  ACCEPTED: 'active',
  ACTIVE: 'active',
  REJECTED: 'inactive',
  BLOCKED: 'blocked',
  EXPIRED: 'closed',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** SDD collection application `status` (the published example: `pending`). */
const collectionApplicationStatuses = {
  pending: 'pending',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** SDD collection application `decision`. */
const collectionDecisions = {
  OFFERED: 'approved',
  REJECTED: 'rejected',
} as const satisfies Record<string, NormalizedStatusDecision>;

const payment = (data: { id: string; status?: string | null | undefined }) => ({
  subject: { type: 'payment', id: data.id },
  status: data.status,
});

const directDebitProfile = (data: SolarisDirectDebitProfile) => ({
  subject: { type: 'direct_debit_profile', id: data.id },
  status: data.status,
});

export const solarisPaymentEvents = {
  BOOKING: defineWebhookEvent({
    type: 'booking.created',
    schema: solarisBookingSchema,
    describe: data => ({
      subject: { type: 'booking', id: data.id },
      occurredAt: data.recorded_at ?? data.booking_date,
    }),
  }),
  BATCH_TRANSFER_STATUS_CHANGED: defineWebhookEvent({
    type: 'payment.status_changed',
    statuses: batchStatuses,
    schema: solarisBatchTransferSchema,
    describe: data => ({
      ...payment(data),
      occurredAt: data.updated_at ?? data.finished_at ?? data.started_at,
    }),
  }),
  SCHEDULED_TRANSFER_STATUS_CHANGED: defineWebhookEvent({
    type: 'payment.status_changed',
    statuses: scheduledTransferStatuses,
    schema: solarisTransferSchema,
    describe: payment,
  }),
  SEPA_TIMED_ORDER: defineWebhookEvent({
    type: 'payment.status_changed',
    statuses: timedOrderStatuses,
    schema: solarisTransferSchema,
    describe: data => ({ ...payment(data), occurredAt: data.processed_at }),
  }),
  SEPA_SCHEDULED_TRANSACTION: defineWebhookEvent({
    type: 'payment.status_changed',
    statuses: standingOrderStatuses,
    schema: solarisTransferSchema,
    describe: data => ({ ...payment(data), occurredAt: data.processed_at }),
  }),
  SEPA_CREDIT_TRANSACTION_DECLINED: defineWebhookEvent({
    type: 'payment.status_changed',
    normalizedStatus: 'failed',
    statuses: { declined: 'failed' },
    schema: solarisCreditTransferDeclinedSchema,
    describe: data => ({ ...payment(data), occurredAt: data.created_at }),
  }),
  REFERENCE_ACCOUNT_INSTANT_PAYOUT_EXECUTED: defineWebhookEvent({
    type: 'payment.status_changed',
    normalizedStatus: 'succeeded',
    statuses: payoutStatuses,
    schema: solarisInstantPayoutSchema,
    describe: payment,
  }),
  SEPA_DIRECT_DEBIT_RETURN: defineWebhookEvent({
    type: 'direct_debit.status_changed',
    normalizedStatus: 'failed',
    schema: solarisDirectDebitReturnSchema,
    describe: data => ({
      subject: { type: 'direct_debit', id: data.id },
      occurredAt: data.recorded_at,
    }),
  }),
  SEPA_DIRECT_DEBIT_TRANSACTION_SCHEDULED: defineWebhookEvent({
    type: 'direct_debit.status_changed',
    normalizedStatus: 'pending',
    schema: solarisDirectDebitScheduledSchema,
    describe: data => ({
      subject: firstSubject(
        ['direct_debit', data.id],
        ['direct_debit', data.transaction_id],
      ),
    }),
  }),
  /**
   * An application for SDD collections (Decoupled Cards), not a
   * collection: `application.status_changed`. When `status` is missing or
   * undocumented, Solaris's `decision` decides.
   */
  SDD_COLLECTION_APPLICATION: defineWebhookEvent({
    type: 'application.status_changed',
    statuses: collectionApplicationStatuses,
    schema: solarisCollectionApplicationSchema,
    describe: data => {
      const status = data.status ?? undefined;
      const documented =
        status !== undefined &&
        Object.hasOwn(collectionApplicationStatuses, status);
      const decision = data.decision ?? undefined;
      return {
        subject: { type: 'application', id: data.id },
        status,
        ...(!documented &&
        decision !== undefined &&
        Object.hasOwn(collectionDecisions, decision)
          ? {
              normalizedStatus:
                collectionDecisions[
                  decision as keyof typeof collectionDecisions
                ],
            }
          : {}),
        occurredAt: data.created_at,
      };
    },
  }),
  /** The block is only scheduled: the profile changed, not its status. */
  BUSINESS_DIRECT_DEBIT_PROFILE_BLOCK_SCHEDULED: defineWebhookEvent({
    type: 'direct_debit_profile.updated',
    statuses: directDebitProfileStatuses,
    schema: solarisDirectDebitProfileSchema,
    describe: directDebitProfile,
  }),
  BUSINESS_DIRECT_DEBIT_PROFILE_BLOCK_CANCELLED: defineWebhookEvent({
    type: 'direct_debit_profile.updated',
    statuses: directDebitProfileStatuses,
    schema: solarisDirectDebitProfileSchema,
    describe: directDebitProfile,
  }),
  /**
   * An incoming payment Solaris rejected: `failed` whatever `status` says
   * (`RETURNED` in the example). The published payload has no id of the
   * payment, so there is usually no subject (`data.account_id` names the
   * account).
   */
  INCOMING_REJECTED_TRANSACTION: defineWebhookEvent({
    type: 'payment.status_changed',
    normalizedStatus: 'failed',
    statuses: { RETURNED: 'failed' },
    schema: solarisRejectedTransactionSchema,
    describe: data => ({
      subject: firstSubject(['payment', data.id]),
      status: data.status,
    }),
  }),
};
