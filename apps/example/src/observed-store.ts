import type { DurableWebhookStore } from '@finhooks/core';
import type { EventBus } from './event-bus';
import type { AppMetrics } from './metrics';

/**
 * Wraps a durable store to publish what it commits (live page) and count
 * quarantined events and handler failures (metrics). Behaviour is unchanged.
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
    close: () => store.close(),
    async claim(entry) {
      const result = await store.claim(entry);
      if (result === 'claimed') {
        const quarantined = 'issues' in entry.event;
        if (quarantined)
          metrics.quarantined.inc({ provider: entry.event.provider });
        bus.emit('stored', {
          event: entry.event,
          state: quarantined ? 'quarantined' : 'processing',
        });
      }
      return result;
    },
    async complete(key) {
      await store.complete(key);
      bus.emit('updated', { provider: key.provider, id: key.id });
    },
    async fail(key, error) {
      metrics.handlerFailures.inc({ provider: key.provider });
      await store.fail(key, error);
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
