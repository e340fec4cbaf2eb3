import type { ServerResponse } from 'node:http';
import { createRawWebhookRequest } from '../adapter/v1/raw-webhook-request';
import type { WebhookEventV1 } from '../envelope/v1/webhook-event-v1';
import type { Webhooks } from '../router/create-webhooks';
import { answerDelivery, type WebhookResultListener } from './answer-delivery';
import { InvalidRequestError } from '../errors/invalid-request-error';
import {
  errorToHttpResponse,
  type WebhookHttpResponse,
} from './to-http-response';
import { DEFAULT_MAX_BODY_BYTES } from './default-max-body-bytes';
import { readNodeBody, type NodeWebhookRequest } from './read-node-body';
import { resolveProvider } from './resolve-provider';

/** Options of {@link createNodeHandler}. */
export interface NodeHandlerOptions {
  /** Serve one provider only; default: the path segment naming a provider. */
  provider?: string;
  /** Largest accepted body; default 1 MiB (413 past it). */
  maxBodyBytes?: number;
  /** Called once per request with its outcome or error (metrics, logs). */
  onResult?: WebhookResultListener;
}

function requestHeaders(request: NodeWebhookRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value])
      headers.append(name, item);
  }
  return headers;
}

/** The request's absolute URL; `undefined` when its Host or path cannot form one. */
function parseRequestUrl(path: string, base: string): URL | undefined {
  try {
    return new URL(path, base);
  } catch {
    try {
      // A bad Host header: the path still routes.
      return new URL(path, 'http://localhost');
    } catch {
      return undefined;
    }
  }
}

/**
 * Runs one Node request through the pipeline and returns the answer without
 * writing it: for servers that send responses themselves (Hono on
 * @hono/node-server, Fastify's `reply`). Reading the body straight from the
 * socket avoids building a Fetch `Request` and its web streams.
 */
export async function answerNodeRequest<TEvent extends WebhookEventV1>(
  webhooks: Webhooks<TEvent>,
  request: NodeWebhookRequest,
  options: NodeHandlerOptions = {},
): Promise<WebhookHttpResponse> {
  const encrypted =
    (request.socket as { encrypted?: boolean }).encrypted === true;
  const url = parseRequestUrl(
    request.originalUrl ?? request.url ?? '/',
    `${encrypted ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`,
  );
  if (url === undefined) {
    const error = new InvalidRequestError({
      message: 'The request URL or Host header cannot be parsed.',
    });
    webhooks.reportError(error, {});
    return errorToHttpResponse(error);
  }
  const provider = resolveProvider(
    url.pathname,
    webhooks.adapters.keys(),
    options.provider,
  );
  const answer = await answerDelivery(
    webhooks,
    provider,
    { method: request.method ?? 'POST', url },
    async routed =>
      createRawWebhookRequest({
        method: request.method ?? 'POST',
        url: url.href,
        headers: requestHeaders(request),
        body: await readNodeBody(
          request,
          options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
          routed,
        ),
        ...(request.socket.remoteAddress === undefined
          ? {}
          : { remoteAddress: request.socket.remoteAddress }),
      }),
    options.onResult,
  );
  // An unread oversized body: close the connection rather than read it.
  if (answer.status === 413) answer.headers.connection = 'close';
  return answer;
}

/**
 * A handler for Node's `http` server and Express-style frameworks:
 * `(req, res) => Promise<void>`. Reads the raw body with a size limit,
 * accepts one a framework kept raw (`express.raw()`, `req.rawBody`) and
 * answers 500 with an explanation when a JSON middleware got there first.
 */
export function createNodeHandler<TEvent extends WebhookEventV1>(
  webhooks: Webhooks<TEvent>,
  options: NodeHandlerOptions = {},
): (request: NodeWebhookRequest, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    let answer: WebhookHttpResponse;
    try {
      answer = await answerNodeRequest(webhooks, request, options);
    } catch (error) {
      // Never let one request take the process down.
      webhooks.reportError(error, {});
      answer = errorToHttpResponse(error);
    }
    if (response.headersSent) return;
    response.writeHead(answer.status, {
      ...answer.headers,
      'content-length': String(Buffer.byteLength(answer.body)),
    });
    response.end(answer.body);
  };
}
