import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import {
  remapStoredEvents,
  type WebhookAdapterV1,
  type WebhookEventV1,
  type Webhooks,
} from '@finhooks/core';
import { createAdapters } from './adapters';
import { createApp, type App } from './app';
import { describeConfig, enabledProviders, type AppConfig } from './config';
import { createHttpGuard, type HttpGuard } from './http-guard';
import { createLogger, type Logger } from './logger';
import { OPERATOR_USER } from './operator-auth';
import { startAppRelay, type AppRelay } from './nats-relay';
import { createRefusalLog } from './refusal-log';
import { startRetention, type Retention } from './retention';
import { openStore } from './store';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  config: AppConfig;
  logger?: Logger;
  /** Replaces the adapters built from the configuration (tests). */
  adapters?: readonly WebhookAdapterV1[];
  setup?: (webhooks: Webhooks<WebhookEventV1>) => void;
  /** Delay of the first retention run (default 1 min). */
  retentionFirstRunMs?: number;
  /** Where a generated operator token's sign-in URL is printed (stderr). */
  announce?: (line: string) => void;
}

/** A listening service. */
export interface RunningServer {
  app: App;
  server: ServerType;
  port: number;
  url: string;
  /** Per-source caps, body limits and the minimum body rate. */
  guard: HttpGuard;
  retention: Retention;
  /** The NATS JetStream relay, when `NATS_URL` is set. */
  relay?: AppRelay;
  /**
   * Graceful shutdown: stop accepting, let in-flight requests finish, end
   * live streams, stop the retry worker, wait for handler runs, close the
   * database. Idempotent.
   */
  close(): Promise<void>;
}

function logStartup(
  logger: Logger,
  config: AppConfig,
  adapters: readonly WebhookAdapterV1[],
): void {
  logger.info({ config: describeConfig(config) }, 'configuration');
  if (config.demoProviders.length > 0) {
    logger.warn(
      { demoProviders: config.demoProviders },
      '*** DEMO MODE *** these providers use the PUBLIC demo secrets from src/providers/: anyone can forge their webhooks. Never expose this instance; set real secrets and unset FINHOOKS_DEMO.',
    );
  }
  if (adapters.length === 0) {
    logger.warn(
      'No webhook route is enabled: no provider is configured. The page and the API run; set DINTERO_*, SOLARIS_*, REDPIN_* or TRADEVEST_* (see the README), or FINHOOKS_DEMO=1 to try it with demo secrets.',
    );
  } else {
    logger.info(
      { providers: adapters.map(adapter => adapter.provider) },
      'webhook routes enabled',
    );
  }
}

/** Opens the store, wires the app and listens on `config.port` (0 = any). */
export async function startServer(
  options: StartServerOptions,
): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const adapters = options.adapters ?? createAdapters(config);
  logStartup(logger, config, adapters);
  const { store, kind } = await openStore(config);
  const refusals = createRefusalLog({ logger });
  const app = createApp({
    config,
    logger,
    store,
    storeKind: kind,
    adapters,
    refusals,
    ...(options.setup && { setup: options.setup }),
  });
  // NATS_URL: relay committed events to JetStream (nats-relay.ts).
  const relay =
    config.nats &&
    (await startAppRelay({
      config: config.nats,
      retentionDays: config.retentionDays,
      store,
      app,
      logger,
    }));
  const guard = createHttpGuard({
    limits: config.limits,
    webhookMaxBodyBytes: config.maxBodyBytes,
    refusals,
  });

  let server: ServerType;
  try {
    server = await new Promise<ServerType>((resolve, reject) => {
      const listening = serve(
        {
          fetch: app.hono.fetch,
          port: config.port,
          createServer: guard.createServer,
          ...(config.host && { hostname: config.host }),
        },
        () => resolve(listening),
      );
      listening.once('error', reject);
    });
  } catch (error) {
    guard.stop();
    refusals.stop();
    await relay?.stop();
    await store.close().catch(() => {});
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const displayHost =
    config.host === undefined || ['0.0.0.0', '::'].includes(config.host)
      ? 'localhost'
      : config.host.includes(':')
        ? `[${config.host}]`
        : config.host;
  const url = `http://${displayHost}:${port}`;
  app.worker.start();
  // Events stored before an adapter renamed a type or subject type are
  // re-mapped from their raw deliveries, once, in the background.
  const remapping = new AbortController();
  const remapped = remapStoredEvents(store, adapters, {
    logger,
    signal: remapping.signal,
  }).then(
    counts => logger.info(counts, 'stored events re-mapped'),
    (error: unknown) =>
      logger.error({ err: error }, 're-mapping stored events failed'),
  );
  const retention = startRetention({
    store: app.store,
    logger,
    retentionDays: config.retentionDays,
    intervalMs: config.retentionIntervalMs,
    ...(options.retentionFirstRunMs !== undefined && {
      firstRunMs: options.retentionFirstRunMs,
    }),
  });
  logger.info(
    {
      url,
      host: config.host ?? 'all interfaces',
      store: kind,
      providers: enabledProviders(config),
    },
    'listening',
  );
  if (config.adminTokenGenerated) {
    // Like a notebook server: the token goes to the terminal, never to the log.
    logger.warn(
      'ADMIN_TOKEN is not set: a random operator token was generated for this run; the sign-in URL is printed on stderr. Set ADMIN_TOKEN (32+ characters) to keep one.',
    );
    const signIn = `http://${OPERATOR_USER}:${config.adminToken}@${url.slice('http://'.length)}/`;
    (options.announce ?? (line => process.stderr.write(`${line}\n`)))(
      `\n  Operator console (token valid until restart):\n    ${signIn}\n  or send "Authorization: Bearer ${config.adminToken}".\n`,
    );
  }

  let closing: Promise<void> | undefined;
  async function shutdown(): Promise<void> {
    logger.info('shutting down: finishing in-flight requests');
    app.beginShutdown();
    app.live.closeAll();
    const http = server as Server;
    const closed = new Promise<void>(resolve => http.close(() => resolve()));
    // Keep-alive connections that go idle while draining are closed too.
    const idle = setInterval(() => http.closeIdleConnections(), 50);
    const force = setTimeout(() => {
      logger.warn('shutdown timeout: closing the remaining connections');
      http.closeAllConnections();
    }, config.shutdownTimeoutMs);
    http.closeIdleConnections();
    await closed;
    clearInterval(idle);
    clearTimeout(force);
    guard.stop();
    await retention.stop();
    remapping.abort();
    await remapped;
    await app.worker.stop();
    await app.settle();
    await relay?.stop();
    await app.store.close();
    refusals.stop();
    logger.info('stopped');
  }

  return {
    app,
    server,
    port,
    url,
    guard,
    retention,
    ...(relay && { relay }),
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}
