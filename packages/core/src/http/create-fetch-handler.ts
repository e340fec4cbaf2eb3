import { createRawWebhookRequest } from '../adapter/v1/raw-webhook-request';
import type { WebhookEventV1 } from '../envelope/v1/webhook-event-v1';
import type { Webhooks } from '../router/create-webhooks';
import { answerDelivery, type WebhookResultListener } from './answer-delivery';
import { DEFAULT_MAX_BODY_BYTES } from './default-max-body-bytes';
import { readFetchBody } from './read-fetch-body';
import { resolveProvider } from './resolve-provider';

/** Options of {@link createFetchHandler}. */
export interface FetchHandlerOptions {
  /** Serve one provider only; default: the path segment naming a provider. */
  provider?: string;
  /** Largest accepted body; default 1 MiB (413 past it). */
  maxBodyBytes?: number;
  /** The peer address, for IP allowlists (`Request` does not carry it). */
  getRemoteAddress?: (request: Request) => string | undefined;
  /** Called once per request with its outcome or error (metrics, logs). */
  onResult?: WebhookResultListener;
}

/**
 * A `Request → Response` handler for Hono, Next.js route handlers, Workers,
 * Bun and Deno. Reads the raw body itself (with a size limit), verifies,
 * deduplicates, runs handlers and answers with the statuses providers
 * expect: 2xx when accepted, 4xx when refused, 500 to ask for a retry.
 */
export function createFetchHandler<TEvent extends WebhookEventV1>(
  webhooks: Webhooks<TEvent>,
  options: FetchHandlerOptions = {},
): (request: Request) => Promise<Response> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return async request => {
    const url = new URL(request.url);
    const provider = resolveProvider(
      url.pathname,
      webhooks.adapters.keys(),
      options.provider,
    );
    const { status, headers, body } = await answerDelivery(
      webhooks,
      provider,
      { method: request.method, url },
      async routed => {
        const remoteAddress = options.getRemoteAddress?.(request);
        return createRawWebhookRequest({
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: await readFetchBody(request, maxBodyBytes, routed),
          ...(remoteAddress === undefined ? {} : { remoteAddress }),
        });
      },
      options.onResult,
    );
    return new Response(body, { status, headers });
  };
}
