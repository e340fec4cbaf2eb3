import {
  MissingHeaderError,
  defineWebhookEvent,
  type WebhookDescribeContext,
  type WebhookEventFacts,
  type KnownFields,
} from '@finhooks/core';
import * as z from 'zod/mini';
import { entityIdHeader, headerValue } from './solaris-headers';
import { solarisId } from './solaris-values';

/**
 * Events whose only identifier is the `Solaris-Entity-Id` header, with the
 * subject type it names; their body is empty or `{}` (an empty body is
 * read as `{}`).
 */
const headerOnlySubjectTypes: Readonly<Record<string, 'person' | 'business'>> =
  {
    PERSON_CHANGED: 'person',
    PERSON_DELETED: 'person',
    PERSON_MOBILE_NUMBER_CREATED: 'person',
    BUSINESS_CHANGED: 'business',
    BUSINESS_DELETED: 'business',
  };

/** The header-only event types (`PERSON_CHANGED`…). */
export const headerOnlyEventTypes: ReadonlySet<string> = new Set(
  Object.keys(headerOnlySubjectTypes),
);

/** The subject type a header-only event names, else `undefined`. */
export function headerOnlySubjectType(
  eventType: string,
): 'person' | 'business' | undefined {
  return Object.hasOwn(headerOnlySubjectTypes, eventType)
    ? headerOnlySubjectTypes[eventType]
    : undefined;
}

// Limited version of the schema: these bodies carry nothing, but unknown
// keys are kept should Solaris start sending some.
const solarisHeaderOnlySchema = z.looseObject({});

/** The body of a header-only event: `{}`. */
export type SolarisHeaderOnlyPayload = KnownFields<
  z.output<typeof solarisHeaderOnlySchema>
>;

/**
 * The subject itself is set from the transport (`describeSolarisDelivery`,
 * marked as read from the unsigned header). Without `Solaris-Entity-Id`
 * the event names nothing: it is refused into quarantine (`kind:
 * 'invalid'`) rather than delivered as valid with no subject.
 */
function requireEntityId({
  request,
  nativeType,
}: WebhookDescribeContext): WebhookEventFacts {
  if (solarisId(headerValue(request, entityIdHeader)) === undefined) {
    throw new MissingHeaderError({
      provider: 'solaris',
      header: entityIdHeader,
      httpStatus: 400,
      message: `The Solaris-Entity-Id header is missing: a ${nativeType} notification names its ${headerOnlySubjectType(nativeType) ?? 'entity'} only there, so this event has no subject.`,
    });
  }
  return {};
}

export const solarisHeaderOnlyEvents = {
  PERSON_CHANGED: defineWebhookEvent({
    type: 'person.updated',
    schema: solarisHeaderOnlySchema,
    describe: (_data, context) => requireEntityId(context),
  }),
  /**
   * GDPR: the application must delete all data of this person at once,
   * after confirming the deletion through the Solaris API (the subject
   * comes from an unsigned header).
   */
  PERSON_DELETED: defineWebhookEvent({
    type: 'person.deleted',
    schema: solarisHeaderOnlySchema,
    describe: (_data, context) => requireEntityId(context),
  }),
  /**
   * A mobile number was added to the person; only the person is named
   * (in the header), so the event is about the person.
   */
  PERSON_MOBILE_NUMBER_CREATED: defineWebhookEvent({
    type: 'person.updated',
    schema: solarisHeaderOnlySchema,
    describe: (_data, context) => requireEntityId(context),
  }),
  BUSINESS_CHANGED: defineWebhookEvent({
    type: 'business.updated',
    schema: solarisHeaderOnlySchema,
    describe: (_data, context) => requireEntityId(context),
  }),
  /**
   * The application must delete all data of this business at once, after
   * confirming the deletion through the Solaris API.
   */
  BUSINESS_DELETED: defineWebhookEvent({
    type: 'business.deleted',
    schema: solarisHeaderOnlySchema,
    describe: (_data, context) => requireEntityId(context),
  }),
};
