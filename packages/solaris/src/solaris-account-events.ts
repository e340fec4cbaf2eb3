import { defineWebhookEvent } from '@finhooks/core';
import { z } from 'zod';
import { firstSubject, solarisMoneySchema } from './solaris-values';
import {
  solarisWrappedSchema,
  wrappedStatus,
  type SolarisWrappedPayload,
} from './solaris-wrapped-payload';

// Limited versions of the schemas, focussed on what the mapping reads and
// what users obviously need; unknown keys are kept. `business_id` may be
// the string "null" (read as absent by the mapping, kept as sent in data).

const solarisAccountBlockSchema = z.looseObject({
  account_id: z.string(),
  person_id: z.string().nullish(),
  business_id: z.string().nullish(),
  iban: z.string().nullish(),
  locking_status: z.string().nullish(),
  locking_reasons: z.array(z.string()).nullish(),
  updated_at: z.string().nullish(),
});
/** `ACCOUNT_BLOCK` payload. */
export type SolarisAccountBlock = z.infer<typeof solarisAccountBlockSchema>;

const solarisAccountClosureSchema = z.looseObject({
  account_id: z.string(),
  person_id: z.string().nullish(),
  business_id: z.string().nullish(),
  iban: z.string().nullish(),
});
/** `ACCOUNT_CLOSURE` payload. */
export type SolarisAccountClosure = z.infer<typeof solarisAccountClosureSchema>;

const solarisAccountClosureRequestSchema = z.looseObject({
  id: z.string(),
  closure_reason: z.string().nullish(),
  status: z.string().nullish(),
  account_id: z.string().nullish(),
  technical_closure_date: z.string().nullish(),
  legal_closure_date: z.string().nullish(),
  failure_reason: z
    .looseObject({ code: z.string().nullish(), detail: z.string().nullish() })
    .nullish(),
  // Sent as the string "false" in the official example.
  payout_allowed: z.union([z.boolean(), z.string()]).nullish(),
  updated_at: z.string().nullish(),
});
/** `ACCOUNT_CLOSURE_REQUEST` / `ACCOUNT_CLOSURE_REQUEST_UPDATE` payload. */
export type SolarisAccountClosureRequest = z.infer<
  typeof solarisAccountClosureRequestSchema
>;

const solarisAccountIdSchema = z.looseObject({ account_id: z.string() });
/** `ACCOUNT_LIMIT_CHANGE` payload. */
export type SolarisAccountLimitChange = z.infer<typeof solarisAccountIdSchema>;

const solarisAccountOpeningRequestSchema = z.looseObject({
  account_opening_request_id: z.string(),
  customer_id: z.string().nullish(),
  status: z.string().nullish(),
  account_id: z.string().nullish(),
  updated_at: z.string().nullish(),
  error: z
    .looseObject({ code: z.string().nullish(), detail: z.string().nullish() })
    .nullish(),
});
/** `ACCOUNT_OPENING_REQUEST` payload. */
export type SolarisAccountOpeningRequest = z.infer<
  typeof solarisAccountOpeningRequestSchema
>;

/** `ACCOUNT_SNAPSHOT` payload (an `entity_uuid`/`payload` wrapper). */
export type SolarisAccountSnapshot = SolarisWrappedPayload;

const solarisTopUpSchema = z.looseObject({
  id: z.string(),
  account_id: z.string().nullish(),
  amount: solarisMoneySchema.nullish(),
  status: z.string().nullish(),
  decline_reason: z.string().nullish(),
  acquirer_error_code: z.string().nullish(),
  acquirer_decline_code: z.string().nullish(),
});
/** `ACQUIRER_TOPUP_*` payload. */
export type SolarisTopUp = z.infer<typeof solarisTopUpSchema>;

const solarisCashOperationSchema = z.looseObject({
  id: z.string(),
  status: z.string().nullish(),
  person_id: z.string().nullish(),
  reference_id: z.string().nullish(),
  expires_at: z.string().nullish(),
});
/** `CASH_OPERATION_STATUS_CHANGED` payload. */
export type SolarisCashOperation = z.infer<typeof solarisCashOperationSchema>;

export const solarisAccountEvents = {
  ACCOUNT_BLOCK: defineWebhookEvent({
    type: 'account.blocked',
    schema: solarisAccountBlockSchema,
    describe: data => ({
      subject: { type: 'account', id: data.account_id },
      status: data.locking_status,
      occurredAt: data.updated_at,
    }),
  }),
  ACCOUNT_CLOSURE: defineWebhookEvent({
    type: 'account.closed',
    schema: solarisAccountClosureSchema,
    describe: data => ({ subject: { type: 'account', id: data.account_id } }),
  }),
  ACCOUNT_CLOSURE_REQUEST: defineWebhookEvent({
    type: 'account_closure.created',
    schema: solarisAccountClosureRequestSchema,
    describe: data => ({
      subject: { type: 'account_closure', id: data.id },
      status: data.status,
      occurredAt: data.updated_at,
    }),
  }),
  ACCOUNT_CLOSURE_REQUEST_UPDATE: defineWebhookEvent({
    type: 'account_closure.status_changed',
    schema: solarisAccountClosureRequestSchema,
    describe: data => ({
      subject: { type: 'account_closure', id: data.id },
      status: data.status,
      occurredAt: data.updated_at,
    }),
  }),
  ACCOUNT_LIMIT_CHANGE: defineWebhookEvent({
    type: 'account.updated',
    schema: solarisAccountIdSchema,
    describe: data => ({ subject: { type: 'account', id: data.account_id } }),
  }),
  ACCOUNT_OPENING_REQUEST: defineWebhookEvent({
    type: 'account_opening.status_changed',
    schema: solarisAccountOpeningRequestSchema,
    describe: data => ({
      subject: { type: 'account_opening', id: data.account_opening_request_id },
      status: data.status,
      occurredAt: data.updated_at,
    }),
  }),
  ACCOUNT_SNAPSHOT: defineWebhookEvent({
    type: 'account_snapshot.status_changed',
    schema: solarisWrappedSchema,
    describe: data => ({
      subject: { type: 'account_snapshot', id: data.entity_uuid },
      status: wrappedStatus(data),
    }),
  }),
  ACQUIRER_TOPUP_DECLINED: defineWebhookEvent({
    type: 'payment.declined',
    schema: solarisTopUpSchema,
    describe: data => ({
      subject: { type: 'payment', id: data.id },
      status: data.status,
    }),
  }),
  ACQUIRER_TOPUP_EXECUTED: defineWebhookEvent({
    type: 'payment.completed',
    schema: solarisTopUpSchema,
    describe: data => ({
      subject: { type: 'payment', id: data.id },
      status: data.status,
    }),
  }),
  ACQUIRER_TOPUP_PAYMENT_FAILED: defineWebhookEvent({
    type: 'payment.failed',
    schema: solarisTopUpSchema,
    describe: data => ({
      subject: { type: 'payment', id: data.id },
      status: data.status,
    }),
  }),
  CASH_OPERATION_STATUS_CHANGED: defineWebhookEvent({
    type: 'cash_operation.status_changed',
    schema: solarisCashOperationSchema,
    describe: data => ({
      subject: firstSubject(['cash_operation', data.id]),
      status: data.status,
    }),
  }),
};
