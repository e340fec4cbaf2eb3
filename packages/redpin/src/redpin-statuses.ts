import type { NormalizedStatusDecision } from '@finhooks/core';

/**
 * Payment statuses Redpin documents for `PAYMENT STATUS` events. FX
 * payments run `AWAITING_FUNDS → RECEIVED_FUNDS → FX_COMPLETED →
 * PAYOUT_INITIATED → PAYOUT_CREDITED → PAYMENT_COMPLETED`; same-currency
 * payments start at `PROCESSING`.
 */
export const redpinKnownPaymentStatuses = [
  'AWAITING_FUNDS',
  'RECEIVED_FUNDS',
  'FX_COMPLETED',
  'PAYOUT_INITIATED',
  'PAYOUT_CREDITED',
  'CANCELLED',
  'PROCESSING',
  'REFUNDED',
  'BOUNCED_BACK',
  'PAYMENT_COMPLETED',
] as const;

/** A payment status Redpin documents (see {@link redpinKnownPaymentStatuses}). */
export type RedpinKnownPaymentStatus =
  (typeof redpinKnownPaymentStatuses)[number];

/**
 * A payment status as Redpin sent it. Redpin tells integrators to expect
 * new statuses, so any string is accepted; the known ones autocomplete.
 */
export type RedpinPaymentStatusValue = RedpinKnownPaymentStatus | (string & {});

/** Compliance outcomes of a third-party customer. */
export const redpinKnownThirdPartyCustomerStatuses = [
  'APPROVED',
  'REJECTED',
] as const;

/** Compliance outcomes of a third-party customer. */
export type RedpinKnownThirdPartyCustomerStatus =
  (typeof redpinKnownThirdPartyCustomerStatuses)[number];

/** A third-party customer status as sent (unknown ones are kept). */
export type RedpinThirdPartyCustomerStatusValue =
  RedpinKnownThirdPartyCustomerStatus | (string & {});

/** Customer statuses of `CUSTOMER STATUS` events (lower case, as sent). */
export const redpinKnownCustomerStatuses = ['active', 'inactive'] as const;

/** Customer statuses of `CUSTOMER STATUS` events (lower case, as sent). */
export type RedpinKnownCustomerStatus =
  (typeof redpinKnownCustomerStatuses)[number];

/** A customer status as sent (unknown ones are kept). */
export type RedpinCustomerStatusValue =
  RedpinKnownCustomerStatus | (string & {});

/**
 * What each documented payment status means (docs/vocabulary.md §2). Only
 * `PAYMENT_COMPLETED` is `succeeded`: `PAYOUT_CREDITED` fires per
 * recipient of a multi-recipient payment, before the one
 * `PAYMENT_COMPLETED`.
 */
export const redpinPaymentStatusDecisions = {
  AWAITING_FUNDS: 'pending',
  RECEIVED_FUNDS: 'processing',
  FX_COMPLETED: 'processing',
  PAYOUT_INITIATED: 'processing',
  PAYOUT_CREDITED: 'processing',
  PROCESSING: 'processing',
  PAYMENT_COMPLETED: 'succeeded',
  CANCELLED: 'canceled',
  REFUNDED: 'refunded',
  BOUNCED_BACK: 'failed',
} as const satisfies Record<RedpinKnownPaymentStatus, NormalizedStatusDecision>;

/** A third-party customer's compliance decision (review statuses). */
export const redpinThirdPartyCustomerStatusDecisions = {
  APPROVED: 'approved',
  REJECTED: 'rejected',
} as const satisfies Record<
  RedpinKnownThirdPartyCustomerStatus,
  NormalizedStatusDecision
>;

/** A customer's lifecycle (lower case, as Redpin sends it). */
export const redpinCustomerStatusDecisions = {
  active: 'active',
  inactive: 'inactive',
} as const satisfies Record<
  RedpinKnownCustomerStatus,
  NormalizedStatusDecision
>;
