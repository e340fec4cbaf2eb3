import type * as z from 'zod/v4/core';
import type {
  UnknownWebhookEventV1,
  WebhookEventV1,
  WebhookSubjectV1,
} from '../../envelope/v1/webhook-event-v1';
import type {
  NormalizedStatusDecision,
  NormalizedStatusV1,
} from '../../envelope/v1/normalized-status-v1';
import type { RawWebhookRequest } from './raw-webhook-request';

/** What an event's payload says beyond its type (all optional). */
export interface WebhookEventFacts {
  subject?: WebhookSubjectV1 | undefined;
  /** The resource's new status, as the provider spells it. */
  status?: string | null | undefined;
  /**
   * What it means (docs/vocabulary.md); `'unmapped'` for a value the
   * vocabulary cannot express. Where the event type names the new state
   * (a "declined" event), the type decides, whatever the payload says.
   */
  normalizedStatus?: NormalizedStatusDecision | undefined;
  /** A provider time (ISO-8601, date, or unix seconds); normalized to ISO. */
  occurredAt?: string | number | null | undefined;
  livemode?: boolean | undefined;
  account?: string | null | undefined;
}

/** Context handed to `describe`. */
export interface WebhookDescribeContext {
  request: RawWebhookRequest;
  nativeType: string;
}

/**
 * One native event type: its normalized type, the zod schema of its payload
 * and how to read subject, status and time from it.
 */
export interface WebhookEventDefinition<
  TType extends string = string,
  TSchema extends z.$ZodType = z.$ZodType,
> {
  /** Normalized `<resource>.<action>` (docs/vocabulary.md). */
  type: TType;
  schema: TSchema;
  /**
   * The subject's type, when docs/vocabulary.md names an exception to
   * its rule: by default the resource the normalized type names (the
   * noun of `type`). Documents the catalogue.
   */
  subjectType?: string;
  /**
   * Decisions for every status value the provider documents for this
   * type: provider spelling → normalized status, or `'unmapped'`. A
   * `status` from `describe` is looked up here when `describe` gives no
   * `normalizedStatus`; an undocumented value is left unmapped, with a
   * warning.
   */
  statuses?: Readonly<Record<string, NormalizedStatusDecision>>;
  /**
   * The normalized status the type itself names (a "declined" event is
   * `failed` whatever its payload says): it wins over `statuses`.
   */
  normalizedStatus?: NormalizedStatusV1;
  // Method syntax on purpose: its parameter is bivariant, so a catalogue of
  // specific definitions still satisfies `WebhookEventDefinitions`.
  describe?(
    data: z.output<TSchema>,
    context: WebhookDescribeContext,
  ): WebhookEventFacts;
}

/** Native type → definition, as an adapter declares its catalogue. */
export type WebhookEventDefinitions = Record<
  string,
  WebhookEventDefinition<string, z.$ZodType>
>;

/**
 * Keeps the literal `type` and the schema type of one definition; use it
 * for each entry of an adapter's catalogue.
 */
export function defineWebhookEvent<
  const TType extends string,
  TSchema extends z.$ZodType,
>(
  definition: WebhookEventDefinition<TType, TSchema>,
): WebhookEventDefinition<TType, TSchema> {
  return definition;
}

/**
 * A payload type without the index signatures of tolerant
 * (`z.looseObject`) schemas: unknown keys are still kept at runtime, but a
 * misspelled field (`data.amount.valeu`) does not compile.
 */
export type KnownFields<T> = T extends readonly unknown[]
  ? { [I in keyof T]: KnownFields<T[I]> }
  : T extends object
    ? {
        [
          K in keyof T as string extends K
            ? never
            : number extends K
              ? never
              : K
        ]: KnownFields<T[K]>;
      }
    : T;

/**
 * The event union of a catalogue: one member per native type with `data`
 * typed by its schema, plus the provider's unknown-event member.
 */
export type WebhookEventsOf<
  TProvider extends string,
  TDefinitions extends WebhookEventDefinitions,
> =
  | {
      [K in keyof TDefinitions & string]: WebhookEventV1<
        TProvider,
        K,
        TDefinitions[K]['type'],
        KnownFields<z.output<TDefinitions[K]['schema']>>
      >;
    }[keyof TDefinitions & string]
  | UnknownWebhookEventV1<TProvider>;

/**
 * One native type of an adapter's catalogue, for docs and checks. Where
 * the provider documents each type is not part of it (that text would
 * ship in every bundle): adapters export it as `<provider>EventReferences`.
 */
export interface WebhookCatalogueEntryV1 {
  nativeType: string;
  type: string;
  /**
   * `defineWebhookAdapter` always sets it: the definition's `subjectType`,
   * else the noun of `type`.
   */
  subjectType?: string;
  statuses?: Readonly<Record<string, NormalizedStatusDecision>>;
  normalizedStatus?: NormalizedStatusV1;
}
