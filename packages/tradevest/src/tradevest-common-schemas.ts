import { z } from 'zod';

/**
 * An exact decimal number as text (`"12.50"`, `"-0.025"`). The adapter turns
 * every JSON number of a Tradevest body into this form, see
 * `tradevest-exact-numbers.ts`.
 */
export const tradevestDecimalSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number');

/** A required object id: empty would make an unusable subject. */
export const tradevestIdSchema = z.string().min(1);

/** Why Tradevest could not process the object (`notificationType: VALIDATION_ERROR`). */
export const tradevestValidationErrorSchema = z.looseObject({
  /** `ALREADY_EXISTS_ERROR`, `INSUFFICIENT_BALANCE`, … (open enum). */
  errorType: z.string().nullish(),
  description: z.string().nullish(),
});

/**
 * Fields every notification may carry, all optional: the tolerant base of
 * the types Tradevest has published no example for.
 */
export const tradevestTolerantNotificationFields = {
  modifiedOn: z.string().nullish(),
  status: z.string().nullish(),
  notificationType: z.string().nullish(),
  validationError: tradevestValidationErrorSchema.nullish(),
};
