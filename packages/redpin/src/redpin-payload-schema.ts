import * as z from 'zod/mini';
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
  event_id: z.string().check(z.minLength(1)),
  event_type: z.string(),
  version: z.string().check(z.minLength(1)),
  event_timestamp: z.string().check(z.minLength(1)),
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
  TEnvelope extends z.ZodMiniType,
  TFlat extends z.ZodMiniType,
  TOutput,
>(options: {
  envelope: TEnvelope;
  flat: TFlat;
  normalize: (
    payload: RedpinNativePayload<z.output<TEnvelope>, z.output<TFlat>>,
    raw: unknown,
  ) => TOutput;
}) {
  return z.pipe(
    z.unknown(),
    z.transform((input, context): TOutput => {
      const generation = redpinGeneration(input);
      // A flat body that fits several types (or none) is quarantined, not
      // guessed: its native type is only a label.
      const ambiguity = redpinAmbiguity(input);
      if (ambiguity !== undefined)
        context.issues.push({
          code: 'custom',
          path: [],
          message: ambiguity,
          input,
        });
      const schema =
        generation === 'envelope' ? options.envelope : options.flat;
      // `reportInput` keeps what the messages need; the chosen schema's
      // issues are handed on raw, so the caller's parse words them.
      const result = z.safeParse(schema, input, { reportInput: true });
      if (!result.success) {
        for (const issue of result.error.issues)
          context.issues.push(rawIssue(issue));
        return z.NEVER;
      }
      if (ambiguity !== undefined) return z.NEVER;
      const payload = {
        generation,
        native: result.data,
      } as RedpinNativePayload<z.output<TEnvelope>, z.output<TFlat>>;
      return options.normalize(payload, input);
    }),
  );
}

/**
 * An issue of the inner parse, as an issue still to be worded: without the
 * message that parse gave it (zod's global configuration, which finhooks
 * leaves alone), so the outer parse words it with the caller's messages
 * (core's readable English). A custom issue keeps its own message.
 */
function rawIssue(issue: z.core.$ZodIssue): z.core.$ZodRawIssue {
  if (issue.code === 'custom') return { ...issue } as z.core.$ZodRawIssue;
  const { message: _message, ...rest } = issue;
  return rest as z.core.$ZodRawIssue;
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
