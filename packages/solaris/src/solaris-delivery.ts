import type {
  RawWebhookRequest,
  WebhookDeliveryFacts,
  WebhookDeliveryV1,
} from '@finhooks/core';
import {
  attemptHeader,
  entityIdHeader,
  headerValue,
  subscriptionIdHeader,
} from './solaris-headers';

/**
 * Transport facts kept on every event: the attempt counter and the
 * `Solaris-Entity-Id` / `Solaris-Webhook-Subscription-Id` headers (the
 * entity id is the only identifier of header-only events and the tax
 * identification id of `*_TAX_IDENTIFICATION_CHANGED`).
 */
export function describeSolarisDelivery(
  request: RawWebhookRequest,
): WebhookDeliveryFacts {
  const delivery: WebhookDeliveryV1 = {};
  const attempt = Number(headerValue(request, attemptHeader));
  if (Number.isSafeInteger(attempt) && attempt >= 0) delivery.attempt = attempt;
  const headers: Record<string, string> = {};
  for (const name of [entityIdHeader, subscriptionIdHeader]) {
    const value = headerValue(request, name);
    if (value !== undefined) headers[name] = value;
  }
  if (Object.keys(headers).length > 0) delivery.headers = headers;
  return { delivery };
}
