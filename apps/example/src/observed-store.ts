import type { DurableWebhookStore } from '@finhooks/core';
import type { EventBus } from './event-bus';
import type { AppMetrics } from './metrics';

/**
 * Wraps a durable store to publish what it commits (live page) and count
 * quarantined events and handler failures (metrics). Behaviour is
 * unchanged: every argument is passed through, the lease of `complete` and
 * `fail` included (without it an expired retry worker could overwrite the
 * state of an event another worker now holds).
 */
export function observeStore(
  store: DurableWebhookStore,
  bus: EventBus,
  metrics: AppMetrics,
): DurableWebhookStore {
  return {
    durable: true,
    migrate: () => store.migrate(),
    listEvents: query => store.listEvents(query),
    getEvent: key => store.getEvent(key),
    leaseDue: options => store.leaseDue(options),
    counts: () => store.counts(),
    latestBySubject: query => store.latestBySubject(query),
    deleteBySubject: query => store.deleteBySubject(query),
    purgeProcessed: options => store.purgeProcessed(options),
    rewriteEvent: (key, event) => store.rewriteEvent(key, event),
    close: () => store.close(),
    async claim(entry) {
      const result = await store.claim(entry);
      if (result.status === 'claimed') {
        const quarantined = 'issues' in entry.event;
        if (quarantined)
          metrics.quarantined.inc({ provider: entry.event.provider });
        bus.emit('stored', {
          // The store assigns the id (the dedup key, or `<key>.<n>`).
          event: { ...entry.event, id: result.id },
          state: quarantined ? 'quarantined' : 'processing',
        });
      }
      return result;
    },
    async complete(key, options) {
      await store.complete(key, options);
      bus.emit('updated', { provider: key.provider, id: key.id });
    },
    async fail(key, error, options) {
      metrics.handlerFailures.inc({ provider: key.provider });
      await store.fail(key, error, options);
      bus.emit('updated', { provider: key.provider, id: key.id });
    },
    async replaceQuarantined(key, event) {
      const updated = await store.replaceQuarantined(key, event);
      if (updated !== undefined) {
        bus.emit('updated', {
          provider: key.provider,
          id: key.id,
          state: updated.state,
        });
      }
      return updated;
    },
  };
}
