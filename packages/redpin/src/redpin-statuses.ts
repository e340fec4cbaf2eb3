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
