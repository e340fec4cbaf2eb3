import { expect, it } from 'vitest';
import {
  checkAdapterProperties,
  type AdapterPropertyTarget,
} from './adapter-properties';

declare const process: { env: Record<string, string | undefined> } | undefined;

/**
 * The property-based trust checks as one vitest test: every mutation of
 * covered material refused, nothing crashes, no 5xx. `FUZZ_RUNS` sets the
 * cases per property (default 50 here; `pnpm fuzz` runs 25,000 per
 * property, 100,000 per adapter) and the report is printed as one
 * `FUZZ_REPORT {…}` line for the fuzz script to collect.
 */
export function runAdapterPropertyTests(
  target: AdapterPropertyTarget,
  {
    numRuns = 50,
    timeoutMs = 120_000,
  }: { numRuns?: number; timeoutMs?: number } = {},
): void {
  const env = typeof process === 'undefined' ? {} : process.env;
  const runs = env.FUZZ_RUNS === undefined ? numRuns : Number(env.FUZZ_RUNS);
  it(
    'should refuse every mutation of what authenticates a delivery, and never crash',
    async () => {
      const report = await checkAdapterProperties(target, { numRuns: runs });
      if (env.FUZZ_RUNS !== undefined)
        console.log(`FUZZ_REPORT ${JSON.stringify(report)}`);
      expect(report.failures).toEqual([]);
      expect(report.crashes).toBe(0);
      expect(report.acceptedSignedMutations).toBe(0);
      expect(report.cases).toBeGreaterThan(runs);
    },
    env.FUZZ_RUNS === undefined ? timeoutMs : 3_600_000,
  );
}
