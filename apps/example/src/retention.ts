import type { DurableWebhookStore } from '@finhooks/core';
import type { Logger } from './logger';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Options of {@link startRetention}. */
export interface RetentionOptions {
  store: DurableWebhookStore;
  logger: Logger;
  retentionDays: number;
  intervalMs: number;
  /** Delay of the first run after start (default 1 min). */
  firstRunMs?: number;
}

/** The background deletion of processed events past their retention. */
export interface Retention {
  /** Deletes what is due now; returns how many events were deleted. */
  runOnce(): Promise<number>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Deletes processed events (and their raw deliveries) received more than
 * `retentionDays` ago, periodically, through the store's
 * `purgeProcessed`: never pending, processing, quarantined or failed rows.
 */
export function startRetention(options: RetentionOptions): Retention {
  const { store, logger, retentionDays, intervalMs } = options;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function purge(): Promise<number> {
    const before = new Date(Date.now() - retentionDays * DAY_MS);
    const deleted = await store.purgeProcessed({ before });
    if (deleted > 0) {
      logger.info(
        { deleted, before: before.toISOString(), retentionDays },
        'retention: deleted processed events',
      );
    }
    return deleted;
  }

  function runOnce(): Promise<number> {
    running ??= purge().finally(() => {
      running = undefined;
    });
    return running;
  }

  const tick = () => {
    if (stopped) return;
    runOnce().catch((error: unknown) =>
      logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'retention run failed: retried at the next interval',
      ),
    );
  };
  const first = setTimeout(tick, options.firstRunMs ?? 60_000);
  first.unref();
  const every = setInterval(tick, intervalMs);
  every.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running?.catch(() => 0);
    },
  };
}
