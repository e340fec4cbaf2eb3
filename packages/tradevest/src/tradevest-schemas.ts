// Limited version of Tradevest's notification schemas, focused on what the
// mapping reads and what users obviously need (ids, status, modifiedOn,
// notificationType, validation errors). Unknown keys are kept. Required
// where the Partner Webhooks page says "Required", `.nullish()` otherwise.
// `notificationType` is an open enum: CREATED, UPDATED, VALIDATION_ERROR,
// and STARTED on onboarding/offboarding.
import { z } from 'zod';
import {
  tradevestDecimalSchema as decimal,
  tradevestIdSchema as id,
  tradevestValidationErrorSchema as validationError,
} from './tradevest-common-schemas';

const optionalFields = {
  modifiedOn: z.string().nullish(),
  status: z.string().nullish(),
  notificationType: z.string(),
  validationError: validationError.nullish(),
};

const requiredStatusFields = {
  modifiedOn: z.string(),
  status: z.string(),
  notificationType: z.string(),
  validationError: validationError.nullish(),
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
  updatedCustomers: z.array(z.string()).nullish(),
  notificationType: z.string(),
  validationError: validationError.nullish(),
});

export const onboardingNotificationSchema = z.looseObject({
  onboardingId: id,
  ...requiredStatusFields,
  // Onboarding reports a list: the detailed reasons are only sent here.
  validationErrors: z.array(validationError).nullish(),
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
  subscriberId: z.string().nullish(),
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
  validationError: validationError.nullish(),
};

export const digitalAssetOrderNotificationSchema = z.looseObject({
  ...orderFields,
  quoteId: z.string().nullish(),
  executionData: z
    .looseObject({
      quantity: decimal.nullish(),
      executionPrice: decimal.nullish(),
      executionAmount: decimal.nullish(),
    })
    .nullish(),
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
