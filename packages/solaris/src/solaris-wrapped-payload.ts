import type { KnownFields } from '@finhooks/core';
import * as z from 'zod/mini';
import { nullishString } from './solaris-values';

/**
 * Some lending webhooks wrap the resource: `{ entity_uuid, event_type,
 * payload }`. Solaris says `payload` may arrive JSON-encoded as a string;
 * it is kept as sent.
 */
export const solarisWrappedSchema = z.looseObject({
  entity_uuid: z.string(),
  event_type: nullishString,
  payload: z.nullish(
    z.union([
      z.looseObject({
        id: nullishString,
        status: nullishString,
      }),
      z.string(),
    ]),
  ),
});
/** A wrapped lending payload (`CONSUMER_LOAN_APPLICATION`...). */
export type SolarisWrappedPayload = KnownFields<
  z.output<typeof solarisWrappedSchema>
>;

/** The wrapped resource's status, when `payload` is an object. */
export function wrappedStatus(data: SolarisWrappedPayload): string | undefined {
  const { payload } = data;
  return typeof payload === 'object' && payload !== null
    ? (payload.status ?? undefined)
    : undefined;
}
