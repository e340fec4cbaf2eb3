import { defineWebhookEvent } from '@finhooks/core';
import { notificationFacts as facts } from './tradevest-event-facts';
import * as schemas from './tradevest-schemas';
import { tradevestTolerantEvents } from './tradevest-tolerant-events';

// Normalized actions: `status_changed` where Tradevest's schema makes
// `status` required (the notification reports a status transition),
// `updated` where it is optional or absent ("this object changed; GET it").

/**
 * Tradevest's catalogue: every `EventTypeEnum` value → normalized type,
 * payload schema, and subject/status/time. The first 18 come from the
 * published examples of the Partner Webhooks page.
 */
export const tradevestEvents = {
  CUSTOMER_NOTIFICATION: defineWebhookEvent({
    type: 'customer.updated',
    schema: schemas.customerNotificationSchema,
    describe: data => facts('customer', data.customerId, data),
  }),
  NATURAL_PERSON_NOTIFICATION: defineWebhookEvent({
    type: 'person.updated',
    schema: schemas.naturalPersonNotificationSchema,
    describe: data => facts('person', data.naturalPersonId, data),
  }),
  IDENTIFICATION_VERIFICATION_NOTIFICATION: defineWebhookEvent({
    type: 'identification.status_changed',
    schema: schemas.identificationVerificationNotificationSchema,
    describe: data =>
      facts('identification', data.identificationVerificationId, data),
  }),
  LABELS_UPDATE_NOTIFICATION: defineWebhookEvent({
    // No object id and no time: several customers at once, see fanOutLabelsUpdate.
    type: 'label.updated',
    schema: schemas.labelsUpdateNotificationSchema,
  }),
  ONBOARDING_NOTIFICATION: defineWebhookEvent({
    type: 'onboarding.status_changed',
    schema: schemas.onboardingNotificationSchema,
    describe: data => facts('onboarding', data.onboardingId, data),
  }),
  PROXY_NOTIFICATION: defineWebhookEvent({
    type: 'proxy.updated',
    schema: schemas.proxyNotificationSchema,
    describe: data => facts('proxy', data.proxyId, data),
  }),
  BENEFICIAL_OWNER_NOTIFICATION: defineWebhookEvent({
    type: 'beneficial_owner.updated',
    schema: schemas.beneficialOwnerNotificationSchema,
    describe: data => facts('beneficial_owner', data.beneficialOwnerId, data),
  }),
  PARTNER_DOCUMENT_NOTIFICATION: defineWebhookEvent({
    type: 'document.updated',
    schema: schemas.partnerDocumentNotificationSchema,
    describe: data => facts('document', data.documentId, data),
  }),
  DOCUMENT_NOTIFICATION: defineWebhookEvent({
    type: 'document.status_changed',
    schema: schemas.documentNotificationSchema,
    describe: data => facts('document', data.documentId, data),
  }),
  CUSTOMER_PRODUCT_NOTIFICATION: defineWebhookEvent({
    type: 'product.updated',
    schema: schemas.customerProductNotificationSchema,
    describe: data => facts('product', data.customerProductId, data),
  }),
  LEGAL_ENTITY_SEARCH_NOTIFICATION: defineWebhookEvent({
    // A search is its own object (searchId), not the legal entity it finds.
    type: 'legal_entity_search.status_changed',
    schema: schemas.legalEntitySearchNotificationSchema,
    describe: data => facts('legal_entity_search', data.searchId, data),
  }),
  STRATEGY_NOTIFICATION: defineWebhookEvent({
    type: 'strategy.updated',
    schema: schemas.strategyNotificationSchema,
    describe: data => facts('strategy', data.strategyId, data),
  }),
  TRANSFER_NOTIFICATION: defineWebhookEvent({
    type: 'transfer.updated',
    schema: schemas.transferNotificationSchema,
    describe: data => facts('transfer', data.transferId, data),
  }),
  DIGITAL_ASSET_ORDER_NOTIFICATION: defineWebhookEvent({
    type: 'order.status_changed',
    schema: schemas.digitalAssetOrderNotificationSchema,
    describe: data => facts('order', data.orderId, data),
  }),
  TRADITIONAL_ASSET_ORDER_NOTIFICATION: defineWebhookEvent({
    type: 'order.status_changed',
    schema: schemas.traditionalAssetOrderNotificationSchema,
    describe: data => facts('order', data.orderId, data),
  }),
  USER_NOTIFICATION: defineWebhookEvent({
    type: 'user.updated',
    schema: schemas.userNotificationSchema,
    describe: data => facts('user', data.userId, data),
  }),
  RE_TOKEN_PRICES: defineWebhookEvent({
    // Market data: no object, no status, no time.
    type: 'price.updated',
    schema: schemas.reTokenPricesSchema,
  }),
  OFFBOARDING_NOTIFICATION: defineWebhookEvent({
    type: 'offboarding.status_changed',
    schema: schemas.offboardingNotificationSchema,
    describe: data => facts('offboarding', data.offboardingId, data),
  }),
  ...tradevestTolerantEvents,
};
