import { z } from 'zod';

/**
 * Some lending webhooks wrap the resource: `{ entity_uuid, event_type,
 * payload }`. Solaris says `payload` may arrive JSON-encoded as a string;
 * it is kept as sent.
 */
export const solarisWrappedSchema = z.looseObject({
  entity_uuid: z.string(),
  event_type: z.string().nullish(),
  payload: z
    .union([
      z.looseObject({
        id: z.string().nullish(),
        status: z.string().nullish(),
      }),
      z.string(),
    ])
    .nullish(),
});
/** A wrapped lending payload (`CONSUMER_LOAN_APPLICATION`...). */
export type SolarisWrappedPayload = z.infer<typeof solarisWrappedSchema>;

/** The wrapped resource's status, when `payload` is an object. */
export function wrappedStatus(data: SolarisWrappedPayload): string | undefined {
  const { payload } = data;
  return typeof payload === 'object' && payload !== null
    ? (payload.status ?? undefined)
    : undefined;
}
