import {
  MissingHeaderError,
  type RawWebhookRequest,
  type WebhookIdentityClaim,
  type WebhookNativeType,
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
  headerValue: string | undefined,
  bodyValue: string | undefined,
  message: string,
): never {
  throw new DinteroEventMismatchError({
    provider: dinteroProvider,
    field: 'event',
    headerValue,
    bodyValue,
    message,
  });
}

/**
 * The native type of a Hooks delivery and where it was read from. The
 * signed body's `event` is authoritative and the `event` header must agree
 * with it (a relabelled body is refused). A body without `event` (a
 * subscription `fields` mask, or `ping`, whose body is the subscription)
 * takes its type from the unsigned header: accepted, and flagged as
 * unauthenticated by core (`from: 'header:event'`).
 */
export function dinteroHookNativeType(
  request: RawWebhookRequest,
  body: unknown,
): WebhookNativeType {
  const headerType = header(request, 'event');
  const bodyType = stringField(body, 'event');
  if (bodyType !== undefined) {
    if (
      headerType === undefined ||
      headerType === bodyType ||
      headerAliases[headerType] === bodyType
    ) {
      return { value: bodyType, from: 'body' };
    }
    mismatch(
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
  return { value: headerType, from: 'header:event' };
}

/**
 * The signed delivery id of a Hooks body: `event_delivery` (the published
 * shopping examples spell it `event-delivery`). Never the header.
 */
export function dinteroHookDeliveryId(body: unknown): string | undefined {
  return (
    stringField(body, 'event_delivery') ?? stringField(body, 'event-delivery')
  );
}

/**
 * Where a Hooks delivery's identity comes from: the signed `event_delivery`
 * (Dintero keeps it across the retries of one delivery), else the signed
 * bytes themselves within the content window (a `fields` mask without it).
 * The `event-delivery` header is unsigned and only recorded as a fact.
 */
export function dinteroHookIdentity(body: unknown): WebhookIdentityClaim {
  const id = dinteroHookDeliveryId(body);
  return id === undefined
    ? { source: 'content' }
    : { source: 'provider_id', id };
}

/**
 * A warning when the unsigned `event-delivery` header differs from the
 * signed body's `event_delivery`: the signed one identifies the delivery
 * (a replay with a fresh header stays a duplicate), the header is kept
 * only as a fact.
 */
export function dinteroDeliveryHeaderWarning(
  request: RawWebhookRequest,
  body: unknown,
): WebhookWarningV1 | undefined {
  const headerId = header(request, 'event-delivery');
  const bodyId = dinteroHookDeliveryId(body);
  if (headerId === undefined || bodyId === undefined || headerId === bodyId) {
    return undefined;
  }
  return {
    type: 'compatibility',
    message: `The unsigned "event-delivery" header ("${headerId.slice(0, 64)}") differs from the signed body's event_delivery ("${bodyId.slice(0, 64)}"); identified by the signed value.`,
  };
}
