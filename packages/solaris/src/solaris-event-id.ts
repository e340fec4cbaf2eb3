import { deterministicEventId, type RawWebhookRequest } from '@finhooks/core';
import {
  entityIdHeader,
  headerValue,
  webhookIdHeader,
} from './solaris-headers';

/** `Solaris-Webhook-Id`, the notification id, when Solaris sends it. */
export function solarisWebhookId(
  request: RawWebhookRequest,
): string | undefined {
  return headerValue(request, webhookIdHeader);
}

/**
 * The fallback id when `Solaris-Webhook-Id` is absent: core's
 * `deterministicEventId('solaris', nativeType, input)` where input is the
 * UTF-8 `Solaris-Entity-Id` (empty when absent), a newline, then the raw
 * body bytes. The entity id must be in it: header-only events of different
 * persons all have the body `{}` and would otherwise share one id, and
 * deduplication would drop authentic events.
 */
export function solarisFallbackEventId(
  request: RawWebhookRequest,
  nativeType: string,
): Promise<string> {
  const prefix = new TextEncoder().encode(
    `${headerValue(request, entityIdHeader) ?? ''}\n`,
  );
  const input = new Uint8Array(prefix.length + request.body.length);
  input.set(prefix, 0);
  input.set(request.body, prefix.length);
  return deterministicEventId('solaris', nativeType, input);
}
