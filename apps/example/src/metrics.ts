import {
  Counter,
  Histogram,
  Registry,
  collectDefaultMetrics,
} from 'prom-client';

/** The service's Prometheus metrics, in a registry of its own. */
export interface AppMetrics {
  registry: Registry;
  received: Counter<'provider'>;
  accepted: Counter<'provider'>;
  rejected: Counter<'provider' | 'reason'>;
  duplicates: Counter<'provider'>;
  handshakes: Counter<'provider'>;
  quarantined: Counter<'provider'>;
  handlerFailures: Counter<'provider'>;
  replays: Counter<'provider' | 'outcome'>;
  latency: Histogram<'provider' | 'status'>;
}

/** Creates the metrics (one registry per app, so tests can run several). */
export function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    received: new Counter({
      name: 'finhooks_webhooks_received_total',
      help: 'Webhook requests received, by provider route.',
      labelNames: ['provider'],
      registers,
    }),
    accepted: new Counter({
      name: 'finhooks_webhooks_accepted_total',
      help: 'New events committed to the store and acknowledged with 200.',
      labelNames: ['provider'],
      registers,
    }),
    rejected: new Counter({
      name: 'finhooks_webhooks_rejected_total',
      help: 'Webhook requests refused or failed, by provider and reason (error code).',
      labelNames: ['provider', 'reason'],
      registers,
    }),
    duplicates: new Counter({
      name: 'finhooks_webhooks_duplicates_total',
      help: 'Deliveries of events already stored (acknowledged, not stored again).',
      labelNames: ['provider'],
      registers,
    }),
    handshakes: new Counter({
      name: 'finhooks_webhooks_handshakes_total',
      help: 'Provider handshakes answered (Dintero ping, Solaris subscription check).',
      labelNames: ['provider'],
      registers,
    }),
    quarantined: new Counter({
      name: 'finhooks_webhooks_quarantined_total',
      help: 'Authentic events whose payload failed its schema, kept in quarantine.',
      labelNames: ['provider'],
      registers,
    }),
    handlerFailures: new Counter({
      name: 'finhooks_handler_failures_total',
      help: 'Handler runs that failed (the event is retried from the store).',
      labelNames: ['provider'],
      registers,
    }),
    replays: new Counter({
      name: 'finhooks_quarantine_replays_total',
      help: 'Quarantined events replayed, by outcome (pending = now valid).',
      labelNames: ['provider', 'outcome'],
      registers,
    }),
    latency: new Histogram({
      name: 'finhooks_webhook_request_duration_seconds',
      help: 'Time to answer a webhook request, by provider and HTTP status.',
      labelNames: ['provider', 'status'],
      buckets: [
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
      ],
      registers,
    }),
  };
}
