import type { WebhookEventV1 } from '../envelope/v1/webhook-event-v1';
import type { Webhooks } from '../router/create-webhooks';
import type { DurableWebhookStore } from './durable-webhook-store';

/** Options of {@link createRetryWorker}. */
export interface RetryWorkerOptions<TEvent extends WebhookEventV1> {
  webhooks: Webhooks<TEvent>;
  store: DurableWebhookStore;
  /** How often to look for due events, in ms. Default 1 000. */
  intervalMs?: number;
  /** How long a leased event is reserved for this worker, in ms. Default 60 000. */
  leaseMs?: number;
  /** Events leased per round. Default 20. */
  batchSize?: number;
  /** Called when a retried event fails again (the store schedules the next try). */
  onError?: (error: unknown, event: StoredEventRef) => void;
}

/** Identifies the event a retry concerned. */
export interface StoredEventRef {
  provider: string;
  id: string;
}

/** A running retry loop. */
export interface RetryWorker {
  start(): void;
  /** Stops polling and waits for the round in flight. */
  stop(): Promise<void>;
  /** One round: lease due events, run their handlers; returns how many ran. */
  runOnce(): Promise<number>;
}

/**
 * Retries handlers from a durable store (accept-then-process): events whose
 * handlers failed, and events whose worker died mid-way (expired lease), are
 * leased, dispatched again and completed or failed with backoff. Safe to run
 * in every receiver process: the store never leases one event twice.
 */
export function createRetryWorker<TEvent extends WebhookEventV1>({
  webhooks,
  store,
  intervalMs = 1000,
  leaseMs = 60_000,
  batchSize = 20,
  onError,
}: RetryWorkerOptions<TEvent>): RetryWorker {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let current: Promise<number> = Promise.resolve(0);

  async function runOnce(): Promise<number> {
    const due = await store.leaseDue({ limit: batchSize, leaseMs });
    for (const stored of due) {
      const key = { provider: stored.provider, id: stored.id };
      // Fenced: if this run outlives its lease and another worker leases the
      // event, the store ignores this run's outcome.
      const lease = { lease: stored.lease };
      try {
        await webhooks.dispatch(stored.event);
        await store.complete(key, lease);
      } catch (error) {
        onError?.(error, key);
        await store.fail(key, error, lease);
      }
    }
    return due.length;
  }

  function schedule(): void {
    if (!running) return;
    timer = setTimeout(() => {
      current = runOnce().catch(error => {
        onError?.(error, { provider: '', id: '' });
        return 0;
      });
      void current.then(schedule);
    }, intervalMs);
    // Never keep a process alive just to poll.
    (timer as { unref?: () => void }).unref?.();
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule();
    },
    async stop() {
      running = false;
      if (timer !== undefined) clearTimeout(timer);
      await current;
    },
    runOnce,
  };
}
