import { defineWebhookEvent } from '@finhooks/core';
import { notificationFacts as facts } from './tradevest-event-facts';
import * as schemas from './tradevest-schemas';
import {
  tradevestCreatedStatusDecisions,
  tradevestCustomerProductStatusDecisions,
  tradevestIdentificationStatusDecisions,
  tradevestLegalEntitySearchStatusDecisions,
  tradevestNaturalPersonStatusDecisions,
  tradevestOnboardingStatusDecisions,
  tradevestOrderStatusDecisions,
  tradevestReceivedStatusDecisions,
  tradevestStrategyStatusDecisions,
  tradevestTransferStatusDecisions,
} from './tradevest-statuses';
import { tradevestTolerantEvents } from './tradevest-tolerant-events';

// Normalized actions by meaning (docs/vocabulary.md), not by whether the
// schema marks `status` required: a notification reporting an object's
// status (`status` + `notificationType` CREATED/UPDATED/VALIDATION_ERROR)
// is `<resource>.status_changed`, with every documented status decided.
// `updated` only where no status is reported: partner documents, label
// changes of customers, token prices. The subject is the object the type
// names; where the body identifies only a parent (the customers whose
// labels changed), the type names the parent.

/**
 * Tradevest's catalogue: every `EventTypeEnum` value → normalized type,
 * subject type, status decisions, the page that documents it, payload
 * schema, and subject/status/time. The first 18 come from the published
 * examples of the Partner Webhooks page.
 */
export const tradevestEvents = {
  CUSTOMER_NOTIFICATION: defineWebhookEvent({
    type: 'customer.status_changed',
    statuses: tradevestCreatedStatusDecisions,
    schema: schemas.customerNotificationSchema,
    describe: data => facts('customer', data.customerId, data),
  }),
  NATURAL_PERSON_NOTIFICATION: defineWebhookEvent({
    type: 'person.status_changed',
    statuses: tradevestNaturalPersonStatusDecisions,
    schema: schemas.naturalPersonNotificationSchema,
    describe: data => facts('person', data.naturalPersonId, data),
  }),
  IDENTIFICATION_VERIFICATION_NOTIFICATION: defineWebhookEvent({
    type: 'identification.status_changed',
    statuses: tradevestIdentificationStatusDecisions,
    schema: schemas.identificationVerificationNotificationSchema,
    describe: data =>
      facts('identification', data.identificationVerificationId, data),
  }),
  LABELS_UPDATE_NOTIFICATION: defineWebhookEvent({
    // The body names only customers (whose labels changed), several at
    // once and without a time: no subject on the envelope; one per
    // customer with fanOutLabelsUpdate.
    type: 'customer.updated',
    schema: schemas.labelsUpdateNotificationSchema,
  }),
  ONBOARDING_NOTIFICATION: defineWebhookEvent({
    type: 'onboarding.status_changed',
    statuses: tradevestOnboardingStatusDecisions,
    schema: schemas.onboardingNotificationSchema,
    describe: data => facts('onboarding', data.onboardingId, data),
  }),
  PROXY_NOTIFICATION: defineWebhookEvent({
    type: 'proxy.status_changed',
    statuses: tradevestCreatedStatusDecisions,
    schema: schemas.proxyNotificationSchema,
    describe: data => facts('proxy', data.proxyId, data),
  }),
  BENEFICIAL_OWNER_NOTIFICATION: defineWebhookEvent({
    type: 'beneficial_owner.status_changed',
    statuses: tradevestCreatedStatusDecisions,
    schema: schemas.beneficialOwnerNotificationSchema,
    describe: data => facts('beneficial_owner', data.beneficialOwnerId, data),
  }),
  PARTNER_DOCUMENT_NOTIFICATION: defineWebhookEvent({
    // The partner's own documents: another id space than DOCUMENT_NOTIFICATION's.
    type: 'partner_document.updated',
    schema: schemas.partnerDocumentNotificationSchema,
    describe: data => facts('partner_document', data.documentId, data),
  }),
  DOCUMENT_NOTIFICATION: defineWebhookEvent({
    type: 'document.status_changed',
    statuses: tradevestReceivedStatusDecisions,
    schema: schemas.documentNotificationSchema,
    describe: data => facts('document', data.documentId, data),
  }),
  CUSTOMER_PRODUCT_NOTIFICATION: defineWebhookEvent({
    type: 'product.status_changed',
    statuses: tradevestCustomerProductStatusDecisions,
    schema: schemas.customerProductNotificationSchema,
    describe: data => facts('product', data.customerProductId, data),
  }),
  LEGAL_ENTITY_SEARCH_NOTIFICATION: defineWebhookEvent({
    // A search is its own object (searchId), not the legal entity it finds.
    type: 'legal_entity_search.status_changed',
    statuses: tradevestLegalEntitySearchStatusDecisions,
    schema: schemas.legalEntitySearchNotificationSchema,
    describe: data => facts('legal_entity_search', data.searchId, data),
  }),
  STRATEGY_NOTIFICATION: defineWebhookEvent({
    type: 'strategy.status_changed',
    statuses: tradevestStrategyStatusDecisions,
    schema: schemas.strategyNotificationSchema,
    describe: data => facts('strategy', data.strategyId, data),
  }),
  TRANSFER_NOTIFICATION: defineWebhookEvent({
    // A transfer is a payment (docs/vocabulary.md §3): the same type as
    // every other provider's payment status change.
    type: 'payment.status_changed',
    statuses: tradevestTransferStatusDecisions,
    schema: schemas.transferNotificationSchema,
    describe: data => facts('payment', data.transferId, data),
  }),
  DIGITAL_ASSET_ORDER_NOTIFICATION: defineWebhookEvent({
    type: 'order.status_changed',
    statuses: tradevestOrderStatusDecisions,
    schema: schemas.digitalAssetOrderNotificationSchema,
    describe: data => facts('order', data.orderId, data),
  }),
  TRADITIONAL_ASSET_ORDER_NOTIFICATION: defineWebhookEvent({
    type: 'order.status_changed',
    statuses: tradevestOrderStatusDecisions,
    schema: schemas.traditionalAssetOrderNotificationSchema,
    describe: data => facts('order', data.orderId, data),
  }),
  USER_NOTIFICATION: defineWebhookEvent({
    type: 'user.status_changed',
    statuses: tradevestReceivedStatusDecisions,
    schema: schemas.userNotificationSchema,
    describe: data => facts('user', data.userId, data),
  }),
  RE_TOKEN_PRICES: defineWebhookEvent({
    // Market data: no object id, no status, no time.
    type: 'price.updated',
    schema: schemas.reTokenPricesSchema,
  }),
  OFFBOARDING_NOTIFICATION: defineWebhookEvent({
    type: 'offboarding.status_changed',
    statuses: tradevestCreatedStatusDecisions,
    schema: schemas.offboardingNotificationSchema,
    describe: data => facts('offboarding', data.offboardingId, data),
  }),
  ...tradevestTolerantEvents,
};
