import { createRawWebhookRequest } from '../adapter/v1/raw-webhook-request';
import type { WebhookEventV1 } from '../envelope/v1/webhook-event-v1';
import { RouteNotFoundError } from '../errors/route-not-found-error';
import type { Webhooks } from '../router/create-webhooks';
import { DEFAULT_MAX_BODY_BYTES } from './default-max-body-bytes';
import { readFetchBody } from './read-fetch-body';
import { resolveProvider } from './resolve-provider';
import {
  errorToHttpResponse,
  outcomeToHttpResponse,
  type WebhookHttpResponse,
} from './to-http-response';

/** Options of {@link createFetchHandler}. */
export interface FetchHandlerOptions {
  /** Serve one provider only; default: the path segment naming a provider. */
  provider?: string;
  /** Largest accepted body; default 1 MiB (413 past it). */
  maxBodyBytes?: number;
  /** The peer address, for IP allowlists (`Request` does not carry it). */
  getRemoteAddress?: (request: Request) => string | undefined;
}

function toResponse({ status, headers, body }: WebhookHttpResponse): Response {
  return new Response(body, { status, headers });
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
    const provider = resolveProvider(
      new URL(request.url).pathname,
      webhooks.adapters.keys(),
      options.provider,
    );
    try {
      if (provider === undefined) {
        throw new RouteNotFoundError({
          message: `No webhook provider matches ${new URL(request.url).pathname}.`,
        });
      }
      const body = await readFetchBody(request, maxBodyBytes, provider);
      const remoteAddress = options.getRemoteAddress?.(request);
      const raw = createRawWebhookRequest({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body,
        ...(remoteAddress === undefined ? {} : { remoteAddress }),
      });
      return toResponse(
        outcomeToHttpResponse(await webhooks.receive(provider, raw)),
      );
    } catch (error) {
      return toResponse(errorToHttpResponse(error));
    }
  };
}
