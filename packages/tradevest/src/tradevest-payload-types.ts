import type { KnownFields } from '@finhooks/core';
import type * as z from 'zod/mini';
import type { tradevestValidationErrorSchema } from './tradevest-common-schemas';
import type * as schemas from './tradevest-schemas';
import type * as tolerant from './tradevest-tolerant-schemas';

// Native payload types: what `event.data` holds for each native type, and
// exactly what handlers get. Every JSON number arrives as a string with its
// exact decimal text. Keys Tradevest adds are kept at runtime but not typed
// (`KnownFields`), so a misspelt field does not compile.

/** `validationError` of a notification: why Tradevest could not process it. */
export type TradevestValidationError = KnownFields<
  z.output<typeof tradevestValidationErrorSchema>
>;
/** Body of `/customer-notification` (CUSTOMER_NOTIFICATION). */
export type TradevestCustomerNotification = KnownFields<
  z.output<typeof schemas.customerNotificationSchema>
>;
/** Body of `/natural-person-notification` (NATURAL_PERSON_NOTIFICATION). */
export type TradevestNaturalPersonNotification = KnownFields<
  z.output<typeof schemas.naturalPersonNotificationSchema>
>;
/** Body of `/identification-verification-notification`. */
export type TradevestIdentificationVerificationNotification = KnownFields<
  z.output<typeof schemas.identificationVerificationNotificationSchema>
>;
/** Body of `/labels-update-notification`: no object id, no time. */
export type TradevestLabelsUpdateNotification = KnownFields<
  z.output<typeof schemas.labelsUpdateNotificationSchema>
>;
/** Body of `/onboarding-notification` (note `validationErrors`, a list). */
export type TradevestOnboardingNotification = KnownFields<
  z.output<typeof schemas.onboardingNotificationSchema>
>;
/** Body of `/proxy-notification`. */
export type TradevestProxyNotification = KnownFields<
  z.output<typeof schemas.proxyNotificationSchema>
>;
/** Body of `/beneficial-owner-notification`. */
export type TradevestBeneficialOwnerNotification = KnownFields<
  z.output<typeof schemas.beneficialOwnerNotificationSchema>
>;
/** Body of `/partner-document-notification`. */
export type TradevestPartnerDocumentNotification = KnownFields<
  z.output<typeof schemas.partnerDocumentNotificationSchema>
>;
/** Body of `/document-notification`. */
export type TradevestDocumentNotification = KnownFields<
  z.output<typeof schemas.documentNotificationSchema>
>;
/** Body of `/customer-product-notification`. */
export type TradevestCustomerProductNotification = KnownFields<
  z.output<typeof schemas.customerProductNotificationSchema>
>;
/** Body of `/legal-entity-search-notification`. */
export type TradevestLegalEntitySearchNotification = KnownFields<
  z.output<typeof schemas.legalEntitySearchNotificationSchema>
>;
/** Body of `/strategy-notification`. */
export type TradevestStrategyNotification = KnownFields<
  z.output<typeof schemas.strategyNotificationSchema>
>;
/** Body of `/transfer-notification`. */
export type TradevestTransferNotification = KnownFields<
  z.output<typeof schemas.transferNotificationSchema>
>;
/** Body of `/digital-asset-order-notification`; `executionData` numbers are decimal strings. */
export type TradevestDigitalAssetOrderNotification = KnownFields<
  z.output<typeof schemas.digitalAssetOrderNotificationSchema>
>;
/** Body of `/traditional-asset-order-notification`. */
export type TradevestTraditionalAssetOrderNotification = KnownFields<
  z.output<typeof schemas.traditionalAssetOrderNotificationSchema>
>;
/** Body of `/user-notification`. */
export type TradevestUserNotification = KnownFields<
  z.output<typeof schemas.userNotificationSchema>
>;
/** Body of `/re-token-prices`: both prices as exact decimal strings (`"1.05"`). */
export type TradevestReTokenPrices = KnownFields<
  z.output<typeof schemas.reTokenPricesSchema>
>;
/** Body of `/offboarding-notification`. */
export type TradevestOffboardingNotification = KnownFields<
  z.output<typeof schemas.offboardingNotificationSchema>
>;
/** Body of `/legal-entity-notification` (unpublished; tolerant). */
export type TradevestLegalEntityNotification = KnownFields<
  z.output<typeof tolerant.legalEntityNotificationSchema>
>;
/** Body of `/legal-representative-notification` (unpublished; tolerant). */
export type TradevestLegalRepresentativeNotification = KnownFields<
  z.output<typeof tolerant.legalRepresentativeNotificationSchema>
>;
/** Body of `/partner-notification` (unpublished; tolerant). */
export type TradevestPartnerNotification = KnownFields<
  z.output<typeof tolerant.partnerNotificationSchema>
>;
/** Body of `/joint-person-notification` (unpublished; tolerant). */
export type TradevestJointPersonNotification = KnownFields<
  z.output<typeof tolerant.jointPersonNotificationSchema>
>;
/** Body of `/tax-exemption-order-notification` (unpublished; tolerant). */
export type TradevestTaxExemptionOrderNotification = KnownFields<
  z.output<typeof tolerant.taxExemptionOrderNotificationSchema>
>;
/** Body of `/corporate-action-notification` (unpublished; tolerant). */
export type TradevestCorporateActionNotification = KnownFields<
  z.output<typeof tolerant.corporateActionNotificationSchema>
>;
/** Body of `/savings-plans-notification` (unpublished; tolerant). */
export type TradevestSavingsPlansNotification = KnownFields<
  z.output<typeof tolerant.savingsPlansNotificationSchema>
>;
/** Body of `/tokenized-asset-order-notification` (unpublished; tolerant). */
export type TradevestTokenizedAssetOrderNotification = KnownFields<
  z.output<typeof tolerant.tokenizedAssetOrderNotificationSchema>
>;
