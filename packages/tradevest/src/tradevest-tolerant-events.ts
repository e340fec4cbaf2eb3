import { defineWebhookEvent } from '@finhooks/core';
import { notificationFacts as facts } from './tradevest-event-facts';
import * as schemas from './tradevest-tolerant-schemas';

/**
 * The `EventTypeEnum` values Tradevest has published no path or example
 * for: kebab-case paths, tolerant schemas, subject from the guessed id.
 */
export const tradevestTolerantEvents = {
  LEGAL_ENTITY_NOTIFICATION: defineWebhookEvent({
    type: 'legal_entity.updated',
    schema: schemas.legalEntityNotificationSchema,
    describe: data => facts('legal_entity', data.legalEntityId, data),
  }),
  LEGAL_REPRESENTATIVE_NOTIFICATION: defineWebhookEvent({
    type: 'legal_representative.updated',
    schema: schemas.legalRepresentativeNotificationSchema,
    describe: data =>
      facts('legal_representative', data.legalRepresentativeId, data),
  }),
  PARTNER_NOTIFICATION: defineWebhookEvent({
    type: 'partner.updated',
    schema: schemas.partnerNotificationSchema,
    describe: data => facts('partner', data.partnerId, data),
  }),
  JOINT_PERSON_NOTIFICATION: defineWebhookEvent({
    type: 'person.updated',
    schema: schemas.jointPersonNotificationSchema,
    describe: data => facts('person', data.jointPersonId, data),
  }),
  TAX_EXEMPTION_ORDER_NOTIFICATION: defineWebhookEvent({
    // A standing tax-exemption instruction (Freistellungsauftrag), not a trade.
    type: 'tax_exemption.updated',
    schema: schemas.taxExemptionOrderNotificationSchema,
    describe: data => facts('tax_exemption', data.taxExemptionOrderId, data),
  }),
  CORPORATE_ACTION_NOTIFICATION: defineWebhookEvent({
    type: 'corporate_action.updated',
    schema: schemas.corporateActionNotificationSchema,
    describe: data => facts('corporate_action', data.corporateActionId, data),
  }),
  SAVINGS_PLANS_NOTIFICATION: defineWebhookEvent({
    type: 'savings_plan.updated',
    schema: schemas.savingsPlansNotificationSchema,
    describe: data => facts('savings_plan', data.savingsPlanId, data),
  }),
  TOKENIZED_ASSET_ORDER_NOTIFICATION: defineWebhookEvent({
    // Like the other two order notifications.
    type: 'order.status_changed',
    schema: schemas.tokenizedAssetOrderNotificationSchema,
    describe: data => facts('order', data.orderId, data),
  }),
};
