// What each status Tradevest documents means (docs/vocabulary.md §2). The
// order and transfer enums are documented ("Status Codes for Financial
// Operations" and the order notes of "Partner Webhooks"); the onboarding
// enum is known from a translation of the onboarding guide. The others
// (customer, natural person, identification verification, document,
// customer product, proxy, beneficial owner, strategy, user, offboarding)
// are not published: the values seen in the published examples are
// decided, any other value is kept as sent, with the core's
// "undocumented status" warning and no normalized status.
import type { NormalizedStatusDecision } from '@finhooks/core';

type Decisions = Readonly<Record<string, NormalizedStatusDecision>>;

/**
 * Order statuses (digital, traditional and tokenized asset orders). Only
 * `SETTLED` is `succeeded` ("funds or assets have been transferred"):
 * `FILLED` is the executed trade awaiting settlement, and may still be
 * `CORRECTED` and then `CANCELED`.
 */
export const tradevestOrderStatusDecisions = {
  RECEIVED: 'pending',
  PENDING: 'pending',
  PLACED: 'processing',
  PARTIALLY_FILLED: 'processing',
  FILLED: 'processing',
  CORRECTED: 'processing',
  SETTLED: 'succeeded',
  CANCELED: 'canceled',
  // A limit order not filled in time: it ended without execution, no error.
  EXPIRED: 'canceled',
  INVALID: 'failed',
  REJECTED: 'failed',
} as const satisfies Decisions;

/** Transfer statuses ("Transfer status codes"). */
export const tradevestTransferStatusDecisions = {
  RECEIVED: 'pending',
  // "created but not processed as some operations or checks are being performed"
  PENDING: 'processing',
  PROCESSED: 'succeeded',
  INVALID: 'failed',
  REJECTED: 'failed',
} as const satisfies Decisions;

/**
 * Onboarding statuses: `REJECTED` is a fixable validation issue (the
 * partner corrects the data and tries again), `INVALID` a blocking one.
 */
export const tradevestOnboardingStatusDecisions = {
  CREATED: 'pending',
  PENDING: 'pending',
  APPROVED: 'approved',
  REJECTED: 'requires_action',
  INVALID: 'rejected',
} as const satisfies Decisions;

/** Identification verification statuses seen in Tradevest's documents. */
export const tradevestIdentificationStatusDecisions = {
  RECEIVED: 'pending',
  PENDING: 'pending',
  APPROVED: 'approved',
} as const satisfies Decisions;

/**
 * Natural person statuses: `CREATED` (the example) and `ACTIVE` (which an
 * order's Requestor-ID must be in, per the order status codes).
 */
export const tradevestNaturalPersonStatusDecisions = {
  CREATED: 'pending',
  ACTIVE: 'active',
} as const satisfies Decisions;

/** A party or role just created and not yet active (customer, proxy, …). */
export const tradevestCreatedStatusDecisions = {
  CREATED: 'pending',
} as const satisfies Decisions;

/** Document, user: the `RECEIVED` of their examples. */
export const tradevestReceivedStatusDecisions = {
  RECEIVED: 'pending',
} as const satisfies Decisions;

/** Customer product: the `PENDING` of its example. */
export const tradevestCustomerProductStatusDecisions = {
  PENDING: 'pending',
} as const satisfies Decisions;

/** Legal entity search: `WAITING_FOR_DATA`, the search still running. */
export const tradevestLegalEntitySearchStatusDecisions = {
  WAITING_FOR_DATA: 'pending',
} as const satisfies Decisions;

/** Strategy: `EXECUTING`, the strategy running for its subscriber. */
export const tradevestStrategyStatusDecisions = {
  EXECUTING: 'active',
} as const satisfies Decisions;

/**
 * The types Tradevest published neither a payload nor a status for: no
 * value is documented, so every value is left to the warning.
 */
export const tradevestUndocumentedStatusDecisions =
  {} as const satisfies Decisions;
