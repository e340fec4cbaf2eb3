/**
 * A request as it arrived, before anything parsed it. Adapters verify these
 * exact bytes; the HTTP handlers build it from a `Request` or an
 * `IncomingMessage`.
 */
export interface RawWebhookRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** Absolute URL as received (or as configured as the public URL). */
  url: string;
  headers: Headers;
  /** The raw body bytes; empty for a GET. */
  body: Uint8Array;
  /** The peer's IP address, where the server knows it (for allowlists). */
  remoteAddress?: string;
}

/** Input accepted by {@link createRawWebhookRequest}. */
export interface RawWebhookRequestInit {
  method?: string;
  url: string;
  headers?: HeadersInit;
  body?: Uint8Array | string;
  remoteAddress?: string;
}

/**
 * An independent copy of a request (own headers and body bytes): what a
 * signer changes, so the caller's request stays as it was.
 */
export function copyRawWebhookRequest(
  request: RawWebhookRequest,
): RawWebhookRequest {
  return {
    method: request.method,
    url: request.url,
    headers: new Headers(request.headers),
    body: request.body.slice(),
    ...(request.remoteAddress === undefined
      ? {}
      : { remoteAddress: request.remoteAddress }),
  };
}

/** Builds a {@link RawWebhookRequest} (tests, queues, replays). */
export function createRawWebhookRequest(
  init: RawWebhookRequestInit,
): RawWebhookRequest {
  const body = init.body ?? new Uint8Array();
  return {
    method: (init.method ?? 'POST').toUpperCase(),
    url: init.url,
    headers: new Headers(init.headers),
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
    ...(init.remoteAddress === undefined
      ? {}
      : { remoteAddress: init.remoteAddress }),
  };
}
