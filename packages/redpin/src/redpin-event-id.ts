import { redpinBusinessFields, isRecord } from './redpin-native-type';

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * The event id: `<payment_id>:<event_id>` for payments and
 * `<customer_id>:<event_id>` otherwise. Redpin's own examples use tiny
 * event ids such as `"1"`, and Redpin advises keying events by `event_id`
 * and `payment_id`, so the subject id is part of the identity. Without an
 * `event_id` (every `CUSTOMER STATUS`) or a subject id it returns
 * `undefined`, and core uses its deterministic hash of the raw body.
 */
export function redpinEventId(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const eventId = text(body.event_id);
  if (eventId === undefined) return undefined;
  const fields = redpinBusinessFields(body);
  const subjectId = text(fields.payment_id) ?? text(fields.customer_id);
  return subjectId === undefined ? undefined : `${subjectId}:${eventId}`;
}
