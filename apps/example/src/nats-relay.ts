import {
  isOutboxStore,
  type DurableWebhookStore,
  type StoredSubjectQuery,
} from '@finhooks/core';
import type { NatsRelay } from '@finhooks/relay-nats';
import { Gauge } from 'prom-client';
import type { App } from './app';
import type { NatsConfig } from './config';
import type { Logger } from './logger';

const DAY_MS = 24 * 3600 * 1000;

/** The running relay and how to stop it. */
export interface AppRelay {
  relay: NatsRelay;
  /** Erases a subject's stored events and announces it on the stream. */
  eraseSubject(query: StoredSubjectQuery): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts the NATS JetStream relay of the example app (`NATS_URL`): events
 * the store commits are published from its outbox, the stream keeps them
 * no longer than the store's retention, `/api/relay` and the
 * `finhooks_relay_*` metrics show its lag. When NATS is down the endpoint
 * keeps accepting and the relay retries.
 */
export async function startAppRelay(options: {
  config: NatsConfig;
  retentionDays: number;
  /** The store as opened (the app's wrapper does not carry the outbox). */
  store: DurableWebhookStore;
  app: App;
  logger: Logger;
}): Promise<AppRelay> {
  const { config, store, app, logger } = options;
  if (!isOutboxStore(store))
    throw new Error('The store has no outbox: the NATS relay needs one.');
  const { createNatsRelay } = await import('@finhooks/relay-nats');
  const relay = createNatsRelay({
    store,
    servers: config.url.split(',').map(server => server.trim()),
    stream: config.stream,
    subjectPrefix: config.subjectPrefix,
    maxAgeMs: options.retentionDays * DAY_MS,
    logger,
  });
  const registers = [app.metrics.registry];
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(read());
      },
    });
  gauge(
    'finhooks_relay_published_total',
    'Events published to NATS JetStream by this process.',
    () => relay.metrics().published,
  );
  gauge(
    'finhooks_relay_errors_total',
    'Failed NATS publishes, takes or connection attempts.',
    () => relay.metrics().errors,
  );
  gauge(
    'finhooks_relay_lag_events',
    'Committed events not yet published to NATS JetStream.',
    () => relay.metrics().lagEvents,
  );
  gauge(
    'finhooks_relay_lag_seconds',
    'Age of the oldest event not yet published to NATS JetStream.',
    () => relay.metrics().lagSeconds,
  );
  app.hono.get('/api/relay', c =>
    c.json({
      stream: config.stream,
      subjectPrefix: config.subjectPrefix,
      ...relay.metrics(),
    }),
  );
  const wake = () => relay.notify();
  app.bus.on('stored', wake);
  await relay.start();
  logger.info(
    { stream: config.stream, subjectPrefix: config.subjectPrefix },
    'relaying stored events to NATS JetStream',
  );
  return {
    relay,
    async eraseSubject(query) {
      const deleted = await store.deleteBySubject(query);
      await relay.publishErasure({ ...query, deleted });
      return deleted;
    },
    async stop() {
      app.bus.off('stored', wake);
      await relay.stop();
    },
  };
}
