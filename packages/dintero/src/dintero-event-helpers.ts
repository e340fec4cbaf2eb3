import type { WebhookSubjectV1 } from '@finhooks/core';
import * as z from 'zod/mini';

/** A text field Dintero may omit or send as null. */
export const optionalText = z.nullish(z.string());

/**
 * The envelope every Hooks API event body carries beside its resource:
 * the account, the event name and the delivery id (all signed).
 */
export const hookEnvelopeShape = {
  account_id: optionalText,
  event: optionalText,
  event_delivery: optionalText,
};

/** A resource's own timestamps, where it has them. */
export const timestampsShape = {
  created_at: optionalText,
  updated_at: optionalText,
};

/** The first usable id, as a subject of the given kind. */
export function subjectOf(
  type: string,
  ...ids: (string | null | undefined)[]
): WebhookSubjectV1 | undefined {
  const id = ids.find(
    (candidate): candidate is string =>
      typeof candidate === 'string' && candidate !== '',
  );
  return id === undefined ? undefined : { type, id };
}

/** When a resource last changed: `updated_at`, else `created_at`. */
export function lastChange(
  resource:
    | { created_at?: string | null; updated_at?: string | null }
    | null
    | undefined,
): string | null | undefined {
  return resource?.updated_at ?? resource?.created_at;
}
