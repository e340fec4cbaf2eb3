import { DEFAULT_MAX_BODY_BYTES } from '../../http/default-max-body-bytes';
import { readFetchBody } from '../../http/read-fetch-body';
import type { WebhookEventV1 } from '../../envelope/v1/webhook-event-v1';
import { createRawWebhookRequest } from './raw-webhook-request';
import type {
  WebhookAdapterV1,
  WebhookReceiveResultV1,
} from './webhook-adapter-v1';

/** A delivery as a framework hands it over, for {@link verifyWebhook}. */
export interface WebhookInput {
  /** The raw body, exactly as received (never a re-serialized object). */
  body: string | Uint8Array;
  /** Request headers: a `Headers`, a plain object or Node's `req.headers`. */
  headers: Headers | Record<string, string | readonly string[] | undefined>;
  /** The absolute URL the provider called. */
  url: string;
  /** Default `POST`. */
  method?: string;
  /** The peer address, for IP allowlists. */
  remoteAddress?: string;
}

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** Largest body read from a `Request`; default 1 MiB. */
  maxBodyBytes?: number;
}

function toHeaders(headers: WebhookInput['headers']): Headers {
  if (headers instanceof Headers) return headers;
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const item of typeof value === 'string' ? [value] : value)
      result.append(name, item);
  }
  return result;
}

/**
 * One call, no router: verifies a delivery with an adapter and returns what
 * it is — `{ kind: 'event', event }` (typed, with its `authenticity`
 * flags), `{ kind: 'invalid', event }` (authentic but failing its schema:
 * keep it) or `{ kind: 'handshake', handshake }` — or throws a typed
 * finhooks error (`httpStatus` says what to answer). Deduplication is then
 * yours: store `event.identity.key` (see docs/trust-model.md).
 */
export async function verifyWebhook<TEvent extends WebhookEventV1>(
  adapter: WebhookAdapterV1<TEvent>,
  input: Request | WebhookInput,
  options: VerifyWebhookOptions = {},
): Promise<WebhookReceiveResultV1<TEvent>> {
  if (input instanceof Request) {
    const body = await readFetchBody(
      input,
      options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      adapter.provider,
    );
    return adapter.receive(
      createRawWebhookRequest({
        method: input.method,
        url: input.url,
        headers: input.headers,
        body,
      }),
    );
  }
  return adapter.receive(
    createRawWebhookRequest({
      method: input.method ?? 'POST',
      url: input.url,
      headers: toHeaders(input.headers),
      body: input.body,
      ...(input.remoteAddress === undefined
        ? {}
        : { remoteAddress: input.remoteAddress }),
    }),
  );
}
