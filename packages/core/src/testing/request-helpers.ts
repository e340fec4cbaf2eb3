import {
  createRawWebhookRequest,
  type RawWebhookRequest,
  type RawWebhookRequestInit,
} from '../adapter/v1/raw-webhook-request';

/** A copy of a request with some fields replaced (headers are copied). */
export function cloneRequest(
  request: RawWebhookRequest,
  changes: Partial<RawWebhookRequestInit> = {},
): RawWebhookRequest {
  return createRawWebhookRequest({
    method: changes.method ?? request.method,
    url: changes.url ?? request.url,
    headers: changes.headers ?? new Headers(request.headers),
    body: changes.body ?? request.body.slice(),
    ...(request.remoteAddress === undefined &&
    changes.remoteAddress === undefined
      ? {}
      : { remoteAddress: changes.remoteAddress ?? request.remoteAddress }),
  });
}

/** A copy with headers set (or removed, with `null`). */
export function withHeaders(
  request: RawWebhookRequest,
  headers: Record<string, string | null>,
): RawWebhookRequest {
  const copy = cloneRequest(request);
  for (const [name, value] of Object.entries(headers)) {
    if (value === null) copy.headers.delete(name);
    else copy.headers.set(name, value);
  }
  return copy;
}

/**
 * A copy whose body differs by one byte (or, for an empty body, by one
 * added byte): what an attacker or a re-encoding proxy would produce.
 */
export function tamperBody(request: RawWebhookRequest): RawWebhookRequest {
  const body = request.body.slice();
  if (body.length === 0) return cloneRequest(request, { body: ' ' });
  // Flip a byte inside a value rather than the JSON syntax where possible.
  const text = new TextDecoder().decode(body);
  const digit = text.search(/[0-9]/);
  const index = digit === -1 ? Math.floor(body.length / 2) : digit;
  body[index] = body[index] === 0x31 ? 0x32 : 0x31;
  return cloneRequest(request, { body });
}

/** A real Fetch `Request` from a raw request (for testing HTTP handlers). */
export function toFetchRequest(request: RawWebhookRequest): Request {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    ...(hasBody ? { body: request.body as BodyInit } : {}),
  });
}
