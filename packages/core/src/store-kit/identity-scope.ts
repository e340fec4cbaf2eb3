import type { AnyWebhookEventV1 } from '../envelope/v1/webhook-event-v1';

/**
 * The scope in which an event's dedup key is compared (for store authors).
 * `provider_id`/`signed_material`: the key itself, within the provider.
 * `content`: the provider, native type and subject, whose *latest* event
 * alone a delivery can repeat.
 */
export function identityScope(event: AnyWebhookEventV1): string {
  const { identity } = event;
  if (identity.source !== 'content')
    return `key\u0000${event.provider}\u0000${identity.key}`;
  return [
    'latest',
    event.provider,
    event.nativeType,
    event.subject?.type ?? '',
    event.subject?.id ?? '',
  ].join('\u0000');
}

/**
 * The n-th id of a dedup key (for store authors): the key itself first,
 * then `<key>.2`, `<key>.3`… for later events with the same content key.
 */
export function nthEventId(key: string, n: number): string {
  return n <= 1 ? key : `${key}.${n}`;
}
