import { defineWebhookEvent } from '@finhooks/core';
import { notificationFacts as facts } from './tradevest-event-facts';
import {
  tradevestOrderStatusDecisions,
  tradevestUndocumentedStatusDecisions as undocumented,
} from './tradevest-statuses';
import * as schemas from './tradevest-tolerant-schemas';

/**
 * The `EventTypeEnum` values Tradevest has published no path or example
 * for: kebab-case paths, tolerant schemas, subject from the guessed id.
 * Like every Tradevest notification they report the object's status, so
 * they are `status_changed`; no status value is documented, so each one
 * arrives unmapped with an "undocumented status" warning (orders excepted:
 * the order status codes are documented for every order).
 */
export const tradevestTolerantEvents = {
  LEGAL_ENTITY_NOTIFICATION: defineWebhookEvent({
    // A legal entity is a business customer: the same concept as a
    // Solaris business (docs/vocabulary.md §3).
    type: 'business.status_changed',
    statuses: undocumented,
    schema: schemas.legalEntityNotificationSchema,
    describe: data => facts('business', data.legalEntityId, data),
  }),
  LEGAL_REPRESENTATIVE_NOTIFICATION: defineWebhookEvent({
    type: 'legal_representative.status_changed',
    statuses: undocumented,
    schema: schemas.legalRepresentativeNotificationSchema,
    describe: data =>
      facts('legal_representative', data.legalRepresentativeId, data),
  }),
  PARTNER_NOTIFICATION: defineWebhookEvent({
    type: 'partner.status_changed',
    statuses: undocumented,
    schema: schemas.partnerNotificationSchema,
    describe: data => facts('partner', data.partnerId, data),
  }),
  JOINT_PERSON_NOTIFICATION: defineWebhookEvent({
    type: 'person.status_changed',
    statuses: undocumented,
    schema: schemas.jointPersonNotificationSchema,
    describe: data => facts('person', data.jointPersonId, data),
  }),
  TAX_EXEMPTION_ORDER_NOTIFICATION: defineWebhookEvent({
    // A standing tax-exemption instruction (Freistellungsauftrag), not a trade.
    type: 'tax_exemption.status_changed',
    statuses: undocumented,
    schema: schemas.taxExemptionOrderNotificationSchema,
    describe: data => facts('tax_exemption', data.taxExemptionOrderId, data),
  }),
  CORPORATE_ACTION_NOTIFICATION: defineWebhookEvent({
    type: 'corporate_action.status_changed',
    statuses: undocumented,
    schema: schemas.corporateActionNotificationSchema,
    describe: data => facts('corporate_action', data.corporateActionId, data),
  }),
  SAVINGS_PLANS_NOTIFICATION: defineWebhookEvent({
    type: 'savings_plan.status_changed',
    statuses: undocumented,
    schema: schemas.savingsPlansNotificationSchema,
    describe: data => facts('savings_plan', data.savingsPlanId, data),
  }),
  TOKENIZED_ASSET_ORDER_NOTIFICATION: defineWebhookEvent({
    // Like the other two order notifications.
    type: 'order.status_changed',
    statuses: tradevestOrderStatusDecisions,
    schema: schemas.tokenizedAssetOrderNotificationSchema,
    describe: data => facts('order', data.orderId, data),
  }),
};
