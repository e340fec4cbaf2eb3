import type { WebhookIdentityClaim } from '@finhooks/core';
import {
  isRecord,
  redpinAmbiguity,
  redpinBusinessFields,
  redpinNativeTypes,
} from './redpin-native-type';

/**
 * Default `dedupWindowMs`: one day. Redpin documents that it retries
 * (and may deliver out of order) but not its schedule; a day covers any
 * plausible retry period, and later identical bytes count as new.
 */
export const redpinDefaultDedupWindowMs = 24 * 60 * 60 * 1000;

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The id of the event's subject, read where its native type keeps it. */
function subjectId(body: unknown, nativeType: string): string | undefined {
  const fields = redpinBusinessFields(body);
  switch (nativeType) {
    case redpinNativeTypes.paymentStatus:
      return text(fields.payment_id);
    case redpinNativeTypes.thirdPartyCustomerStatus:
    case redpinNativeTypes.customerStatus:
      return text(fields.customer_id);
    default:
      return text(fields.payment_id) ?? text(fields.customer_id);
  }
}

/**
 * Redpin's event id as a dedup key: `<payment_id>:<event_id>` for
 * payments and `<customer_id>:<event_id>` for customers, both read from
 * the body. Redpin's own examples use tiny event ids such as `"1"`, and
 * Redpin advises keying events by `event_id` and `payment_id`, so the
 * subject id is part of it. `undefined` without an `event_id` (every
 * `CUSTOMER STATUS`), without the subject id its type needs, or for a
 * flat body whose type is ambiguous (its subject is unknown).
 */
export function redpinEventId(
  body: unknown,
  nativeType: string,
): string | undefined {
  if (!isRecord(body) || redpinAmbiguity(body) !== undefined) return undefined;
  const eventId = text(body.event_id);
  if (eventId === undefined) return undefined;
  const subject = subjectId(body, nativeType);
  return subject === undefined ? undefined : `${subject}:${eventId}`;
}

/**
 * Where a delivery's identity comes from. Redpin signs nothing, so the
 * whole body is what the configured credentials vouch for: an `event_id`
 * in it is a `provider_id`; a body without one is identified by its
 * content (a retry repeats the latest event of its subject within
 * `dedupWindowMs`; the same bytes after a different event are new).
 */
export function redpinIdentity(
  body: unknown,
  nativeType: string,
): WebhookIdentityClaim {
  const id = redpinEventId(body, nativeType);
  return id === undefined
    ? { source: 'content' }
    : { source: 'provider_id', id };
}
