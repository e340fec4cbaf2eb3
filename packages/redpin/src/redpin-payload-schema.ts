import { z } from 'zod';
import {
  redpinAmbiguity,
  redpinGeneration,
  type RedpinGeneration,
} from './redpin-native-type';

/**
 * Fields every envelope-generation body carries around `data` (each type
 * adds its `data` schema). Redpin marks all of them required: a body
 * missing one is quarantined with an issue, never passed half-read. An
 * undocumented `version` is a warning (see `describeRedpinDelivery`), an
 * unparseable `event_timestamp` too (core leaves `occurredAt` unset).
 */
export const redpinEnvelopeShape = {
  event_id: z.string().min(1),
  event_type: z.string(),
  version: z.string().min(1),
  event_timestamp: z.string().min(1),
};

/** One validated body, tagged with the generation it was read as. */
export type RedpinNativePayload<TEnvelope, TFlat> =
  | { generation: 'envelope'; native: TEnvelope }
  | { generation: 'flat'; native: TFlat };

/** The facts both generations share, in their normalized place. */
export interface RedpinCommonFields {
  /** Which payload generation Redpin sent. */
  generation: RedpinGeneration;
  /** The envelope's `version` (`"v1.0.0"`); null for the flat format. */
  version: string | null;
  /** Redpin's `event_id`, as sent; null where Redpin sends none. */
  event_id: string | null;
  /** Redpin's `event_timestamp` (ISO 8601), as sent; null where absent. */
  event_timestamp: string | null;
}

/**
 * The schema of one native type: the two generations' schemas, chosen by
 * `redpinGeneration` (a body with `event_type` is the envelope), then a
 * transform to ONE normalized shape. Choosing before validating, rather
 * than trying a `z.union`, keeps the validation issues of a drifted
 * payload precise (`data.payment_id: expected string`) for quarantine.
 */
export function redpinPayloadSchema<
  TEnvelope extends z.ZodType,
  TFlat extends z.ZodType,
  TOutput,
>(options: {
  envelope: TEnvelope;
  flat: TFlat;
  normalize: (
    payload: RedpinNativePayload<z.output<TEnvelope>, z.output<TFlat>>,
    raw: unknown,
  ) => TOutput;
}) {
  return z.unknown().transform((input, context): TOutput => {
    const generation = redpinGeneration(input);
    // A flat body that fits several types (or none) is quarantined, not
    // guessed: its native type is only a label.
    const ambiguity = redpinAmbiguity(input);
    if (ambiguity !== undefined)
      context.addIssue({ code: 'custom', path: [], message: ambiguity, input });
    const schema = generation === 'envelope' ? options.envelope : options.flat;
    const result = schema.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) context.addIssue({ ...issue });
      return z.NEVER;
    }
    if (ambiguity !== undefined) return z.NEVER;
    const payload = { generation, native: result.data } as RedpinNativePayload<
      z.output<TEnvelope>,
      z.output<TFlat>
    >;
    return options.normalize(payload, input);
  });
}

/** `event_id`/`version`/`event_timestamp` of either generation. */
export function redpinCommonFields(
  payload: RedpinNativePayload<
    { event_id: string; version: string; event_timestamp: string },
    { event_id?: string | null; event_timestamp?: string | null }
  >,
): RedpinCommonFields {
  const { native } = payload;
  return {
    generation: payload.generation,
    version: payload.generation === 'envelope' ? payload.native.version : null,
    event_id: native.event_id ?? null,
    event_timestamp: native.event_timestamp ?? null,
  };
}
