import {
  redpinKnownCustomerStatuses,
  redpinKnownPaymentStatuses,
  redpinKnownThirdPartyCustomerStatuses,
} from './redpin-statuses';

/** The three event types Redpin documents (the names contain spaces). */
export const redpinNativeTypes = {
  paymentStatus: 'PAYMENT STATUS',
  thirdPartyCustomerStatus: 'THIRD PARTY CUSTOMER STATUS',
  customerStatus: 'CUSTOMER STATUS',
} as const;

/** One of Redpin's documented native types. */
export type RedpinKnownNativeType =
  (typeof redpinNativeTypes)[keyof typeof redpinNativeTypes];

/**
 * Native type of a body that names none and shows no sign of any
 * documented flat shape; it is delivered as `redpin.unknown`.
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

const payment = redpinNativeTypes.paymentStatus;
const thirdParty = redpinNativeTypes.thirdPartyCustomerStatus;
const customer = redpinNativeTypes.customerStatus;
/** Preference order when a guess must label a quarantined body. */
const kindOrder: readonly RedpinKnownNativeType[] = [
  payment,
  thirdParty,
  customer,
];

/** Status-specific fields of a flat payment's `data`. */
const paymentDetailFields = [
  'amount',
  'sell_amount',
  'buy_amount',
  'refund_amount',
  'reason_description',
  'bounce_reason',
];
/** Fields only `CUSTOMER STATUS` has. */
const customerOnlyFields = [
  'unique_identifier',
  'reason_for_inactive',
  'documents_required',
  'contacts',
];

const statusKinds = new Map<string, RedpinKnownNativeType>([
  ...redpinKnownPaymentStatuses.map(status => [status, payment] as const),
  ...redpinKnownThirdPartyCustomerStatuses.map(
    status => [status, thirdParty] as const,
  ),
  ...redpinKnownCustomerStatuses.map(status => [status, customer] as const),
]);

/** A field of a flat body and the native types it is compatible with. */
export interface RedpinFlatMarker {
  /** The field, e.g. `payment_id`, `status "APPROVED"`, `data.reasons`. */
  field: string;
  kinds: readonly RedpinKnownNativeType[];
}

/** How a flat body was classified. */
export interface RedpinFlatClassification {
  /**
   * The native type: the only one the body's fields fit, or (when
   * `ambiguous`) the first candidate, a guess that only labels the
   * quarantined event; {@link REDPIN_UNCLASSIFIED_TYPE} when the body
   * shows no sign of any documented shape.
   */
  nativeType: string;
  /** The body fits several types, or contradicts itself: quarantine it. */
  ambiguous: boolean;
  /** Ambiguous because its fields belong to different types. */
  contradictory: boolean;
  /** The types the body could be. */
  candidates: readonly RedpinKnownNativeType[];
  /** The fields the classification rests on. */
  markers: readonly RedpinFlatMarker[];
}

function flatMarkers(body: Record<string, unknown>): RedpinFlatMarker[] {
  const markers: RedpinFlatMarker[] = [];
  if (has(body, 'payment_id'))
    markers.push({ field: 'payment_id', kinds: [payment] });
  if (typeof body.status === 'string') {
    const kind = statusKinds.get(body.status);
    if (kind !== undefined)
      markers.push({
        field: `status ${JSON.stringify(body.status)}`,
        kinds: [kind],
      });
  }
  // Payments and third-party customers share these; CUSTOMER STATUS has
  // neither.
  if (has(body, 'client_customer_ref'))
    markers.push({
      field: 'client_customer_ref',
      kinds: [payment, thirdParty],
    });
  const { data } = body;
  if (Array.isArray(data)) {
    markers.push({ field: 'data (an array of reasons)', kinds: [thirdParty] });
  } else if (isRecord(data)) {
    const details = paymentDetailFields.filter(field => has(data, field));
    if (details.length > 0)
      markers.push({ field: `data.${details[0]!}`, kinds: [payment] });
    if (has(data, 'reasons'))
      markers.push({ field: 'data.reasons', kinds: [thirdParty] });
    if (details.length === 0 && !has(data, 'reasons'))
      markers.push({ field: 'data', kinds: [payment, thirdParty] });
  } else if (has(body, 'data')) {
    markers.push({ field: 'data', kinds: [payment, thirdParty] });
  }
  const customerFields = customerOnlyFields.filter(field => has(body, field));
  if (customerFields.length > 0)
    markers.push({ field: customerFields[0]!, kinds: [customer] });
  return markers;
}

/**
 * Classifies a flat body (no `event_type`) by its fields. Each field that
 * only some documented shapes have narrows the candidates:
 *
 * | field                                                      | fits                          |
 * | ---------------------------------------------------------- | ----------------------------- |
 * | `payment_id`; a documented payment status; `data.amount`… | `PAYMENT STATUS`              |
 * | `status` `APPROVED`/`REJECTED`; `data.reasons`, `data: []` | `THIRD PARTY CUSTOMER STATUS` |
 * | `status` `active`/`inactive`; `unique_identifier`, `contacts`, `reason_for_inactive`, `documents_required` | `CUSTOMER STATUS` |
 * | `client_customer_ref`; any other `data`                    | payment or third party        |
 *
 * Exactly one candidate left: that type (its schema then reports missing
 * fields precisely). Several left (a payment without `payment_id` and
 * with a status Redpin never documented), none left (fields of two
 * shapes), or only a `customer_id`: ambiguous, quarantined rather than
 * guessed. No marker and no `customer_id`: {@link REDPIN_UNCLASSIFIED_TYPE}.
 */
export function redpinFlatClassification(
  body: Record<string, unknown>,
): RedpinFlatClassification {
  const markers = flatMarkers(body);
  if (markers.length === 0) {
    if (!has(body, 'customer_id'))
      return {
        nativeType: REDPIN_UNCLASSIFIED_TYPE,
        ambiguous: false,
        contradictory: false,
        candidates: [],
        markers,
      };
    // A `customer_id` and a status none of the shapes documents: any of
    // the three, each with its distinguishing fields missing.
    return {
      nativeType: customer,
      ambiguous: true,
      contradictory: false,
      candidates: kindOrder,
      markers,
    };
  }
  const fitting = kindOrder.filter(kind =>
    markers.every(marker => marker.kinds.includes(kind)),
  );
  if (fitting.length === 1)
    return {
      nativeType: fitting[0]!,
      ambiguous: false,
      contradictory: false,
      candidates: fitting,
      markers,
    };
  const candidates =
    fitting.length > 0
      ? fitting
      : kindOrder.filter(kind =>
          markers.some(marker => marker.kinds.includes(kind)),
        );
  return {
    nativeType: candidates[0]!,
    ambiguous: true,
    contradictory: fitting.length === 0,
    candidates,
    markers,
  };
}

/**
 * Why a flat body is quarantined as ambiguous (the message), or
 * `undefined` when it is not ambiguous.
 */
export function redpinAmbiguity(body: unknown): string | undefined {
  if (!isRecord(body) || redpinGeneration(body) !== 'flat') return undefined;
  const classification = redpinFlatClassification(body);
  if (!classification.ambiguous) return undefined;
  const { candidates, markers } = classification;
  const types = candidates.join(' or ');
  const evidence =
    markers.length === 0
      ? 'it has a customer_id but no field that only one of them has'
      : markers
          .map(marker => `${marker.field} fits ${marker.kinds.join(' or ')}`)
          .join('; ');
  const verdict = classification.contradictory ? 'Contradictory' : 'Ambiguous';
  return `${verdict} flat Redpin body without event_type: it could be ${types} (${evidence}). Quarantined instead of guessing its type; nativeType "${classification.nativeType}" is only a label.`;
}

/**
 * The native type of a body. The envelope names it in `event_type`; a
 * flat body is classified by {@link redpinFlatClassification}.
 */
export function redpinNativeType(body: unknown): string {
  if (!isRecord(body)) return REDPIN_UNCLASSIFIED_TYPE;
  if (typeof body.event_type === 'string') {
    // Kept exactly as sent: a blank name is the only one we cannot route.
    return body.event_type.trim() === ''
      ? REDPIN_UNCLASSIFIED_TYPE
      : body.event_type;
  }
  return redpinFlatClassification(body).nativeType;
}

/** The business fields: `data` of an envelope, the body itself when flat. */
export function redpinBusinessFields(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) return {};
  if (redpinGeneration(body) === 'flat') return body;
  return isRecord(body.data) ? body.data : {};
}

export { isRecord };
