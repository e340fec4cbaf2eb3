import type { Logger } from './logger';

/** Longest string value written to a log line about a client's request. */
export const MAX_LOGGED_CHARS = 96;

/**
 * A client-controlled string cut for a log line: at most
 * {@link MAX_LOGGED_CHARS} characters, then how many more there were.
 */
export function clip(value: string, max = MAX_LOGGED_CHARS): string {
  return value.length <= max
    ? value
    : `${value.slice(0, max)}…(+${value.length - max})`;
}

/** Options of {@link createRefusalLog}. */
export interface RefusalLogOptions {
  logger: Logger;
  /** Lines logged per reason and period before the rest are only counted. */
  perReason?: number;
  /** Length of a period, and how often the summary line is written. */
  periodMs?: number;
}

/**
 * Logging of refused requests that an attacker cannot turn into a flood:
 * per reason, the first few of each period are logged (info, every string
 * clipped); the rest are counted and reported in one summary line per
 * period.
 */
export interface RefusalLog {
  refused(reason: string, fields?: Record<string, unknown>): void;
  /** Writes the pending summary now and stops the timer. */
  stop(): void;
}

function clipFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out[key] =
      typeof value === 'string'
        ? clip(value)
        : typeof value === 'number' || typeof value === 'boolean'
          ? value
          : clip(String(value));
  }
  return out;
}

export function createRefusalLog(options: RefusalLogOptions): RefusalLog {
  const { logger } = options;
  const perReason = options.perReason ?? 5;
  const periodMs = options.periodMs ?? 60_000;
  // Reasons are the app's own codes (a small fixed set), never client text.
  let counts = new Map<string, number>();
  let suppressed = 0;

  function summary(): void {
    if (suppressed > 0) {
      logger.info(
        {
          refused: Object.fromEntries(counts),
          notLogged: suppressed,
          periodS: Math.round(periodMs / 1000),
        },
        'refused requests (summary)',
      );
    }
    counts = new Map();
    suppressed = 0;
  }
  const timer = setInterval(summary, periodMs);
  timer.unref();

  return {
    refused(reason, fields = {}) {
      const key = clip(reason, 64);
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      if (count > perReason) {
        suppressed++;
        return;
      }
      logger.info(
        { reason: key, ...clipFields(fields) },
        count === perReason
          ? 'request refused (more of this reason are counted in the next summary)'
          : 'request refused',
      );
    },
    stop() {
      clearInterval(timer);
      summary();
    },
  };
}
