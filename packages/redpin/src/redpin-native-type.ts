/** The three event types Redpin documents (the names contain spaces). */
export const redpinNativeTypes = {
  paymentStatus: 'PAYMENT STATUS',
  thirdPartyCustomerStatus: 'THIRD PARTY CUSTOMER STATUS',
  customerStatus: 'CUSTOMER STATUS',
} as const;

/**
 * Native type of a body that names none and matches no documented flat
 * shape; it is delivered as `redpin.unknown`.
 */
export const REDPIN_UNCLASSIFIED_TYPE = 'UNCLASSIFIED';

/**
 * Which payload generation a body belongs to: the newer envelope
 * `{event_id, event_type, version, event_timestamp, data}` or the older
 * flat format (and `CUSTOMER STATUS`, which never had an envelope).
 */
export type RedpinGeneration = 'envelope' | 'flat';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(body: Record<string, unknown>, key: string): boolean {
  return body[key] !== undefined && body[key] !== null;
}

/** A body naming its `event_type` is the envelope generation. */
export function redpinGeneration(body: unknown): RedpinGeneration {
  return isRecord(body) && typeof body.event_type === 'string'
    ? 'envelope'
    : 'flat';
}

/**
 * The native type of a body. The envelope names it in `event_type`. A
 * flat body is classified by its fields, in this order:
 * `payment_id` → `PAYMENT STATUS`; `event_id` or `client_customer_ref`
 * with a `customer_id` → `THIRD PARTY CUSTOMER STATUS`; a `customer_id`
 * alone (no event id, as in every published example) → `CUSTOMER STATUS`;
 * anything else → {@link REDPIN_UNCLASSIFIED_TYPE}.
 */
export function redpinNativeType(body: unknown): string {
  if (!isRecord(body)) return REDPIN_UNCLASSIFIED_TYPE;
  if (typeof body.event_type === 'string') {
    // Kept exactly as sent: a blank name is the only one we cannot route.
    return body.event_type.trim() === ''
      ? REDPIN_UNCLASSIFIED_TYPE
      : body.event_type;
  }
  if (has(body, 'payment_id')) return redpinNativeTypes.paymentStatus;
  if (!has(body, 'customer_id')) return REDPIN_UNCLASSIFIED_TYPE;
  if (has(body, 'event_id') || has(body, 'client_customer_ref')) {
    return redpinNativeTypes.thirdPartyCustomerStatus;
  }
  return redpinNativeTypes.customerStatus;
}

/** The business fields: `data` of an envelope, the body itself when flat. */
export function redpinBusinessFields(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) return {};
  if (redpinGeneration(body) === 'flat') return body;
  return isRecord(body.data) ? body.data : {};
}

export { isRecord };
