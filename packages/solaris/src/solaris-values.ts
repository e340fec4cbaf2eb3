import { safeParseJson, type WebhookSubjectV1 } from '@finhooks/core';
import * as z from 'zod/mini';

/**
 * Solaris money object: integer minor units (`unit` is `cents`), kept
 * exactly as sent. Some examples omit `unit`.
 */
/**
 * An optional field that may be `null`. Schemas are immutable, so one
 * instance serves every such field (fewer objects built at start-up).
 */
export const nullishString = z.nullish(z.string());

export const solarisMoneySchema = z.looseObject({
  value: z.int(),
  unit: nullishString,
  currency: z.string(),
});

/** An optional money object that may be `null`. */
export const nullishMoney = z.nullish(solarisMoneySchema);

/**
 * Several official examples send a missing id as the string `"null"`
 * (`business_id: "null"`); read such ids as absent.
 */
export function solarisId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const id = value.trim();
  return id === '' || id === 'null' ? undefined : id;
}

/** A subject when the id is real (not missing, blank or `"null"`). */
export function subjectOf(
  type: string,
  id: unknown,
): WebhookSubjectV1 | undefined {
  const subjectId = solarisId(id);
  return subjectId === undefined ? undefined : { type, id: subjectId };
}

/** The first subject whose id is real, in order of preference. */
export function firstSubject(
  ...candidates: readonly (readonly [string, unknown])[]
): WebhookSubjectV1 | undefined {
  for (const [type, id] of candidates) {
    const subject = subjectOf(type, id);
    if (subject !== undefined) return subject;
  }
  return undefined;
}

/**
 * The parsed view of a payload's `meta_info`. Solaris sends it as a
 * JSON-serialised string on `BOOKING` and `CARD_AUTHORIZATION` and as an
 * object on `CARD_AUTHORIZATION_RESOLUTION`; the payload keeps it exactly
 * as sent. Returns `undefined` when there is none or the string is not
 * JSON. Never throws.
 */
export function parseSolarisMetaInfo(data: unknown): unknown {
  if (data === null || typeof data !== 'object') return undefined;
  const metaInfo = (data as { meta_info?: unknown }).meta_info;
  if (metaInfo === undefined || metaInfo === null) return undefined;
  if (typeof metaInfo !== 'string') return metaInfo;
  try {
    // safeParseJson also drops prototype-polluting keys.
    return safeParseJson(metaInfo);
  } catch {
    return undefined;
  }
}
