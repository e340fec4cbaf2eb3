import type { RawWebhookRequest } from '@finhooks/core';

// Solaris header names. `Headers` lookups are case-insensitive, so the
// older docs' SOLARIS-WEBHOOK-EVENT-TYPE spelling matches too.
export const eventTypeHeader = 'solaris-webhook-event-type';
export const signatureHeader = 'solaris-webhook-signature';
export const webhookIdHeader = 'solaris-webhook-id';
export const entityIdHeader = 'solaris-entity-id';
export const subscriptionIdHeader = 'solaris-webhook-subscription-id';
export const attemptHeader = 'solaris-webhook-attempt';

/** The event type Solaris sends when it checks a new subscription's URL. */
export const subscriptionCheckType = 'WEBHOOK-SUBSCRIPTION';

/** A header's trimmed value, or undefined when absent or blank. */
export function headerValue(
  request: RawWebhookRequest,
  name: string,
): string | undefined {
  const value = request.headers.get(name)?.trim();
  return value === undefined || value === '' ? undefined : value;
}
