import {
  defineWebhookEvent,
  type NormalizedStatusDecision,
  type KnownFields,
} from '@finhooks/core';
import * as z from 'zod/mini';
import { firstSubject, nullishMoney, nullishString } from './solaris-values';
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
  person_id: nullishString,
  business_id: nullishString,
  iban: nullishString,
  locking_status: nullishString,
  locking_reasons: z.nullish(z.array(z.string())),
  updated_at: nullishString,
});
/** `ACCOUNT_BLOCK` payload. */
export type SolarisAccountBlock = KnownFields<
  z.output<typeof solarisAccountBlockSchema>
>;

const solarisAccountClosureSchema = z.looseObject({
  account_id: z.string(),
  person_id: nullishString,
  business_id: nullishString,
  iban: nullishString,
});
/** `ACCOUNT_CLOSURE` payload. */
export type SolarisAccountClosure = KnownFields<
  z.output<typeof solarisAccountClosureSchema>
>;

const solarisAccountClosureRequestSchema = z.looseObject({
  id: z.string(),
  closure_reason: nullishString,
  status: nullishString,
  account_id: nullishString,
  technical_closure_date: nullishString,
  legal_closure_date: nullishString,
  failure_reason: z.nullish(
    z.looseObject({
      code: nullishString,
      detail: nullishString,
    }),
  ),
  // Sent as the string "false" in the official example.
  payout_allowed: z.nullish(z.union([z.boolean(), z.string()])),
  updated_at: nullishString,
});
/** `ACCOUNT_CLOSURE_REQUEST` / `ACCOUNT_CLOSURE_REQUEST_UPDATE` payload. */
export type SolarisAccountClosureRequest = KnownFields<
  z.output<typeof solarisAccountClosureRequestSchema>
>;

const solarisAccountIdSchema = z.looseObject({ account_id: z.string() });
/** `ACCOUNT_LIMIT_CHANGE` payload. */
export type SolarisAccountLimitChange = KnownFields<
  z.output<typeof solarisAccountIdSchema>
>;

const solarisAccountOpeningRequestSchema = z.looseObject({
  account_opening_request_id: z.string(),
  customer_id: nullishString,
  status: nullishString,
  account_id: nullishString,
  updated_at: nullishString,
  error: z.nullish(
    z.looseObject({
      code: nullishString,
      detail: nullishString,
    }),
  ),
});
/** `ACCOUNT_OPENING_REQUEST` payload. */
export type SolarisAccountOpeningRequest = KnownFields<
  z.output<typeof solarisAccountOpeningRequestSchema>
>;

/** `ACCOUNT_SNAPSHOT` payload (an `entity_uuid`/`payload` wrapper). */
export type SolarisAccountSnapshot = SolarisWrappedPayload;

const solarisTopUpSchema = z.looseObject({
  id: z.string(),
  account_id: nullishString,
  amount: nullishMoney,
  status: nullishString,
  decline_reason: nullishString,
  acquirer_error_code: nullishString,
  acquirer_decline_code: nullishString,
});
/** `ACQUIRER_TOPUP_*` payload. */
export type SolarisTopUp = KnownFields<z.output<typeof solarisTopUpSchema>>;

const solarisCashOperationSchema = z.looseObject({
  id: z.string(),
  status: nullishString,
  person_id: nullishString,
  reference_id: nullishString,
  expires_at: nullishString,
});
/** `CASH_OPERATION_STATUS_CHANGED` payload. */
export type SolarisCashOperation = KnownFields<
  z.output<typeof solarisCashOperationSchema>
>;

/**
 * `locking_status` (Solaris: "The default status is NO_BLOCK. Other status
 * values indicate that funds may neither be credited to, nor debited from,
 * the account").
 */
const lockingStatuses = {
  NO_BLOCK: 'active',
  CREDIT_BLOCK: 'blocked',
  DEBIT_BLOCK: 'blocked',
  BLOCK: 'blocked',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Account closure request `status`. */
const closureStatuses = {
  INITIATED: 'pending',
  CONFIRMED: 'pending',
  IN_PROGRESS: 'pending',
  COMPLETED: 'approved',
  FAILED: 'rejected',
  REVOKED: 'canceled',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Account opening request `status`. */
const openingStatuses = {
  INITIATED: 'pending',
  IN_PROGRESS: 'pending',
  COMPLETED: 'approved',
  REJECTED: 'rejected',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Account snapshot `payload.status`. */
const snapshotStatuses = {
  pending: 'pending',
  available: 'succeeded',
  failed: 'failed',
  expired: 'expired',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Top-up `status` (`TopupStatusValues`). */
const topUpStatuses = {
  ACCEPTED: 'pending',
  CONFIRMED: 'processing',
  EXECUTED: 'succeeded',
  DECLINED: 'failed',
  CANCELLED: 'canceled',
} as const satisfies Record<string, NormalizedStatusDecision>;

/** Cash operation `status`. */
const cashOperationStatuses = {
  PENDING: 'pending',
  CREATED: 'pending',
  PAID: 'succeeded',
  EXPIRED: 'expired',
  CANCELLED: 'canceled',
} as const satisfies Record<string, NormalizedStatusDecision>;

const topUp = (data: SolarisTopUp) => ({
  subject: { type: 'payment', id: data.id },
  status: data.status,
});

export const solarisAccountEvents = {
  /**
   * Any change of `locking_status` or `locking_reasons`, unblocking
   * included: `blocked` while the account is locked in any way, `active`
   * once it is `NO_BLOCK` again.
   */
  ACCOUNT_BLOCK: defineWebhookEvent({
    type: 'account.status_changed',
    statuses: lockingStatuses,
    schema: solarisAccountBlockSchema,
    describe: data => {
      const lockingStatus = data.locking_status ?? undefined;
      return {
        subject: { type: 'account', id: data.account_id },
        status: lockingStatus,
        // Any status but NO_BLOCK locks the account (Solaris's words).
        normalizedStatus:
          lockingStatus === undefined || lockingStatus === ''
            ? undefined
            : lockingStatus === 'NO_BLOCK'
              ? 'active'
              : 'blocked',
        occurredAt: data.updated_at,
      };
    },
  }),
  ACCOUNT_CLOSURE: defineWebhookEvent({
    type: 'account.status_changed',
    normalizedStatus: 'closed',
    schema: solarisAccountClosureSchema,
    describe: data => ({ subject: { type: 'account', id: data.account_id } }),
  }),
  ACCOUNT_CLOSURE_REQUEST: defineWebhookEvent({
    type: 'account_closure.created',
    statuses: closureStatuses,
    schema: solarisAccountClosureRequestSchema,
    describe: data => ({
      subject: { type: 'account_closure', id: data.id },
      status: data.status,
      occurredAt: data.updated_at,
    }),
  }),
  ACCOUNT_CLOSURE_REQUEST_UPDATE: defineWebhookEvent({
    type: 'account_closure.status_changed',
    statuses: closureStatuses,
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
    type: 'application.status_changed',
    statuses: openingStatuses,
    schema: solarisAccountOpeningRequestSchema,
    describe: data => ({
      subject: { type: 'application', id: data.account_opening_request_id },
      status: data.status,
      occurredAt: data.updated_at,
    }),
  }),
  ACCOUNT_SNAPSHOT: defineWebhookEvent({
    type: 'account_snapshot.status_changed',
    statuses: snapshotStatuses,
    schema: solarisWrappedSchema,
    describe: data => ({
      subject: { type: 'account_snapshot', id: data.entity_uuid },
      status: wrappedStatus(data),
    }),
  }),
  /** `status` is the payload's (often `ACCEPTED`); the type says `failed`. */
  ACQUIRER_TOPUP_DECLINED: defineWebhookEvent({
    type: 'payment.status_changed',
    normalizedStatus: 'failed',
    statuses: topUpStatuses,
    schema: solarisTopUpSchema,
    describe: topUp,
  }),
  ACQUIRER_TOPUP_EXECUTED: defineWebhookEvent({
    type: 'payment.status_changed',
    normalizedStatus: 'succeeded',
    statuses: topUpStatuses,
    schema: solarisTopUpSchema,
    describe: topUp,
  }),
  ACQUIRER_TOPUP_PAYMENT_FAILED: defineWebhookEvent({
    type: 'payment.status_changed',
    normalizedStatus: 'failed',
    statuses: topUpStatuses,
    schema: solarisTopUpSchema,
    describe: topUp,
  }),
  CASH_OPERATION_STATUS_CHANGED: defineWebhookEvent({
    type: 'cash_operation.status_changed',
    statuses: cashOperationStatuses,
    schema: solarisCashOperationSchema,
    describe: data => ({
      subject: firstSubject(['cash_operation', data.id]),
      status: data.status,
    }),
  }),
};
