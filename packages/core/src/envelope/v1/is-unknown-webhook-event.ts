import type { UnknownWebhookEventV1, WebhookEventV1 } from './webhook-event-v1';

/** The known events of a union: everything but `<provider>.unknown`. */
export type KnownWebhookEventV1<TEvent extends WebhookEventV1> = Exclude<
  TEvent,
  { type: `${string}.unknown` }
>;

/**
 * True for an event type the adapter does not know yet. Check it first in an
 * `onAny` handler: unknown events carry any `nativeType`, so after this guard
 * narrowing on `nativeType` alone types `data` exactly.
 */
export function isUnknownWebhookEvent<TEvent extends WebhookEventV1>(
  event: TEvent,
): event is Extract<TEvent, UnknownWebhookEventV1> {
  return event.type === `${event.provider}.unknown`;
}
