import {
  defineWebhookEvent,
  type WebhookDescribeContext,
  type WebhookSubjectV1,
} from '@finhooks/core';
import { z } from 'zod';
import { entityIdHeader, headerValue } from './solaris-headers';
import { subjectOf } from './solaris-values';

/**
 * Events whose only identifier is the `Solaris-Entity-Id` header; their
 * body is empty or `{}` (an empty body is read as `{}`).
 */
export const headerOnlyEventTypes: ReadonlySet<string> = new Set([
  'PERSON_CHANGED',
  'PERSON_DELETED',
  'PERSON_MOBILE_NUMBER_CREATED',
  'BUSINESS_CHANGED',
  'BUSINESS_DELETED',
]);

// Limited version of the schema: these bodies carry nothing, but unknown
// keys are kept should Solaris start sending some.
const solarisHeaderOnlySchema = z.looseObject({});

/** The body of a header-only event: `{}`. */
export type SolarisHeaderOnlyPayload = z.infer<typeof solarisHeaderOnlySchema>;

function entitySubject(
  type: 'person' | 'business',
  { request }: WebhookDescribeContext,
): { subject?: WebhookSubjectV1 } {
  const subject = subjectOf(type, headerValue(request, entityIdHeader));
  return subject === undefined ? {} : { subject };
}

export const solarisHeaderOnlyEvents = {
  PERSON_CHANGED: defineWebhookEvent({
    type: 'person.updated',
    schema: solarisHeaderOnlySchema,
    describe: (_data, context) => entitySubject('person', context),
  }),
  /** GDPR: the application must delete all data of this person at once. */
  PERSON_DELETED: defineWebhookEvent({
    type: 'person.deleted',
    schema: solarisHeaderOnlySchema,
    describe: (_data, context) => entitySubject('person', context),
  }),
  PERSON_MOBILE_NUMBER_CREATED: defineWebhookEvent({
    type: 'mobile_number.created',
    schema: solarisHeaderOnlySchema,
    describe: (_data, context) => entitySubject('person', context),
  }),
  BUSINESS_CHANGED: defineWebhookEvent({
    type: 'business.updated',
    schema: solarisHeaderOnlySchema,
    describe: (_data, context) => entitySubject('business', context),
  }),
  /** The application must delete all data of this business at once. */
  BUSINESS_DELETED: defineWebhookEvent({
    type: 'business.deleted',
    schema: solarisHeaderOnlySchema,
    describe: (_data, context) => entitySubject('business', context),
  }),
};
