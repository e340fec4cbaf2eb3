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

const partnerWebhooks =
  'https://docs.tradevest.ai/partner-apis/partner-webhooks';
const statusCodes =
  'https://docs.tradevest.ai/documentation/status_codes_for_financial_operations';
const orderNotes = 'https://docs.tradevest.ai/documentation/partner-webhooks';
const eventTypes = 'https://docs.tradevest.ai/api-reference/webhooks/schemas';

function published(section: string, description: string): string {
  return `${partnerWebhooks} "${section}": "${description}"`;
}

function unpublished(nativeType: string, source = eventTypes): string {
  return `${source} (EventTypeEnum lists ${nativeType}; no path or payload is published)`;
}

/** Where Tradevest documents each native type. */
export const tradevestReferences = {
  CUSTOMER_NOTIFICATION: published(
    'Customer Notification',
    'Notification about customer changes related to event CUSTOMER_NOTIFICATION',
  ),
  NATURAL_PERSON_NOTIFICATION: published(
    'Natural Person Notification',
    'Notification about natural person changes related to event NATURAL_PERSON_NOTIFICATION',
  ),
  IDENTIFICATION_VERIFICATION_NOTIFICATION: published(
    'Identification Verification Notification',
    'Notification about identification verification changes related to event IDENTIFICATION_VERIFICATION_NOTIFICATION',
  ),
  LABELS_UPDATE_NOTIFICATION: `${published(
    'Labels Update Notification',
    'Notification about labels updates related to event LABELS_UPDATE_NOTIFICATION',
  )}; the body names only the customers (updatedCustomers)`,
  ONBOARDING_NOTIFICATION: `${published(
    'Onboarding Notification',
    'Notification about onboarding update related to event ONBOARDING_NOTIFICATION',
  )}; statuses CREATED, PENDING, APPROVED, REJECTED (fixable), INVALID (blocking) per https://docs.tradevest.ai/api-guidelines/onboarding/natural-person-tradevest-ident-services`,
  PROXY_NOTIFICATION: published(
    'Proxy Notification',
    'Notification about proxy update related to event PROXY_NOTIFICATION',
  ),
  BENEFICIAL_OWNER_NOTIFICATION: published(
    'Beneficial Owner Notification',
    'Notification about beneficial owner update related to event BENEFICIAL_OWNER_NOTIFICATION',
  ),
  PARTNER_DOCUMENT_NOTIFICATION: `${published(
    'Partner Document Notification',
    'Notification about partner document update related to event PARTNER_DOCUMENT_NOTIFICATION',
  )}; documentId and modifiedOn only, no status (partner documents, API "Partner Documents")`,
  DOCUMENT_NOTIFICATION: published(
    'Document Notification',
    'Notification about document update related to event DOCUMENT_NOTIFICATION',
  ),
  CUSTOMER_PRODUCT_NOTIFICATION: published(
    'Customer Product Notification',
    'Notifications about customer product update related to event CUSTOMER_PRODUCT_NOTIFICATION',
  ),
  LEGAL_ENTITY_SEARCH_NOTIFICATION: published(
    'Legal Entity Search Notification',
    'Notification about legal entity search changes related to event LEGAL_ENTITY_SEARCH_NOTIFICATION',
  ),
  STRATEGY_NOTIFICATION: published(
    'Strategy Notification',
    'Notification about strategy update related to event STRATEGY_NOTIFICATION',
  ),
  TRANSFER_NOTIFICATION: `${published(
    'Transfer Notification',
    'Notification about transfer update related to event TRANSFER_NOTIFICATION',
  )}; statuses: ${statusCodes}#transfer-status-codes`,
  DIGITAL_ASSET_ORDER_NOTIFICATION: `${published(
    'Digital Asset Order Notification',
    'Notification about digital asset order update related to event DIGITAL_ASSET_ORDER_NOTIFICATION',
  )}; statuses: ${orderNotes} "Order Status Webhooks" and ${statusCodes}#order-status-codes`,
  TRADITIONAL_ASSET_ORDER_NOTIFICATION: `${published(
    'Traditional Asset Order Notification',
    'Notification about traditional asset order update related to event TRADITIONAL_ASSET_ORDER_NOTIFICATION',
  )}; statuses: ${orderNotes} "Order Status Webhooks" and ${statusCodes}#order-status-codes`,
  USER_NOTIFICATION: published(
    'User Notification',
    'Notification related to event USER_NOTIFICATION',
  ),
  RE_TOKEN_PRICES: published(
    'Real estate token prices Notification',
    'Notification related to event RE_TOKEN_PRICES',
  ),
  OFFBOARDING_NOTIFICATION: published(
    'Offboarding Notification',
    'Notification about offboarding update related to event OFFBOARDING_NOTIFICATION',
  ),
  LEGAL_ENTITY_NOTIFICATION: unpublished('LEGAL_ENTITY_NOTIFICATION'),
  LEGAL_REPRESENTATIVE_NOTIFICATION: unpublished(
    'LEGAL_REPRESENTATIVE_NOTIFICATION',
  ),
  PARTNER_NOTIFICATION: unpublished('PARTNER_NOTIFICATION'),
  JOINT_PERSON_NOTIFICATION: unpublished('JOINT_PERSON_NOTIFICATION'),
  TAX_EXEMPTION_ORDER_NOTIFICATION: unpublished(
    'TAX_EXEMPTION_ORDER_NOTIFICATION',
  ),
  CORPORATE_ACTION_NOTIFICATION: unpublished('CORPORATE_ACTION_NOTIFICATION'),
  SAVINGS_PLANS_NOTIFICATION: unpublished(
    'SAVINGS_PLANS_NOTIFICATION',
    'https://docs.wawex.ai/api-reference/webhooks/schemas',
  ),
  TOKENIZED_ASSET_ORDER_NOTIFICATION: `${unpublished(
    'TOKENIZED_ASSET_ORDER_NOTIFICATION',
    'https://docs.wawex.ai/api-reference/webhooks/schemas',
  )}; order statuses: ${statusCodes}#order-status-codes`,
} as const;
