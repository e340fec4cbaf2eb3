import type { IncomingMessage } from 'node:http';
import {
  createFetchHandler,
  FinhooksError,
  type WebhookEventV1,
  type WebhookRequestResult,
  type Webhooks,
} from '@finhooks/core';
import {
  answerNodeRequest,
  type NodeHandlerOptions,
} from '@finhooks/core/node';
import type { Hono } from 'hono';
import type { DeliveryFeed } from './delivery-feed';
import type { Logger } from './logger';
import type { AppMetrics } from './metrics';
import { PROVIDERS } from './providers';
import type { ProviderRoute } from './providers/provider-module';
import { clip, type RefusalLog } from './refusal-log';

/** One webhook route of docs/architecture.md#routes. */
export interface WebhookRoute extends ProviderRoute {
  provider: string;
}

/** The public webhook routes (docs/architecture.md#routes). */
export const WEBHOOK_ROUTES: readonly WebhookRoute[] = PROVIDERS.flatMap(
  ({ name, routes = [{ path: `/webhooks/${name}`, methods: ['POST'] }] }) =>
    routes.map(route => ({ ...route, provider: name })),
);

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8' };

function errorResponse(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ ok: false, error: { code, message } }), {
    status,
    headers: { ...jsonHeaders, ...headers },
  });
}

/** What the webhook routes need from the app. */
export interface WebhookRoutesOptions {
  webhooks: Webhooks<WebhookEventV1>;
  enabled: ReadonlySet<string>;
  maxBodyBytes: number;
  metrics: AppMetrics;
  logger: Logger;
  /** Refused deliveries (4xx) are logged here, rate-limited per reason. */
  refusals: RefusalLog;
  /** The console's per-minute counts and refused deliveries. */
  feed?: DeliveryFeed;
}

type NodeBindings = { incoming?: IncomingMessage };

/**
 * Mounts one route per provider on core's handlers. Routes of providers
 * without configuration answer 404; wrong methods 405.
 *
 * Under @hono/node-server the route reads the body with core's Node
 * request path (`answerNodeRequest`), straight from the socket: materializing a Fetch `Request`
 * (undici, an AbortSignal and two layers of web streams over the body)
 * cost more server CPU than the rest of a duplicate delivery. Elsewhere
 * (`app.hono.fetch`, other runtimes) core's Fetch handler answers; both
 * give the same answers, logs and metrics.
 */
export function mountWebhookRoutes(
  app: Hono,
  {
    webhooks,
    enabled,
    maxBodyBytes,
    metrics,
    logger,
    refusals,
    feed,
  }: WebhookRoutesOptions,
): void {
  // Metrics and access logs come from core's per-request result.
  const record = (
    provider: string,
    method: string,
    path: string,
    result: Pick<
      WebhookRequestResult,
      'status' | 'outcome' | 'error' | 'durationMs'
    > & { code?: string; message?: string },
  ): void => {
    const { status, outcome, error } = result;
    feed?.record({
      provider,
      method,
      path,
      status,
      outcome,
      error,
      code: result.code,
      message: result.message,
    });
    const code = FinhooksError.isInstance(error) ? error.code : undefined;
    if (outcome?.status === 'duplicate') metrics.duplicates.inc({ provider });
    else if (outcome?.status === 'accepted') metrics.accepted.inc({ provider });
    else if (outcome?.status === 'handshake')
      metrics.handshakes.inc({ provider });
    else metrics.rejected.inc({ provider, reason: code ?? `http_${status}` });
    const seconds = result.durationMs / 1000;
    metrics.latency.observe({ provider, status: String(status) }, seconds);
    const ms = Math.round(seconds * 10_000) / 10;
    // A client's mistake (or an attacker's): rate-limited, no details.
    if (status >= 400 && status < 500) {
      refusals.refused(code ?? `http_${status}`, {
        provider,
        method,
        path,
        status,
      });
      return;
    }
    logger[status >= 500 ? 'error' : 'info'](
      {
        provider,
        method: clip(method, 16),
        path: clip(path),
        status,
        eventId:
          outcome !== undefined && 'event' in outcome
            ? outcome.event.id
            : undefined,
        duplicate: outcome?.status === 'duplicate' ? true : undefined,
        code,
        ms,
      },
      'webhook',
    );
  };

  interface Handlers {
    fetch: (request: Request) => Promise<Response>;
    options: NodeHandlerOptions;
  }
  const handlers = new Map<string, Handlers>();
  for (const provider of enabled) {
    const options: NodeHandlerOptions = {
      provider,
      maxBodyBytes,
      onResult: result =>
        record(provider, result.method, new URL(result.url).pathname, result),
    };
    handlers.set(provider, {
      fetch: createFetchHandler(webhooks, options),
      options,
    });
  }

  for (const route of WEBHOOK_ROUTES) {
    app.all(route.path, async c => {
      const { provider } = route;
      metrics.received.inc({ provider });
      const handler = handlers.get(provider);
      if (handler === undefined || !route.methods.includes(c.req.method)) {
        const [status, code, message] =
          handler === undefined
            ? ([
                404,
                'route_not_found',
                `The ${provider} route is not enabled: set its environment variables (see the README).`,
              ] as const)
            : ([
                405,
                'method_not_allowed',
                `${route.path} accepts ${route.methods.join(' or ')}, not ${clip(c.req.method, 16)}.`,
              ] as const);
        const response = errorResponse(
          status,
          code,
          message,
          status === 405 ? { allow: route.methods.join(', ') } : {},
        );
        record(provider, c.req.method, new URL(c.req.url).pathname, {
          status,
          durationMs: 0,
          code,
          message,
        });
        return response;
      }
      const { incoming } = (c.env ?? {}) as NodeBindings;
      let response: Response;
      if (incoming !== undefined) {
        const answer = await answerNodeRequest(
          webhooks,
          incoming,
          handler.options,
        );
        response = new Response(answer.body, {
          status: answer.status,
          headers: answer.headers,
        });
      } else {
        response = await handler.fetch(c.req.raw);
      }
      // The rest of an oversized body is never read: end the connection.
      if (response.status === 413) response.headers.set('connection', 'close');
      return response;
    });
  }

  app.all('/webhooks/*', c => {
    metrics.received.inc({ provider: 'none' });
    metrics.rejected.inc({ provider: 'none', reason: 'route_not_found' });
    refusals.refused('route_not_found', {
      method: c.req.method,
      path: c.req.path,
    });
    const message = `No webhook route at ${clip(new URL(c.req.url).pathname)}. Routes: ${WEBHOOK_ROUTES.map(r => r.path).join(', ')}.`;
    feed?.record({
      provider: 'none',
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      status: 404,
      code: 'route_not_found',
      message,
    });
    return errorResponse(404, 'route_not_found', message);
  });
}
