import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type {
  WebhookAdapterV1,
  WebhookEventV1,
  Webhooks,
} from '@finhooks/core';
import { createAdapters } from './adapters';
import { createApp, type App } from './app';
import { describeConfig, enabledProviders, type AppConfig } from './config';
import { createLogger, type Logger } from './logger';
import { openStore } from './store';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  config: AppConfig;
  logger?: Logger;
  /** Replaces the adapters built from the configuration (tests). */
  adapters?: readonly WebhookAdapterV1[];
  setup?: (webhooks: Webhooks<WebhookEventV1>) => void;
}

/** A listening service. */
export interface RunningServer {
  app: App;
  server: ServerType;
  port: number;
  url: string;
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
      '*** DEMO MODE *** these providers use the PUBLIC demo secrets from src/demo-secrets.ts: anyone can forge their webhooks. Never expose this instance; set real secrets and unset FINHOOKS_DEMO.',
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
  const app = createApp({
    config,
    logger,
    store,
    storeKind: kind,
    adapters,
    ...(options.setup && { setup: options.setup }),
  });

  const server = await new Promise<ServerType>((resolve, reject) => {
    const listening = serve(
      {
        fetch: app.hono.fetch,
        port: config.port,
        ...(config.host && { hostname: config.host }),
      },
      () => resolve(listening),
    );
    listening.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  app.worker.start();
  logger.info(
    { url, store: kind, providers: enabledProviders(config) },
    'listening',
  );

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
    await app.worker.stop();
    await app.settle();
    await app.store.close();
    logger.info('stopped');
  }

  return {
    app,
    server,
    port,
    url,
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}
