import { defineWebhookEvent } from '@finhooks/core';
import { z } from 'zod';
import { firstSubject, solarisMoneySchema } from './solaris-values';

// Limited versions of the schemas, focussed on what the mapping reads and
// what users obviously need; unknown keys are kept. Amounts stay integer
// minor units with unit and currency, exactly as sent.

const solarisBookingSchema = z.looseObject({
  id: z.string(),
  creation_date: z.string().nullish(),
  valuta_date: z.string().nullish(),
  booking_date: z.string().nullish(),
  booking_type: z.string().nullish(),
  amount: solarisMoneySchema,
  description: z.string().nullish(),
  recipient_iban: z.string().nullish(),
  recipient_name: z.string().nullish(),
  sender_iban: z.string().nullish(),
  sender_name: z.string().nullish(),
  end_to_end_id: z.string().nullish(),
  transaction_id: z.string().nullish(),
  /** JSON-serialised string, kept as sent: see `parseSolarisMetaInfo`. */
  meta_info: z.string().nullish(),
  recorded_at: z.string().nullish(),
});
/** `BOOKING` payload. */
export type SolarisBooking = z.infer<typeof solarisBookingSchema>;

const solarisBatchTransferSchema = z.looseObject({
  id: z.string(),
  account_id: z.string().nullish(),
  status: z.string().nullish(),
  transfer_type: z.string().nullish(),
  reference: z.string().nullish(),
  // The official example sends a bare integer here, not a money object.
  total_amount: z.union([solarisMoneySchema, z.number().int()]).nullish(),
  created_at: z.string().nullish(),
  started_at: z.string().nullish(),
  finished_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});
/** `BATCH_TRANSFER_STATUS_CHANGED` payload. */
export type SolarisBatchTransfer = z.infer<typeof solarisBatchTransferSchema>;

const solarisTransferSchema = z.looseObject({
  id: z.string(),
  account_id: z.string().nullish(),
  status: z.string().nullish(),
  reference: z.string().nullish(),
  amount: solarisMoneySchema.nullish(),
  processed_at: z.string().nullish(),
});
/** Standing/timed order and scheduled transfer payloads. */
export type SolarisTransfer = z.infer<typeof solarisTransferSchema>;

const solarisCreditTransferDeclinedSchema = z.looseObject({
  id: z.string(),
  status: z.string().nullish(),
  reference: z.string().nullish(),
  amount: solarisMoneySchema.nullish(),
  recipient_iban: z.string().nullish(),
  end_to_end_id: z.string().nullish(),
  created_at: z.string().nullish(),
  rejection_reason: z.string().nullish(),
});
/** `SEPA_CREDIT_TRANSACTION_DECLINED` payload. */
export type SolarisCreditTransferDeclined = z.infer<
  typeof solarisCreditTransferDeclinedSchema
>;

const solarisDirectDebitReturnSchema = z.looseObject({
  id: z.string(),
  amount: solarisMoneySchema.nullish(),
  mandate_reference: z.string().nullish(),
  end_to_end_id: z.string().nullish(),
  sepa_return_code: z.string().nullish(),
  recorded_at: z.string().nullish(),
  customer_id: z.string().nullish(),
  customer_type: z.string().nullish(),
  account_id: z.string().nullish(),
});
/** `SEPA_DIRECT_DEBIT_RETURN` payload. */
export type SolarisDirectDebitReturn = z.infer<
  typeof solarisDirectDebitReturnSchema
>;

const solarisDirectDebitScheduledSchema = z.looseObject({
  id: z.string().nullish(),
  transaction_id: z.string().nullish(),
  account_id: z.string().nullish(),
  collection_sequence: z.string().nullish(),
  amount: solarisMoneySchema.nullish(),
  valuta_date: z.string().nullish(),
});
/** `SEPA_DIRECT_DEBIT_TRANSACTION_SCHEDULED` payload. */
export type SolarisDirectDebitScheduled = z.infer<
  typeof solarisDirectDebitScheduledSchema
>;

const solarisDirectDebitProfileSchema = z.looseObject({
  id: z.string(),
  status: z.string().nullish(),
  collection_limit: solarisMoneySchema.nullish(),
});
/** `BUSINESS_DIRECT_DEBIT_PROFILE_BLOCK_*` payload (legacy). */
export type SolarisDirectDebitProfile = z.infer<
  typeof solarisDirectDebitProfileSchema
>;

const solarisCollectionApplicationSchema = z.looseObject({
  id: z.string(),
  person_id: z.string().nullish(),
  status: z.string().nullish(),
  decision: z.string().nullish(),
  limit: solarisMoneySchema.nullish(),
  created_at: z.string().nullish(),
});
/** `SDD_COLLECTION_APPLICATION` payload. */
export type SolarisCollectionApplication = z.infer<
  typeof solarisCollectionApplicationSchema
>;

const solarisRejectedTransactionSchema = z.looseObject({
  status: z.string().nullish(),
  status_reason: z.string().nullish(),
  sender_name: z.string().nullish(),
  sender_iban: z.string().nullish(),
  person_id: z.string().nullish(),
  business_id: z.string().nullish(),
  account_id: z.string().nullish(),
});
/** `INCOMING_REJECTED_TRANSACTION` payload. */
export type SolarisRejectedTransaction = z.infer<
  typeof solarisRejectedTransactionSchema
>;

const solarisInstantPayoutSchema = z.looseObject({
  id: z.string(),
  status: z.string().nullish(),
  reference: z.string().nullish(),
  reference_account_id: z.string().nullish(),
  amount: solarisMoneySchema.nullish(),
  decline_reason: z.string().nullish(),
});
/** `REFERENCE_ACCOUNT_INSTANT_PAYOUT_EXECUTED` payload. */
export type SolarisInstantPayout = z.infer<typeof solarisInstantPayoutSchema>;

const transfer = (data: {
  id: string;
  status?: string | null | undefined;
}) => ({
  subject: { type: 'transfer', id: data.id },
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
    type: 'transfer.status_changed',
    schema: solarisBatchTransferSchema,
    describe: data => ({
      ...transfer(data),
      occurredAt: data.updated_at ?? data.finished_at ?? data.started_at,
    }),
  }),
  SCHEDULED_TRANSFER_STATUS_CHANGED: defineWebhookEvent({
    type: 'transfer.status_changed',
    schema: solarisTransferSchema,
    describe: transfer,
  }),
  SEPA_TIMED_ORDER: defineWebhookEvent({
    type: 'transfer.completed',
    schema: solarisTransferSchema,
    describe: data => ({ ...transfer(data), occurredAt: data.processed_at }),
  }),
  SEPA_SCHEDULED_TRANSACTION: defineWebhookEvent({
    type: 'transfer.completed',
    schema: solarisTransferSchema,
    describe: data => ({ ...transfer(data), occurredAt: data.processed_at }),
  }),
  SEPA_CREDIT_TRANSACTION_DECLINED: defineWebhookEvent({
    type: 'transfer.declined',
    schema: solarisCreditTransferDeclinedSchema,
    describe: transfer,
  }),
  REFERENCE_ACCOUNT_INSTANT_PAYOUT_EXECUTED: defineWebhookEvent({
    type: 'transfer.completed',
    schema: solarisInstantPayoutSchema,
    describe: transfer,
  }),
  SEPA_DIRECT_DEBIT_RETURN: defineWebhookEvent({
    type: 'direct_debit.declined',
    schema: solarisDirectDebitReturnSchema,
    describe: data => ({
      subject: { type: 'direct_debit', id: data.id },
      occurredAt: data.recorded_at,
    }),
  }),
  SEPA_DIRECT_DEBIT_TRANSACTION_SCHEDULED: defineWebhookEvent({
    type: 'direct_debit.created',
    schema: solarisDirectDebitScheduledSchema,
    describe: data => ({
      subject: firstSubject(
        ['direct_debit', data.id],
        ['direct_debit', data.transaction_id],
        ['account', data.account_id],
      ),
    }),
  }),
  SDD_COLLECTION_APPLICATION: defineWebhookEvent({
    type: 'direct_debit.status_changed',
    schema: solarisCollectionApplicationSchema,
    describe: data => ({
      subject: { type: 'direct_debit', id: data.id },
      status: data.status,
    }),
  }),
  BUSINESS_DIRECT_DEBIT_PROFILE_BLOCK_SCHEDULED: defineWebhookEvent({
    type: 'direct_debit.blocked',
    schema: solarisDirectDebitProfileSchema,
    describe: data => ({
      subject: { type: 'direct_debit', id: data.id },
      status: data.status,
    }),
  }),
  BUSINESS_DIRECT_DEBIT_PROFILE_BLOCK_CANCELLED: defineWebhookEvent({
    type: 'direct_debit.unblocked',
    schema: solarisDirectDebitProfileSchema,
    describe: data => ({
      subject: { type: 'direct_debit', id: data.id },
      status: data.status,
    }),
  }),
  INCOMING_REJECTED_TRANSACTION: defineWebhookEvent({
    type: 'transaction.declined',
    schema: solarisRejectedTransactionSchema,
    describe: data => ({
      subject: firstSubject(['account', data.account_id]),
      status: data.status,
    }),
  }),
};
