/** Options of {@link createLogRateLimiter}. */
export interface LogRateLimiterOptions {
  /** Lines per reason and window before further ones are only counted. Default 10. */
  perWindow?: number;
  /** Window length in ms. Default 60 000. */
  windowMs?: number;
  /** Most distinct reasons tracked. Default 1 000. */
  maxReasons?: number;
  now?: () => number;
}

interface ReasonWindow {
  startedAt: number;
  logged: number;
  suppressed: number;
}

/**
 * Decides, per reason, whether a line may be written: the first
 * `perWindow` in each window are, the rest are counted, and the count is
 * handed back once (for a summary line) when the reason's next window
 * opens. A flood of refusals therefore costs a few lines a minute.
 */
export function createLogRateLimiter(options: LogRateLimiterOptions = {}) {
  const perWindow = options.perWindow ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const maxReasons = options.maxReasons ?? 1000;
  const now = options.now ?? Date.now;
  const reasons = new Map<string, ReasonWindow>();

  return {
    /**
     * `log`: write this line; `suppressedBefore` lines of this reason were
     * dropped in the previous window (write a summary when it is > 0).
     */
    take(reason: string): { log: boolean; suppressedBefore: number } {
      const time = now();
      let window = reasons.get(reason);
      let suppressedBefore = 0;
      if (window === undefined || time - window.startedAt >= windowMs) {
        suppressedBefore = window?.suppressed ?? 0;
        window = { startedAt: time, logged: 0, suppressed: 0 };
        reasons.delete(reason);
        reasons.set(reason, window);
        if (reasons.size > maxReasons) {
          const oldest = reasons.keys().next().value;
          if (oldest !== undefined) reasons.delete(oldest);
        }
      }
      if (window.logged < perWindow) {
        window.logged += 1;
        return { log: true, suppressedBefore };
      }
      window.suppressed += 1;
      return { log: false, suppressedBefore };
    },
  };
}
