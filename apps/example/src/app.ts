import {
  createRetryWorker,
  createWebhooks,
  HandlerError,
  type DurableWebhookStore,
  type RetryWorker,
  type WebhookAdapterV1,
  type WebhookEventV1,
  type Webhooks,
} from '@finhooks/core';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { mountApiRoutes } from './api-routes';
import type { AppConfig } from './config';
import { createDeliveryFeed, type DeliveryFeed } from './delivery-feed';
import { EventBus } from './event-bus';
import { createLiveStream, type LiveStream } from './live-stream';
import type { Logger } from './logger';
import { createMetrics, type AppMetrics } from './metrics';
import { observeStore } from './observed-store';
import { operatorAuth, sameOriginOnly } from './operator-auth';
import { clip, createRefusalLog, type RefusalLog } from './refusal-log';
import { mountStaticFiles } from './static-files';
import type { StoreKind } from './store';
import { mountWebhookRoutes } from './webhook-routes';

/** Everything {@link createApp} needs; the store is already open. */
export interface CreateAppOptions {
  config: AppConfig;
  logger: Logger;
  store: DurableWebhookStore;
  storeKind: StoreKind;
  adapters: readonly WebhookAdapterV1[];
  /** Registers the application's handlers (tests add failing ones). */
  setup?: (webhooks: Webhooks<WebhookEventV1>) => void;
  /** Where refused requests are logged (rate-limited); made from `logger` by default. */
  refusals?: RefusalLog;
}

/** The wired service, before it listens. */
export interface App {
  hono: Hono;
  webhooks: Webhooks<WebhookEventV1>;
  store: DurableWebhookStore;
  worker: RetryWorker;
  metrics: AppMetrics;
  bus: EventBus;
  live: LiveStream;
  /** Per-minute delivery counts and refused deliveries (the console). */
  feed: DeliveryFeed;
  refusals: RefusalLog;
  /** Marks the app as draining: `/healthz` answers 503 from now on. */
  beginShutdown(): void;
  /** Waits for handler runs started after a 200 (accept-then-process). */
  settle(): Promise<void>;
}

/**
 * Wires adapters, the durable store, the router, the retry worker and the
 * HTTP routes into one Hono app.
 */
export function createApp(options: CreateAppOptions): App {
  const { config, logger, storeKind } = options;
  const metrics = createMetrics();
  const bus = new EventBus();
  const store = observeStore(options.store, bus, metrics);
  const refusals = options.refusals ?? createRefusalLog({ logger });
  const background = new Set<Promise<unknown>>();
  const webhooks = createWebhooks({
    adapters: options.adapters,
    store,
    logger,
    waitUntil: promise => {
      background.add(promise);
      void promise.finally(() => background.delete(promise));
    },
  });

  webhooks.onAny(event => {
    logger.debug(
      { provider: event.provider, eventId: event.id, type: event.type },
      'event handled',
    );
  });
  webhooks.onInvalid(event => {
    logger.warn(
      {
        provider: event.provider,
        eventId: event.id,
        nativeType: event.nativeType,
        issues: event.issues.length,
      },
      'payload failed its schema: quarantined, replay it after an upgrade',
    );
  });
  webhooks.onError((error, context) => {
    if (HandlerError.isInstance(error)) {
      logger.warn(
        {
          provider: context.provider,
          eventId: context.event?.id,
          err: error.message,
        },
        'handler failed: retried from the store',
      );
    }
  });
  options.setup?.(webhooks);

  const worker = createRetryWorker({
    webhooks,
    store,
    intervalMs: config.retryIntervalMs,
    onError: (error, key) =>
      logger.warn(
        {
          provider: key.provider,
          eventId: key.id,
          err: error instanceof Error ? error.message : String(error),
        },
        'retry failed',
      ),
  });
  let retryRound: Promise<unknown> = Promise.resolve();
  const kickRetries = () => {
    retryRound = retryRound.then(() => worker.runOnce()).catch(() => 0);
    background.add(retryRound);
    void retryRound.finally(() => background.delete(retryRound));
  };

  const live = createLiveStream(bus);
  const feed = createDeliveryFeed({
    publish: (event, data) => live.publish(event, data),
  });
  // Adapters exist only for configured providers (tests may inject others).
  const enabled = new Set(options.adapters.map(adapter => adapter.provider));
  let shuttingDown = false;

  const hono = new Hono();
  hono.onError((error, c) => {
    // A client's mistake: info, no stack.
    if (error instanceof HTTPException && error.status < 500) {
      refusals.refused(`http_${error.status}`, {
        method: c.req.method,
        path: c.req.path,
      });
      return error.getResponse();
    }
    logger.error(
      { err: error, method: c.req.method, path: clip(c.req.path) },
      'request failed',
    );
    return c.json(
      {
        ok: false,
        error: { code: 'internal_error', message: 'Internal error.' },
      },
      500,
    );
  });
  hono.notFound(c =>
    c.json(
      {
        ok: false,
        error: {
          code: 'route_not_found',
          message: `No route ${c.req.method} ${clip(c.req.path)}.`,
        },
      },
      404,
    ),
  );

  // The operator surface: everything but the webhook routes and /healthz.
  hono.use(
    '*',
    operatorAuth({
      token: config.adminToken,
      refusals,
      open: ['/webhooks/', '/healthz'],
    }),
  );
  hono.on(
    ['POST', 'PUT', 'PATCH', 'DELETE'],
    '/api/*',
    sameOriginOnly({
      refusals,
      origins:
        config.publicUrl === undefined
          ? []
          : [new URL(config.publicUrl).origin],
    }),
  );

  mountWebhookRoutes(hono, {
    webhooks,
    enabled,
    maxBodyBytes: config.maxBodyBytes,
    metrics,
    logger,
    refusals,
    feed,
  });
  mountApiRoutes(hono, {
    store,
    adapters: webhooks.adapters,
    metrics,
    logger,
    kickRetries,
    feed,
  });
  hono.get('/api/stream', c => live.handle(c.req.raw));
  hono.get('/api/info', c =>
    c.json({
      providers: [...enabled],
      demo: config.demoProviders.length > 0,
      demoProviders: config.demoProviders,
      store: storeKind,
      // The page polls /api/relay only when there is one (no 404 to log).
      relay: config.nats !== undefined,
    }),
  );
  hono.get('/healthz', async c => {
    if (shuttingDown)
      return c.json({ ok: false, status: 'shutting_down' }, 503);
    try {
      await store.listEvents({ limit: 1 });
      return c.json({ ok: true, store: storeKind, providers: [...enabled] });
    } catch (error) {
      logger.error({ err: error }, 'health check: database unreachable');
      return c.json(
        { ok: false, store: storeKind, error: 'database unreachable' },
        503,
      );
    }
  });
  hono.get('/metrics', async c =>
    c.body(await metrics.registry.metrics(), 200, {
      'content-type': metrics.registry.contentType,
    }),
  );
  mountStaticFiles(hono);

  return {
    hono,
    webhooks,
    store,
    worker,
    metrics,
    bus,
    live,
    feed,
    refusals,
    beginShutdown() {
      shuttingDown = true;
    },
    async settle() {
      while (background.size > 0) await Promise.allSettled([...background]);
    },
  };
}
