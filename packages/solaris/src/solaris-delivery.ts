import type {
  RawWebhookRequest,
  WebhookDeliveryFacts,
  WebhookDeliveryV1,
} from '@finhooks/core';
import { headerOnlySubjectType } from './solaris-header-only-events';
import {
  attemptHeader,
  entityIdHeader,
  eventTypeHeader,
  headerValue,
  subscriptionIdHeader,
  webhookIdHeader,
} from './solaris-headers';
import { subjectOf } from './solaris-values';

/**
 * Transport facts kept on every event: the attempt counter and the
 * unsigned `Solaris-Entity-Id`, `Solaris-Webhook-Id` and
 * `Solaris-Webhook-Subscription-Id` headers, recorded as facts only (the
 * webhook id is not the dedup key: Solaris does not sign it).
 *
 * Header-only events (`PERSON_DELETED`…) name their entity only in
 * `Solaris-Entity-Id`: it becomes the subject, marked as read from that
 * unsigned header (`authenticity.subject === false`).
 */
export function describeSolarisDelivery(
  request: RawWebhookRequest,
): WebhookDeliveryFacts {
  const delivery: WebhookDeliveryV1 = {};
  const attempt = Number(headerValue(request, attemptHeader));
  if (Number.isSafeInteger(attempt) && attempt >= 0) delivery.attempt = attempt;
  const headers: Record<string, string> = {};
  for (const name of [entityIdHeader, webhookIdHeader, subscriptionIdHeader]) {
    const value = headerValue(request, name);
    if (value !== undefined) headers[name] = value;
  }
  if (Object.keys(headers).length > 0) delivery.headers = headers;

  const subjectType = headerOnlySubjectType(
    headerValue(request, eventTypeHeader) ?? '',
  );
  const subject =
    subjectType === undefined
      ? undefined
      : subjectOf(subjectType, headerValue(request, entityIdHeader));
  return subject === undefined
    ? { delivery }
    : { delivery, subject, subjectFrom: `header:${entityIdHeader}` };
}
