import type { AnyWebhookEventV1 } from '@finhooks/core';

/**
 * How events go on the wire (CloudEvents NATS protocol binding): `binary`
 * puts the attributes in `ce-*` headers and the event's data in the body;
 * `structured` puts the whole CloudEvent (JSON event format) in the body.
 */
export type CloudEventsMode = 'binary' | 'structured';

/** One message for JetStream, before the client's header object is made. */
export interface RelayMessage {
  subject: string;
  /** `Nats-Msg-Id`: `<provider>:<id>` (server-side dedup). */
  msgId: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** The CloudEvent attributes of a message (extensions included). */
export type CloudEventAttributes = Record<string, string | boolean>;

const encoder = new TextEncoder();

/** A NATS subject token: no dots, spaces or wildcards. */
export function subjectToken(value: string): string {
  const token = value.replace(/[\s.*>]/g, '_');
  return token === '' ? '_' : token;
}

/**
 * `<prefix>.<provider>.<normalized type>`: the normalized type keeps its
 * dot (`payment.status_changed`), so `finhooks.*.payment.>` takes every
 * provider's payment events.
 */
export function eventSubject(prefix: string, event: AnyWebhookEventV1): string {
  const type = event.type.split('.').map(subjectToken).join('.');
  return `${prefix}.${subjectToken(event.provider)}.${type}`;
}

/** The message id JetStream deduplicates on. */
export function eventMsgId(event: { provider: string; id: string }): string {
  return `${event.provider}:${event.id}`;
}

/**
 * The CloudEvent attributes of a finhooks event: `id` the stored id,
 * `source` `/finhooks/<provider>`, `type` the normalized type, `subject`
 * `<subject type>/<subject id>`, `time` when it occurred (else when it was
 * received), and the finhooks extensions: `nativetype`, `status`,
 * `normalizedstatus`, `receivedat`, and the authenticity flags
 * (`authscheme`, `authbody`, `authtype`, `authsubject`, `authtimestamp`,
 * `authurl`).
 */
export function cloudEventAttributes(
  event: AnyWebhookEventV1,
): CloudEventAttributes {
  const attributes: CloudEventAttributes = {
    specversion: '1.0',
    id: event.id,
    source: `/finhooks/${encodeURIComponent(event.provider)}`,
    type: event.type,
    time: event.occurredAt ?? event.receivedAt,
    nativetype: event.nativeType,
    receivedat: event.receivedAt,
    authscheme: event.authenticity.scheme,
    authbody: event.authenticity.body,
    authtype: event.authenticity.type,
    authtimestamp: event.authenticity.timestamp,
    authurl: event.authenticity.url,
  };
  if (event.subject !== undefined)
    attributes.subject = `${event.subject.type}/${event.subject.id}`;
  if (event.authenticity.subject !== undefined)
    attributes.authsubject = event.authenticity.subject;
  if (event.status !== undefined) attributes.status = event.status;
  if ('normalizedStatus' in event && event.normalizedStatus !== undefined)
    attributes.normalizedstatus = String(event.normalizedStatus);
  if ('issues' in event) attributes.invalid = true;
  return attributes;
}

/** Header values are one line of printable ASCII: percent-encode the rest. */
function headerValue(value: string): string {
  return value.replace(/[^\x20-\x7e]|%/gu, char => encodeURIComponent(char));
}

/** Builds a message in the given mode from attributes and JSON data. */
export function cloudEventMessage(
  subject: string,
  msgId: string,
  attributes: CloudEventAttributes,
  data: unknown,
  mode: CloudEventsMode,
): RelayMessage {
  if (mode === 'structured') {
    return {
      subject,
      msgId,
      headers: { 'content-type': 'application/cloudevents+json' },
      body: encoder.encode(
        JSON.stringify({
          ...attributes,
          datacontenttype: 'application/json',
          data,
        }),
      ),
    };
  }
  const headers: Record<string, string> = {
    'content-type': 'application/json',
  };
  for (const [name, value] of Object.entries(attributes))
    headers[`ce-${name}`] = headerValue(String(value));
  return {
    subject,
    msgId,
    headers,
    body: encoder.encode(JSON.stringify(data ?? null)),
  };
}

/** The message of a stored event. */
export function eventMessage(
  prefix: string,
  event: AnyWebhookEventV1,
  mode: CloudEventsMode,
): RelayMessage {
  return cloudEventMessage(
    eventSubject(prefix, event),
    eventMsgId(event),
    cloudEventAttributes(event),
    event.data,
    mode,
  );
}

/** What {@link erasureMessage} announces. */
export interface ErasureNotice {
  provider: string;
  subjectType: string;
  subjectId: string;
  /** How many stored events were deleted. */
  deleted?: number;
  /** When (default: now). */
  erasedAt?: Date;
}

/** CloudEvent type of an erasure announcement. */
export const ERASURE_TYPE = 'finhooks.subject.erased';

/**
 * The erasure announcement: subject `<prefix>.<provider>.<subject
 * type>.erased` (so `finhooks.*.payment.>` consumers see it), type
 * `finhooks.subject.erased`, data `{ provider, subject, deleted }`.
 */
export function erasureMessage(
  prefix: string,
  notice: ErasureNotice,
  mode: CloudEventsMode,
): RelayMessage {
  const at = (notice.erasedAt ?? new Date()).toISOString();
  const id = `erased:${notice.subjectType}:${notice.subjectId}:${at}`;
  return cloudEventMessage(
    `${prefix}.${subjectToken(notice.provider)}.${subjectToken(notice.subjectType)}.erased`,
    `${notice.provider}:${id}`,
    {
      specversion: '1.0',
      id,
      source: `/finhooks/${encodeURIComponent(notice.provider)}`,
      type: ERASURE_TYPE,
      time: at,
      subject: `${notice.subjectType}/${notice.subjectId}`,
    },
    {
      provider: notice.provider,
      subject: { type: notice.subjectType, id: notice.subjectId },
      ...(notice.deleted === undefined ? {} : { deleted: notice.deleted }),
    },
    mode,
  );
}
