import type { WebhookOutcome } from '@finhooks/core';
import {
  createDeliveryStats,
  MINUTE_MS,
  type DeliveryOutcome,
  type DeliveryStats,
  type MinuteCounts,
} from './delivery-stats';
import {
  createRefusedDeliveries,
  type RefusalReasonCount,
  type RefusedDeliveries,
  type RefusedDelivery,
} from './refused-deliveries';

/** Refusals pushed per live message; a page that misses some refetches. */
const PUSHED_REFUSALS = 20;

/** Live message `deliveries`: the current counts of the minutes that changed. */
export interface DeliveriesMessage {
  now: number;
  minutes: MinuteCounts[];
}

/** Live message `refused`: the newest refusals and the counts per reason. */
export interface RefusedMessage {
  entries: RefusedDelivery[];
  counts: RefusalReasonCount[];
  total: number;
}

/** Where the feed pushes its coalesced messages (the live stream). */
export type Publish = (
  event: 'deliveries' | 'refused',
  data: DeliveriesMessage | RefusedMessage,
) => void;

/** One answered webhook request, as the routes report it. */
export interface DeliveryResult {
  provider: string;
  method: string;
  path: string;
  status: number;
  outcome?: WebhookOutcome;
  error?: unknown;
  /** Code and message of an answer made without an error (404, 405). */
  code?: string;
  message?: string;
}

/** Options of {@link createDeliveryFeed}. */
export interface DeliveryFeedOptions {
  publish?: Publish;
  /** Longest wait between a delivery and its live message (default 500 ms). */
  pushDelayMs?: number;
  stats?: DeliveryStats;
  refused?: RefusedDeliveries;
  now?: () => number;
}

/** The console's view of webhook traffic: counters, refusals, live pushes. */
export interface DeliveryFeed {
  readonly stats: DeliveryStats;
  readonly refused: RefusedDeliveries;
  record(result: DeliveryResult): void;
  /** Sends what is pending now (tests, shutdown). */
  flush(): void;
  stop(): void;
}

/** The chart's outcome of one answered request. */
export function outcomeOf(
  status: number,
  outcome: WebhookOutcome | undefined,
): DeliveryOutcome {
  if (outcome?.status === 'duplicate') return 'duplicate';
  if (outcome?.status === 'accepted')
    return outcome.invalid ? 'invalid' : 'accepted';
  if (outcome?.status === 'handshake') return 'accepted';
  if (status >= 400 && status < 500) return 'refused';
  return status >= 500 ? 'failed' : 'accepted';
}

/**
 * Feeds the per-minute counters and the refused-deliveries ring from each
 * webhook answer, and pushes the changes to open pages at most every
 * `pushDelayMs` (a flood of requests is one message per period, not one
 * per request).
 */
export function createDeliveryFeed(
  options: DeliveryFeedOptions = {},
): DeliveryFeed {
  const stats = options.stats ?? createDeliveryStats();
  const refused = options.refused ?? createRefusedDeliveries();
  const now = options.now ?? Date.now;
  const pushDelayMs = options.pushDelayMs ?? 500;
  const publish = options.publish;
  const dirtyMinutes = new Set<number>();
  let pushedSeq = refused.latestSeq;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    if (publish === undefined) return;
    if (dirtyMinutes.size > 0) {
      const at = now();
      publish('deliveries', {
        now: at,
        minutes: stats.minutes(dirtyMinutes, at),
      });
      dirtyMinutes.clear();
    }
    if (refused.latestSeq > pushedSeq) {
      publish('refused', {
        entries: refused.list({ limit: PUSHED_REFUSALS, afterSeq: pushedSeq }),
        counts: refused.counts(),
        total: refused.total,
      });
      pushedSeq = refused.latestSeq;
    }
  }

  return {
    stats,
    refused,
    record(result) {
      const at = now();
      const outcome = outcomeOf(result.status, result.outcome);
      stats.record(result.provider, outcome, at);
      if (outcome === 'refused') {
        refused.add({
          provider: result.provider,
          method: result.method,
          path: result.path,
          status: result.status,
          error: result.error,
          code: result.code,
          message: result.message,
          at,
        });
      }
      dirtyMinutes.add(Math.floor(at / MINUTE_MS) * MINUTE_MS);
      if (timer === undefined && publish !== undefined) {
        timer = setTimeout(flush, pushDelayMs);
        timer.unref?.();
      }
    },
    flush,
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
