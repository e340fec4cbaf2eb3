import type { z } from 'zod';
import type { tradevestValidationErrorSchema } from './tradevest-common-schemas';
import type * as schemas from './tradevest-schemas';
import type * as tolerant from './tradevest-tolerant-schemas';

// Native payload types: what `event.data` holds for each native type. Every
// JSON number arrives as a string with its exact decimal text.

/** `validationError` of a notification: why Tradevest could not process it. */
export type TradevestValidationError = z.infer<
  typeof tradevestValidationErrorSchema
>;
/** Body of `/customer-notification` (CUSTOMER_NOTIFICATION). */
export type TradevestCustomerNotification = z.infer<
  typeof schemas.customerNotificationSchema
>;
/** Body of `/natural-person-notification` (NATURAL_PERSON_NOTIFICATION). */
export type TradevestNaturalPersonNotification = z.infer<
  typeof schemas.naturalPersonNotificationSchema
>;
/** Body of `/identification-verification-notification`. */
export type TradevestIdentificationVerificationNotification = z.infer<
  typeof schemas.identificationVerificationNotificationSchema
>;
/** Body of `/labels-update-notification`: no object id, no time. */
export type TradevestLabelsUpdateNotification = z.infer<
  typeof schemas.labelsUpdateNotificationSchema
>;
/** Body of `/onboarding-notification` (note `validationErrors`, a list). */
export type TradevestOnboardingNotification = z.infer<
  typeof schemas.onboardingNotificationSchema
>;
/** Body of `/proxy-notification`. */
export type TradevestProxyNotification = z.infer<
  typeof schemas.proxyNotificationSchema
>;
/** Body of `/beneficial-owner-notification`. */
export type TradevestBeneficialOwnerNotification = z.infer<
  typeof schemas.beneficialOwnerNotificationSchema
>;
/** Body of `/partner-document-notification`. */
export type TradevestPartnerDocumentNotification = z.infer<
  typeof schemas.partnerDocumentNotificationSchema
>;
/** Body of `/document-notification`. */
export type TradevestDocumentNotification = z.infer<
  typeof schemas.documentNotificationSchema
>;
/** Body of `/customer-product-notification`. */
export type TradevestCustomerProductNotification = z.infer<
  typeof schemas.customerProductNotificationSchema
>;
/** Body of `/legal-entity-search-notification`. */
export type TradevestLegalEntitySearchNotification = z.infer<
  typeof schemas.legalEntitySearchNotificationSchema
>;
/** Body of `/strategy-notification`. */
export type TradevestStrategyNotification = z.infer<
  typeof schemas.strategyNotificationSchema
>;
/** Body of `/transfer-notification`. */
export type TradevestTransferNotification = z.infer<
  typeof schemas.transferNotificationSchema
>;
/** Body of `/digital-asset-order-notification`; `executionData` numbers are decimal strings. */
export type TradevestDigitalAssetOrderNotification = z.infer<
  typeof schemas.digitalAssetOrderNotificationSchema
>;
/** Body of `/traditional-asset-order-notification`. */
export type TradevestTraditionalAssetOrderNotification = z.infer<
  typeof schemas.traditionalAssetOrderNotificationSchema
>;
/** Body of `/user-notification`. */
export type TradevestUserNotification = z.infer<
  typeof schemas.userNotificationSchema
>;
/** Body of `/re-token-prices`: both prices as exact decimal strings (`"1.05"`). */
export type TradevestReTokenPrices = z.infer<
  typeof schemas.reTokenPricesSchema
>;
/** Body of `/offboarding-notification`. */
export type TradevestOffboardingNotification = z.infer<
  typeof schemas.offboardingNotificationSchema
>;
/** Body of `/legal-entity-notification` (unpublished; tolerant). */
export type TradevestLegalEntityNotification = z.infer<
  typeof tolerant.legalEntityNotificationSchema
>;
/** Body of `/legal-representative-notification` (unpublished; tolerant). */
export type TradevestLegalRepresentativeNotification = z.infer<
  typeof tolerant.legalRepresentativeNotificationSchema
>;
/** Body of `/partner-notification` (unpublished; tolerant). */
export type TradevestPartnerNotification = z.infer<
  typeof tolerant.partnerNotificationSchema
>;
/** Body of `/joint-person-notification` (unpublished; tolerant). */
export type TradevestJointPersonNotification = z.infer<
  typeof tolerant.jointPersonNotificationSchema
>;
/** Body of `/tax-exemption-order-notification` (unpublished; tolerant). */
export type TradevestTaxExemptionOrderNotification = z.infer<
  typeof tolerant.taxExemptionOrderNotificationSchema
>;
/** Body of `/corporate-action-notification` (unpublished; tolerant). */
export type TradevestCorporateActionNotification = z.infer<
  typeof tolerant.corporateActionNotificationSchema
>;
/** Body of `/savings-plans-notification` (unpublished; tolerant). */
export type TradevestSavingsPlansNotification = z.infer<
  typeof tolerant.savingsPlansNotificationSchema
>;
/** Body of `/tokenized-asset-order-notification` (unpublished; tolerant). */
export type TradevestTokenizedAssetOrderNotification = z.infer<
  typeof tolerant.tokenizedAssetOrderNotificationSchema
>;
