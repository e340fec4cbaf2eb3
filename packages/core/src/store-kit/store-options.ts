import { ConfigurationError } from '../errors/configuration-error';

/** Options every finhooks SQL store takes (and the contract suite passes). */
export interface DurableStoreOptions {
  /** Handler runs before an event is dead-lettered (`failed`). Default 10. */
  maxAttempts?: number;
  /**
   * How long a newly claimed event is reserved for the receiver that runs
   * its handlers, in ms, before a retry worker may take it over. Default 5 min.
   */
  leaseMs?: number;
  /** Clock (ms since the epoch), for tests. Default `Date.now`. */
  now?: () => number;
}

/** {@link DurableStoreOptions} with their defaults applied. */
export interface ResolvedDurableStoreOptions {
  maxAttempts: number;
  leaseMs: number;
  now: () => number;
}

/**
 * An option that must be a positive safe integer, or its fallback when
 * absent. `factory` names the function in the error (`createSqliteStore`).
 * @throws ConfigurationError for anything else.
 */
export function positiveIntegerOption(
  factory: string,
  name: string,
  value: number | undefined,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ConfigurationError({
      message: `${factory}: ${name} must be a positive integer, got ${String(value)}.`,
    });
  }
  return value;
}

/**
 * Checks {@link DurableStoreOptions} and applies the defaults (10 attempts,
 * a 5 min claim lease, `Date.now`).
 * @throws ConfigurationError for a value that is not a positive integer.
 */
export function resolveDurableStoreOptions(
  factory: string,
  options: DurableStoreOptions,
): ResolvedDurableStoreOptions {
  return {
    maxAttempts: positiveIntegerOption(
      factory,
      'maxAttempts',
      options.maxAttempts,
      10,
    ),
    leaseMs: positiveIntegerOption(
      factory,
      'leaseMs',
      options.leaseMs,
      5 * 60 * 1000,
    ),
    now: options.now ?? Date.now,
  };
}
