import type { AnyWebhookEventV1 } from './webhook-event-v1';

/** A CloudEvents 1.0 event in structured JSON mode. */
export interface WebhookCloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  data: unknown;
  /** Extension: the provider's own event name. */
  nativetype: string;
  /** Extension: the provider. */
  provider: string;
}

/**
 * Maps an envelope to a CloudEvents 1.0 structured JSON event:
 * `source` is `/finhooks/<provider>[/<account>]`, `type` is
 * `finhooks.<type>`, `time` is `occurredAt` (else `receivedAt`).
 */
export function toCloudEvent(event: AnyWebhookEventV1): WebhookCloudEvent {
  const source =
    event.account === undefined
      ? `/finhooks/${event.provider}`
      : `/finhooks/${event.provider}/${encodeURIComponent(event.account)}`;
  return {
    specversion: '1.0',
    id: event.id,
    source,
    type: `finhooks.${event.type}`,
    ...(event.subject === undefined ? {} : { subject: event.subject.id }),
    time: event.occurredAt ?? event.receivedAt,
    datacontenttype: 'application/json',
    data: event.data,
    nativetype: event.nativeType,
    provider: event.provider,
  };
}
