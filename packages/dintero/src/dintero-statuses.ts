// Status decisions (docs/vocabulary.md §2): every status value Dintero
// documents for an event, as Dintero spells it, with its normalized status
// or 'unmapped'. `status` on the event keeps Dintero's spelling.
import type {
  NormalizedStatusDecision,
  NormalizedStatusV1,
} from '@finhooks/core';

type Decisions = Readonly<Record<string, NormalizedStatusDecision>>;

/**
 * A Checkout transaction's `status` (Checkout API `Transaction.status`;
 * docs.dintero.com/docs/integrations/support/transaction-statuses). A
 * partial capture or refund maps like the full one: `status` tells which.
 */
export const dinteroTransactionStatuses = {
  INITIATED: 'pending',
  // "further controls are necessary, will change to AUTHORIZED or FAILED".
  ON_HOLD: 'pending',
  AUTHORIZED: 'authorized',
  PARTIALLY_CAPTURED: 'succeeded',
  CAPTURED: 'succeeded',
  PARTIALLY_CAPTURED_REFUNDED: 'refunded',
  PARTIALLY_REFUNDED: 'refunded',
  REFUNDED: 'refunded',
  // Shown as "Cancelled": the authorization was voided before capture.
  AUTHORIZATION_VOIDED: 'canceled',
  // "customer declined the payment while it was processing".
  DECLINED: 'failed',
  FAILED: 'failed',
  // "Payment outcome could not be determined".
  UNKNOWN: 'unmapped',
} as const satisfies Decisions;

/**
 * Error codes of an authorization that did not happen (the callback's
 * `error` query parameter, `authorization.error` in
 * `checkout_authorization`). Dintero documents `cancelled` (the customer
 * cancelled: no transaction exists); any other code is a failure.
 */
export const dinteroAuthorizationErrors = {
  cancelled: 'canceled',
} as const satisfies Decisions;

/** The normalized status of an authorization error code. */
export function dinteroAuthorizationErrorStatus(
  error: string,
): NormalizedStatusV1 {
  return Object.hasOwn(dinteroAuthorizationErrors, error)
    ? dinteroAuthorizationErrors[
        error as keyof typeof dinteroAuthorizationErrors
      ]
    : 'failed';
}

/**
 * The operation a Checkout callback reports with `report_event` (its
 * `event` query parameter, as in a transaction's `events[].event`), and
 * the status the transaction is in after it.
 */
export const dinteroTransactionEventStatuses = {
  INITIATE: 'pending',
  AUTHORIZE: 'authorized',
  CAPTURE: 'succeeded',
  REFUND: 'refunded',
  VOID: 'canceled',
} as const satisfies Decisions;

/**
 * A CDD or seller-approval case's `case_status` (review vocabulary; the
 * enum of the cdd_case_update example's `approvals_*_statuses` and of the
 * payout destination API).
 */
export const dinteroCaseStatuses = {
  ACTIVE: 'approved',
  DECLINED: 'rejected',
  UNDER_MANUAL_REVIEW: 'pending',
  AUTOMATIC_REVIEW: 'pending',
  WAITING_FOR_SIGNATURE: 'requires_action',
  WAITING_FOR_DECLARATION: 'requires_action',
  WAITING_FOR_DETAILS: 'requires_action',
  // A processing error: no decision about the case.
  ERROR: 'unmapped',
  // The approval was archived (withdrawn) without a new decision.
  ARCHIVED: 'canceled',
  // Dintero ended an approval: a negative decision.
  TERMINATED: 'rejected',
} as const satisfies Decisions;

/**
 * A payout destination's own `status` (same enum as its case, read as the
 * destination's lifecycle: usable, not yet, or no longer).
 */
export const dinteroPayoutDestinationStatuses = {
  ACTIVE: 'active',
  DECLINED: 'inactive',
  UNDER_MANUAL_REVIEW: 'pending',
  AUTOMATIC_REVIEW: 'pending',
  WAITING_FOR_SIGNATURE: 'pending',
  WAITING_FOR_DECLARATION: 'pending',
  WAITING_FOR_DETAILS: 'pending',
  ERROR: 'unmapped',
  ARCHIVED: 'closed',
  TERMINATED: 'closed',
} as const satisfies Decisions;

/** A loyalty location's `status` (the published example says `Active`). */
export const dinteroLocationStatuses = {
  Active: 'active',
} as const satisfies Decisions;
