import {
  deterministicEventId,
  safeParseJson,
  type RawWebhookRequest,
} from '@finhooks/core';
import { sortedDinteroQuery } from './dintero-callback-signature';
import { dinteroCheckoutCallbackType } from './dintero-checkout-events';
import { dinteroProvider } from './dintero-provider';

/** Where a POST callback's unsigned body is kept in `data`. */
export const dinteroUnverifiedBodyKey = 'unverified_body';

// Keys that would reach Object.prototype if assigned to a plain object.
const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A callback's data: its signed query parameters (first value of each
 * name), plus, for a POST, the JSON body under `unverified_body`. The body
 * never overrides a signed value: a query parameter of that name wins.
 */
export function parseDinteroCallback(
  request: RawWebhookRequest,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, value] of new URL(request.url).searchParams) {
    if (!unsafeKeys.has(name) && !Object.hasOwn(data, name)) data[name] = value;
  }
  if (
    request.body.length > 0 &&
    !Object.hasOwn(data, dinteroUnverifiedBodyKey)
  ) {
    data[dinteroUnverifiedBodyKey] = safeParseJson(request.body, {
      provider: dinteroProvider,
    });
  }
  return data;
}

/**
 * A callback's id: the `event-delivery` header, else core's
 * `deterministicEventId` over the method and sorted (signed) query — hex
 * SHA-256 of `dintero\ncheckout_callback\n<method>\n<sorted query>` — so a
 * retried callback gets the same id even though a GET has no body to hash.
 */
export async function dinteroCallbackEventId(
  request: RawWebhookRequest,
): Promise<string> {
  const delivery = request.headers.get('event-delivery')?.trim();
  if (delivery !== undefined && delivery !== '') return delivery;
  const query = sortedDinteroQuery(new URL(request.url));
  return deterministicEventId(
    dinteroProvider,
    dinteroCheckoutCallbackType,
    new TextEncoder().encode(`${request.method}\n${query}`),
  );
}
