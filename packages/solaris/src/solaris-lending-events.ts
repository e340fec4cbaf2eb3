import { defineWebhookEvent } from '@finhooks/core';
import { z } from 'zod';
import { firstSubject, solarisMoneySchema } from './solaris-values';
import { solarisWrappedSchema, wrappedStatus } from './solaris-wrapped-payload';

// Limited versions of the schemas, focussed on what the mapping reads and
// what users obviously need; unknown keys are kept. Interest rates stay
// the JSON numbers Solaris sends; amounts are integer minor units.

const solarisFrontingLoanSchema = z.looseObject({
  id: z.string(),
  application_id: z.string().nullish(),
  status: z.string().nullish(),
  status_reason: z.string().nullish(),
  amount: solarisMoneySchema.nullish(),
  duration: z.number().int().nullish(),
  recipient_iban: z.string().nullish(),
});
/** Fronting loan payloads (`*_FRONTING_APPLICATION`, `*_LOAN_PAYOUT`). */
export type SolarisFrontingLoan = z.infer<typeof solarisFrontingLoanSchema>;

const solarisLoanPayoutSchema = z.looseObject({
  id: z.string(),
  loan_id: z.string().nullish(),
  status: z.string().nullish(),
  tag: z.string().nullish(),
  amount: solarisMoneySchema.nullish(),
});
/** `BUSINESS_FRONTING_PAYOUT_UPDATE` payload. */
export type SolarisLoanPayout = z.infer<typeof solarisLoanPayoutSchema>;

const solarisApplicationSchema = z.looseObject({
  id: z.string(),
  status: z.string().nullish(),
});
/** An application known by `id` and `status`. */
export type SolarisApplication = z.infer<typeof solarisApplicationSchema>;

const solarisOverdraftSchema = z.looseObject({
  id: z.string(),
  status: z.string().nullish(),
  person_id: z.string().nullish(),
  limit: solarisMoneySchema.nullish(),
  interest_accrued: solarisMoneySchema.nullish(),
  consumer_application_id: z.string().nullish(),
  account_iban: z.string().nullish(),
  created_at: z.string().nullish(),
});
/** `CONSUMER_OVERDRAFT` payload. */
export type SolarisOverdraft = z.infer<typeof solarisOverdraftSchema>;

const solarisOverdraftLimitChangeSchema = z.looseObject({
  id: z.string(),
  overdraft_id: z.string().nullish(),
  status: z.string().nullish(),
  limit_at_creation_time: solarisMoneySchema.nullish(),
  requested_limit: solarisMoneySchema.nullish(),
});
/** `OVERDRAFT_LIMIT_CHANGE` payload. */
export type SolarisOverdraftLimitChange = z.infer<
  typeof solarisOverdraftLimitChangeSchema
>;

const application = (data: SolarisApplication) => ({
  subject: { type: 'loan_application', id: data.id },
  status: data.status,
});

const overdraftApplication = defineWebhookEvent({
  type: 'overdraft_application.status_changed',
  schema: solarisApplicationSchema,
  describe: data => ({
    subject: { type: 'overdraft_application', id: data.id },
    status: data.status,
  }),
});

export const solarisLendingEvents = {
  BUSINESS_FRONTING_APPLICATION: defineWebhookEvent({
    type: 'loan_application.status_changed',
    schema: solarisApplicationSchema,
    describe: application,
  }),
  CONSUMER_FRONTING_APPLICATION: defineWebhookEvent({
    type: 'loan_application.status_changed',
    schema: solarisFrontingLoanSchema,
    describe: data => ({
      subject: firstSubject(
        ['loan_application', data.application_id],
        ['loan', data.id],
      ),
      status: data.status,
    }),
  }),
  CONSUMER_LOAN_APPLICATION: defineWebhookEvent({
    type: 'loan_application.status_changed',
    schema: solarisWrappedSchema,
    describe: data => ({
      subject: { type: 'loan_application', id: data.entity_uuid },
      status: wrappedStatus(data),
    }),
  }),
  BUSINESS_FRONTING_LOAN_PAYOUT: defineWebhookEvent({
    type: 'loan.status_changed',
    schema: solarisFrontingLoanSchema,
    describe: data => ({
      subject: { type: 'loan', id: data.id },
      status: data.status,
    }),
  }),
  BUSINESS_FRONTING_PAYOUT_UPDATE: defineWebhookEvent({
    type: 'payment.status_changed',
    schema: solarisLoanPayoutSchema,
    describe: data => ({
      subject: { type: 'payment', id: data.id },
      status: data.status,
    }),
  }),
  CONSUMER_OVERDRAFT: defineWebhookEvent({
    type: 'overdraft.status_changed',
    schema: solarisOverdraftSchema,
    describe: data => ({
      subject: { type: 'overdraft', id: data.id },
      status: data.status,
    }),
  }),
  CONSUMER_OVERDRAFT_APPLICATION: overdraftApplication,
  OVERDRAFT_APPLICATION: overdraftApplication,
  OVERDRAFT_LIMIT_CHANGE: defineWebhookEvent({
    type: 'overdraft.updated',
    schema: solarisOverdraftLimitChangeSchema,
    describe: data => ({
      subject: firstSubject(
        ['overdraft', data.overdraft_id],
        ['overdraft', data.id],
      ),
      status: data.status,
    }),
  }),
};
