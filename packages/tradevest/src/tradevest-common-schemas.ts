import * as z from 'zod/mini';

/**
 * An exact decimal number as text (`"12.50"`, `"-0.025"`). The adapter turns
 * every JSON number of a Tradevest body into this form, see
 * `tradevest-exact-numbers.ts`.
 */
export const tradevestDecimalSchema = z
  .string()
  .check(z.regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number'));

/** A required object id: empty would make an unusable subject. */
export const tradevestIdSchema = z.string().check(z.minLength(1));

/** Why Tradevest could not process the object (`notificationType: VALIDATION_ERROR`). */
export const tradevestValidationErrorSchema = z.looseObject({
  /** `ALREADY_EXISTS_ERROR`, `INSUFFICIENT_BALANCE`, … (open enum). */
  errorType: z.nullish(z.string()),
  description: z.nullish(z.string()),
});

/**
 * Fields every notification may carry, all optional: the tolerant base of
 * the types Tradevest has published no example for.
 */
export const tradevestTolerantNotificationFields = {
  modifiedOn: z.nullish(z.string()),
  status: z.nullish(z.string()),
  notificationType: z.nullish(z.string()),
  validationError: z.nullish(tradevestValidationErrorSchema),
};
