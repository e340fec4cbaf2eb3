// Types in EventTypeEnum with no published path or example. Their payloads
// are unknown, so every field is optional and the id field is a guess after
// the pattern of the published ones (`<object>Id`); the subject is set only
// when that field is present.
import * as z from 'zod/mini';
import { tradevestTolerantNotificationFields } from './tradevest-common-schemas';

type OptionalId = z.ZodMiniOptional<z.ZodMiniNullable<z.ZodMiniString>>;

function tolerantNotificationSchema<TIdField extends string>(
  idField: TIdField,
) {
  const idShape = { [idField]: z.nullish(z.string()) } as {
    [K in TIdField]: OptionalId;
  };
  return z.looseObject({ ...idShape, ...tradevestTolerantNotificationFields });
}

export const legalEntityNotificationSchema =
  tolerantNotificationSchema('legalEntityId');
export const legalRepresentativeNotificationSchema = tolerantNotificationSchema(
  'legalRepresentativeId',
);
export const partnerNotificationSchema =
  tolerantNotificationSchema('partnerId');
export const jointPersonNotificationSchema =
  tolerantNotificationSchema('jointPersonId');
export const taxExemptionOrderNotificationSchema = tolerantNotificationSchema(
  'taxExemptionOrderId',
);
export const corporateActionNotificationSchema =
  tolerantNotificationSchema('corporateActionId');
export const savingsPlansNotificationSchema =
  tolerantNotificationSchema('savingsPlanId');
export const tokenizedAssetOrderNotificationSchema =
  tolerantNotificationSchema('orderId');
