import { TimestampOutOfToleranceError } from '../errors/timestamp-out-of-tolerance-error';

/** Options of {@link assertTimestampWithinTolerance}. */
export interface TimestampToleranceOptions {
  /** The signed timestamp in unix seconds. */
  timestamp: number;
  /** Allowed distance from now, in seconds, in the past and in the future. */
  toleranceSeconds: number;
  /** The current time; defaults to the system clock. */
  now?: Date;
  provider?: string;
}

/**
 * Rejects a signed timestamp older than the tolerance (a replay) or further
 * in the future than the tolerance (a skewed or forged clock). Both bounds
 * are always checked.
 */
export function assertTimestampWithinTolerance({
  timestamp,
  toleranceSeconds,
  now = new Date(),
  provider,
}: TimestampToleranceOptions): void {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const age = nowSeconds - timestamp;
  if (!Number.isFinite(timestamp) || Math.abs(age) > toleranceSeconds) {
    const direction = age > 0 ? `${age} s old` : `${-age} s in the future`;
    throw new TimestampOutOfToleranceError({
      provider,
      timestamp,
      toleranceSeconds,
      message: `The signed timestamp is ${Number.isFinite(age) ? direction : 'not a number'}; at most ${toleranceSeconds} s either way is accepted. Check this server's clock (NTP) if every request fails.`,
    });
  }
}
