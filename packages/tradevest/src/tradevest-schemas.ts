// Limited version of Tradevest's notification schemas, focused on what the
// mapping reads and what users obviously need (ids, status, modifiedOn,
// notificationType, validation errors). Unknown keys are kept. Required
// where the Partner Webhooks page says "Required", `z.nullish` otherwise.
// `notificationType` is an open enum: CREATED, UPDATED, VALIDATION_ERROR,
// and STARTED on onboarding/offboarding.
import * as z from 'zod/mini';
import {
  tradevestDecimalSchema as decimal,
  tradevestIdSchema as id,
  tradevestValidationErrorSchema as validationError,
} from './tradevest-common-schemas';

const optionalFields = {
  modifiedOn: z.nullish(z.string()),
  status: z.nullish(z.string()),
  notificationType: z.string(),
  validationError: z.nullish(validationError),
};

const requiredStatusFields = {
  modifiedOn: z.string(),
  status: z.string(),
  notificationType: z.string(),
  validationError: z.nullish(validationError),
};

export const customerNotificationSchema = z.looseObject({
  customerId: id,
  ...optionalFields,
});

export const naturalPersonNotificationSchema = z.looseObject({
  naturalPersonId: id,
  ...optionalFields,
});

export const identificationVerificationNotificationSchema = z.looseObject({
  identificationVerificationId: id,
  naturalPersonId: z.string(),
  ...requiredStatusFields,
});

export const labelsUpdateNotificationSchema = z.looseObject({
  updatedCustomers: z.nullish(z.array(z.string())),
  notificationType: z.string(),
  validationError: z.nullish(validationError),
});

export const onboardingNotificationSchema = z.looseObject({
  onboardingId: id,
  ...requiredStatusFields,
  // Onboarding reports a list: the detailed reasons are only sent here.
  validationErrors: z.nullish(z.array(validationError)),
});

export const proxyNotificationSchema = z.looseObject({
  proxyId: id,
  ...optionalFields,
});

export const beneficialOwnerNotificationSchema = z.looseObject({
  beneficialOwnerId: id,
  ...optionalFields,
});

export const partnerDocumentNotificationSchema = z.looseObject({
  documentId: id,
  modifiedOn: z.string(),
});

export const documentNotificationSchema = z.looseObject({
  documentId: id,
  ...requiredStatusFields,
});

export const customerProductNotificationSchema = z.looseObject({
  customerId: z.string(),
  customerProductId: id,
  ...optionalFields,
});

export const legalEntitySearchNotificationSchema = z.looseObject({
  searchId: id,
  modifiedOn: z.string(),
  status: z.string(),
});

export const strategyNotificationSchema = z.looseObject({
  strategyId: id,
  subscriberId: z.nullish(z.string()),
  ...optionalFields,
});

export const transferNotificationSchema = z.looseObject({
  customerId: z.string(),
  customerProductId: z.string(),
  transferId: id,
  ...optionalFields,
});

const orderFields = {
  orderId: id,
  customerProductId: z.string(),
  externalId: z.string(),
  status: z.string(),
  notificationType: z.string(),
  validationError: z.nullish(validationError),
};

export const digitalAssetOrderNotificationSchema = z.looseObject({
  ...orderFields,
  quoteId: z.nullish(z.string()),
  executionData: z.nullish(
    z.looseObject({
      quantity: z.nullish(decimal),
      executionPrice: z.nullish(decimal),
      executionAmount: z.nullish(decimal),
    }),
  ),
});

export const traditionalAssetOrderNotificationSchema =
  z.looseObject(orderFields);

export const userNotificationSchema = z.looseObject({
  userId: id,
  ...optionalFields,
});

export const reTokenPricesSchema = z.looseObject({
  regularToken: decimal,
  premiumToken: decimal,
});

export const offboardingNotificationSchema = z.looseObject({
  offboardingId: id,
  ...requiredStatusFields,
});
