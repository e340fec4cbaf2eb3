import {
  MissingHeaderError,
  type RawWebhookRequest,
  type WebhookWarningV1,
} from '@finhooks/core';
import { DinteroEventMismatchError } from './dintero-event-mismatch-error';
import { dinteroProvider } from './dintero-provider';

/** The Hooks handshake sent on subscription (its body has no `event`). */
export const dinteroPingType = 'ping';

// Dintero's reference page shows the header `checkout_transaction_update`
// for a body saying `checkout_transaction`, and third-party handlers switch
// on these names: accept them as header spellings of the signed body value.
const headerAliases: Readonly<Record<string, string>> = {
  checkout_transaction_update: 'checkout_transaction',
  checkout_authorization_update: 'checkout_authorization',
};

/**
 * A compatibility warning when the `event` header uses an alias spelling of
 * the signed body's event (accepted, but worth seeing in logs).
 */
export function dinteroHeaderAliasWarning(
  request: RawWebhookRequest,
  body: unknown,
): WebhookWarningV1 | undefined {
  const headerType = header(request, 'event');
  const bodyType = stringField(body, 'event');
  if (headerType === undefined || headerAliases[headerType] !== bodyType) {
    return undefined;
  }
  return {
    type: 'compatibility',
    message: `The "event" header "${headerType}" is an alias of the signed body's "${bodyType}"; delivered as ${bodyType}.`,
  };
}

/** The type and delivery id of one Hooks delivery. */
export interface DinteroHookIdentity {
  nativeType: string;
  deliveryId: string | undefined;
}

function stringField(body: unknown, key: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function header(request: RawWebhookRequest, name: string): string | undefined {
  const value = request.headers.get(name)?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function mismatch(
  field: 'event' | 'event_delivery',
  headerValue: string | undefined,
  bodyValue: string | undefined,
  message: string,
): never {
  throw new DinteroEventMismatchError({
    provider: dinteroProvider,
    field,
    headerValue,
    bodyValue,
    message,
  });
}

function nativeTypeOf(
  request: RawWebhookRequest,
  body: unknown,
  allowUnsignedEventType: boolean,
): string {
  const headerType = header(request, 'event');
  const bodyType = stringField(body, 'event');
  if (bodyType !== undefined) {
    // The signed body is authoritative; the header must agree with it.
    if (headerType === undefined || headerType === bodyType) return bodyType;
    if (headerAliases[headerType] === bodyType) return bodyType;
    mismatch(
      'event',
      headerType,
      bodyType,
      `The "event" header says "${headerType}" but the signed body says "${bodyType}"; refusing a relabelled delivery.`,
    );
  }
  if (headerType === undefined) {
    throw new MissingHeaderError({
      provider: dinteroProvider,
      header: 'event',
      httpStatus: 400,
      message:
        'The "event" header is missing and the body names no event. Dintero always sends it; check that no proxy strips it.',
    });
  }
  if (headerType === dinteroPingType || allowUnsignedEventType) {
    return headerType;
  }
  return mismatch(
    'event',
    headerType,
    undefined,
    `The signed body names no event, and the "event" header ("${headerType}") is not signed. Set \`allowUnsignedEventType: true\` only if a subscription fields mask removes "event" from the body.`,
  );
}

/**
 * Reads the native type and delivery id of a Hooks delivery, trusting the
 * signed body over the unsigned `event` / `event-delivery` headers and
 * refusing deliveries where they disagree.
 */
export function readDinteroHookIdentity(
  request: RawWebhookRequest,
  body: unknown,
  { allowUnsignedEventType }: { allowUnsignedEventType: boolean },
): DinteroHookIdentity {
  const nativeType = nativeTypeOf(request, body, allowUnsignedEventType);
  const headerId = header(request, 'event-delivery');
  // Published shopping examples spell the body key "event-delivery".
  const bodyId =
    stringField(body, 'event_delivery') ?? stringField(body, 'event-delivery');
  if (headerId !== undefined && bodyId !== undefined && headerId !== bodyId) {
    mismatch(
      'event_delivery',
      headerId,
      bodyId,
      `The "event-delivery" header ("${headerId}") differs from the signed body's event_delivery ("${bodyId}"); refusing a delivery that would bypass deduplication.`,
    );
  }
  return { nativeType, deliveryId: bodyId ?? headerId };
}
