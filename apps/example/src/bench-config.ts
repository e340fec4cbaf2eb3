// The bench's settings (environment variables) and the shapes of its rows.
import type { LoadReport } from './bench-load';
import { loadConfig, type AppConfig } from './config';

// BENCH_SMOKE=1 (CI): one short row each of the bare server and the app,
// results to BENCH_RESULTS_FILE; asserts no timing, only that every
// acknowledged delivery was stored.
export const smoke = process.env.BENCH_SMOKE === '1';
export const seconds = Number(process.env.BENCH_SECONDS ?? (smoke ? 1 : 8));
export const warmupSeconds = smoke ? 0 : Math.min(2, seconds);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
/** Seconds per sweep row (0: no sweep). */
export const sweepSeconds = Number(
  process.env.BENCH_SWEEP_SECONDS ?? (smoke ? 0 : 3),
);
/** Seconds of the soak row (0: no soak). */
export const soakSeconds = Number(
  process.env.BENCH_SOAK_SECONDS ?? (smoke ? 0 : 60),
);
export const host = '127.0.0.1';

/** One measured row of the results table. */
export interface Row {
  name: string;
  store: string;
  /** Index of the row it is compared with (the floor), or -1. */
  baseline: number;
  report: LoadReport;
  /** Server-side CPU (user + system) per answered request, µs. */
  cpuPerRequest: number;
  /** Event-loop utilization of the server process during the run. */
  elu: number;
  rssBefore: number;
  rssAfter: number;
  /** Events accepted resp. duplicates counted by the app's metrics. */
  accepted?: number;
  duplicates?: number;
  /** Rows of the provider the store holds more after the run than before. */
  stored?: number;
  /** Main-thread (event-loop) busy time per answered request, µs. */
  mainThreadUs: number;
  connections: number;
  /** Soak rows: RSS slope over the run after its first quarter, MB/min. */
  rssSlopeMbPerMin?: number;
}

/** One row, run in a process of its own (see {@link runRow}). */
export interface RowSpec {
  row: 'a' | "a'" | 'b' | 'c' | 'd' | 'b-pg' | 'h' | 'c-pg';
  /** Overrides of the defaults (sweep and soak rows). */
  connections?: number;
  padTo?: number;
  seconds?: number;
  label?: string;
  /** Index of the floor row the row is compared with. */
  baseline?: number;
  dataDir?: string;
  databaseUrl?: string;
  /** After the run, store the duplicate row's delivery once. */
  seedDuplicate?: boolean;
}

export function benchConfig(overrides: Partial<AppConfig>): AppConfig {
  const config = loadConfig({
    FINHOOKS_DEMO: '1',
    PORT: '0',
    HOST: host,
    LOG_LEVEL: 'info',
    // The load generator is one source address standing for many senders:
    // the per-source caps (64 connections by default) must not refuse it.
    MAX_CONNECTIONS_PER_SOURCE: '1024',
    MAX_BYTES_IN_FLIGHT_PER_SOURCE: String(256 * 1024 * 1024),
  });
  return { ...config, ...overrides };
}
