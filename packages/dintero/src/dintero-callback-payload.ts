import {
  safeParseJson,
  type RawWebhookRequest,
  type WebhookWarningV1,
} from '@finhooks/core';
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
 * `data` keeps the first value of each query parameter; a warning names
 * the parameters sent more than once, so their other (signed) values are
 * not dropped in silence. They stay in the stored URL and in the identity.
 */
export function dinteroRepeatedQueryWarning(
  request: RawWebhookRequest,
): WebhookWarningV1 | undefined {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const name of new URL(request.url).searchParams.keys()) {
    if (seen.has(name)) repeated.add(name);
    seen.add(name);
  }
  if (repeated.size === 0) return undefined;
  const names = [...repeated]
    .slice(0, 10)
    .map(name => JSON.stringify(name.slice(0, 64)))
    .join(', ');
  return {
    type: 'compatibility',
    message: `The callback query repeats ${names}: data keeps the first value of each; the others are only in the (signed) URL.`,
  };
}
