// `pnpm bench`: self-contained load benchmark of the example service.
// Starts the real app in-process (demo secrets, SQLite in a temp DATA_DIR,
// 127.0.0.1, port 0) next to a bare Hono route (the HTTP floor), forks
// dist/bench-load.js to load each for BENCH_SECONDS (default 8) with
// autocannon, and writes bench/RESULTS.md with ratios to the floor measured
// in the same run. PostgreSQL is benchmarked too when reachable at
// postgres://postgres@127.0.0.1:5432/test (own database, dropped after).
// Load is only ever sent to 127.0.0.1; every run is bounded in time.
import { fork } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { serve, type ServerType } from '@hono/node-server';
import { createRawWebhookRequest } from '@finhooks/core';
import { solarisExamples } from '@finhooks/solaris/testing';
import {
  signTradevestRequest,
  tradevestExamples,
} from '@finhooks/tradevest/testing';
import { Hono } from 'hono';
import { pino } from 'pino';
import { createLogger } from './logger';
import type { LoadJob, LoadReport } from './bench-load';
import { loadConfig, type AppConfig } from './config';
import { startServer, type RunningServer } from './start-server';

// BENCH_SMOKE=1 (CI): one short row each of the bare server and the app,
// results to BENCH_RESULTS_FILE; asserts no timing, only that every
// acknowledged delivery was stored.
const smoke = process.env.BENCH_SMOKE === '1';
const seconds = Number(process.env.BENCH_SECONDS ?? (smoke ? 1 : 8));
const warmupSeconds = smoke ? 0 : Math.min(2, seconds);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
/** Seconds per sweep row (0: no sweep). */
const sweepSeconds = Number(process.env.BENCH_SWEEP_SECONDS ?? (smoke ? 0 : 3));
/** Seconds of the soak row (0: no soak). */
const soakSeconds = Number(process.env.BENCH_SOAK_SECONDS ?? (smoke ? 0 : 60));
/** `.ts` under tsx (the smoke test), `.js` when built. */
const ownExtension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const postgresAdminUrl = 'postgres://postgres@127.0.0.1:5432/test';
const host = '127.0.0.1';

/** One measured row of the results table. */
interface Row {
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

/** Least-squares slope of RSS samples `[seconds, bytes]`, in MB per minute. */
function rssSlope(samples: [number, number][]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((sum, [x]) => sum + x, 0) / n;
  const my = samples.reduce((sum, [, y]) => sum + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of samples) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : ((num / den) * 60) / 1024 / 1024;
}

/**
 * The app's logger at the production default level (`info`: one access log
 * line per request), written to /dev/null so the bench output stays
 * readable: the serialization cost is measured, the log sink's is not.
 */
function benchLogger() {
  return createLogger('info', pino.destination('/dev/null'));
}

/** The HTTP floor: a bare Hono route that reads the body and answers 200. */
async function startBaseline(): Promise<{ server: ServerType; url: string }> {
  const app = new Hono();
  app.post('*', async c => {
    await c.req.arrayBuffer();
    return c.json({ ok: true });
  });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const listening = serve({ fetch: app.fetch, port: 0, hostname: host }, () =>
      resolve(listening),
    );
    listening.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://${host}:${port}` };
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise(resolve => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

/** Runs one load job in a child process (its own CPU and event loop). */
function load(job: LoadJob): Promise<LoadReport> {
  return new Promise((resolve, reject) => {
    const child = fork(
      new URL(`./bench-load${ownExtension}`, import.meta.url),
      {
        execArgv: process.execArgv.filter(arg => arg !== '--expose-gc'),
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    const killer = setTimeout(
      () => child.kill('SIGKILL'),
      (job.seconds + job.warmupSeconds + 30) * 1000,
    );
    let settled = false;
    child.once(
      'message',
      (message: { report?: LoadReport; error?: string }) => {
        settled = true;
        if (message.report) resolve(message.report);
        else reject(new Error(`load generator: ${message.error}`));
      },
    );
    child.once('exit', code => {
      clearTimeout(killer);
      if (!settled) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(job);
  });
}

/** Sum of a prom-client counter for one provider. */
async function counter(
  running: RunningServer,
  name: 'accepted' | 'duplicates',
  provider: string,
): Promise<number> {
  const { values } = await running.app.metrics[name].get();
  return values
    .filter(value => value.labels.provider === provider)
    .reduce((sum, value) => sum + value.value, 0);
}

/** Measures one job against the server in this process. */
async function measure(
  name: string,
  store: string,
  baseline: number,
  job: LoadJob,
  running?: RunningServer,
  provider?: string,
): Promise<Row> {
  console.log(`bench: ${name} (${store}), ${job.seconds} s…`);
  const rssBefore = process.memoryUsage().rss;
  if (job.warmupSeconds > 0) {
    await load({ ...job, seconds: job.warmupSeconds, warmupSeconds: 0 });
  }
  // Let the warm-up's last requests finish before counting.
  await new Promise(resolve => setTimeout(resolve, 250));
  await running?.app.settle();
  const count = async (name: 'accepted' | 'duplicates') =>
    running && provider ? counter(running, name, provider) : 0;
  const acceptedStart = await count('accepted');
  const duplicatesStart = await count('duplicates');
  const storedRows = async () =>
    running && provider
      ? (await running.app.store.counts())
          .filter(entry => entry.provider === provider)
          .reduce((sum, entry) => sum + entry.count, 0)
      : 0;
  const storedStart = await storedRows();
  // RSS once a second (soak rows report the slope).
  const started = performance.now();
  const samples: [number, number][] = [];
  const sampler = setInterval(
    () =>
      samples.push([
        (performance.now() - started) / 1000,
        process.memoryUsage().rss,
      ]),
    1000,
  );
  // Server-side CPU and event-loop use of the measured run only.
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const report = await load({ ...job, warmupSeconds: 0 });
  const usedElu = performance.eventLoopUtilization(elu);
  clearInterval(sampler);
  await running?.app.settle();
  const used = process.cpuUsage(cpu);
  const row: Row = {
    name,
    store,
    baseline,
    report,
    cpuPerRequest: (used.user + used.system) / Math.max(1, report.total),
    elu: usedElu.utilization,
    rssBefore,
    rssAfter: process.memoryUsage().rss,
    mainThreadUs: (usedElu.active * 1000) / Math.max(1, report.total),
    connections: job.connections,
  };
  if (job.seconds >= 30)
    row.rssSlopeMbPerMin = rssSlope(
      samples.filter(([at]) => at >= job.seconds / 4),
    );
  if (running && provider) {
    row.accepted = (await count('accepted')) - acceptedStart;
    row.duplicates = (await count('duplicates')) - duplicatesStart;
    // Every acknowledged delivery must be in the store: counted, not assumed.
    row.stored = (await storedRows()) - storedStart;
  }
  return row;
}

/** The Tradevest request: header auth, the customer-notification example. */
async function tradevestJob(
  config: AppConfig,
  url: string,
): Promise<Omit<LoadJob, 'kind'>> {
  const example = tradevestExamples.find(
    candidate => candidate.name === 'customer-notification',
  )!;
  const tradevest = config.providers.tradevest!;
  const signed = await signTradevestRequest(
    createRawWebhookRequest({ ...example.request, url }),
    { secret: tradevest.token, headerName: tradevest.header },
  );
  return {
    url,
    headers: Object.fromEntries(signed.headers),
    body: JSON.stringify(JSON.parse(String(example.request.body))),
    seconds,
    warmupSeconds,
    connections,
  };
}

/** The Solaris request: the BOOKING example, signed per request by the child. */
function solarisJob(config: AppConfig, url: string): LoadJob {
  const example = solarisExamples.find(
    candidate => candidate.nativeType === 'BOOKING',
  )!;
  const headers = Object.fromEntries(
    new Headers(example.request.headers).entries(),
  );
  return {
    url,
    kind: 'solaris',
    headers,
    body: String(example.request.body),
    secret: config.providers.solaris!.secret!,
    seconds,
    warmupSeconds,
    connections,
  };
}

/** The pieces of `pg` the bench needs (resolved through the store package). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
type PgClientClass = new (options: {
  connectionString: string;
  connectionTimeoutMillis: number;
}) => PgClient;

async function postgresAdmin(): Promise<PgClient | string> {
  try {
    const require = createRequire(
      import.meta.resolve('@finhooks/store-postgres'),
    );
    const { Client } = require('pg') as { Client: PgClientClass };
    const client = new Client({
      connectionString: postgresAdminUrl,
      connectionTimeoutMillis: 2000,
    });
    await client.connect();
    return client;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

function render(
  rows: Row[],
  notes: {
    loadStart: number[];
    loadEnd: number[];
    postgres: string;
  },
): string {
  const ratio = (row: Row) => {
    const floor = rows[row.baseline];
    if (row.baseline < 0 || floor === undefined) return '1.00× (floor)';
    const value = row.report.requestsPerSecond / floor.report.requestsPerSecond;
    return `${value.toFixed(2)}× of ${floor.name.slice(0, floor.name.indexOf(')') + 1)}`;
  };
  const load = (values: number[]) => values.map(v => v.toFixed(2)).join(' / ');
  const busy = notes.loadStart[0]! >= 1.5;
  const find = (name: string, store = 'sqlite') =>
    rows.find(row => row.name.startsWith(name) && row.store === store);
  const floor = find('(a) floor, Tradevest body', '—');
  const tradevest = find('(b)');
  const solaris = find('(c)');
  const duplicate = find('(d)');
  const postgres = find('(b)', 'postgres');
  const cores = (row: Row | undefined) =>
    row
      ? ((row.cpuPerRequest * row.report.requestsPerSecond) / 1e6).toFixed(2)
      : '?';
  const us = (row: Row | undefined) =>
    row ? Math.round(row.cpuPerRequest).toString() : '?';
  const gap = (row: Row | undefined, other: Row | undefined) =>
    row && other ? Math.round(row.cpuPerRequest - other.cpuPerRequest) : '?';
  const clientCores = (row: Row | undefined) =>
    row ? (row.report.clientCpuMs / 1000 / seconds).toFixed(2) : '?';
  const saturated = [floor, tradevest, duplicate, solaris].every(
    row =>
      row !== undefined &&
      (row.cpuPerRequest * row.report.requestsPerSecond) / 1e6 >= 0.85,
  );
  const lines = [
    '# Example service load benchmark',
    '',
    `Generated by \`pnpm --filter @finhooks/example bench\` (\`node dist/bench.js\`) on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${availableParallelism()} CPUs, ${connections} connections, ${seconds} s per row after a ${warmupSeconds} s warm-up, load generator (autocannon) in a child process on the same machine, loopback only (127.0.0.1).`,
    `Machine load (1 / 5 / 15 min) at start: ${load(notes.loadStart)}, at end: ${load(notes.loadEnd)}.${busy ? ' **The machine was not quiet when the run started (1-min load ≥ 1.5): absolute figures are noisy; the ratios, measured side by side in one run, hold better.**' : ''}`,
    '',
    "Each row runs in a fresh Node process (`--expose-gc`) that starts the floor server or the real app (`startServer`) in-process: demo secrets (`FINHOOKS_DEMO=1`), access logs at `info` to /dev/null, metrics on. SQLite is a temp `DATA_DIR` (WAL, `synchronous = FULL`): every 200 follows a committed event. (d) runs on (b)'s database, where the delivery is already stored. Ratios are req/s against the floor row named in the table, measured in the same run. RSS is that process (the load generator is its child) after `gc()`, before the warm-up and after the run; server CPU and event-loop busy cover the measured run only.",
    '',
    '| row | store | body B | req/s | vs floor | p50 ms | p99 ms | server CPU µs/req | event-loop busy | RSS before → after MB | 2xx | non-2xx / errors | accepted / duplicates |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(row => {
      const r = row.report;
      const counted =
        row.accepted === undefined
          ? '—'
          : `${row.accepted} / ${row.duplicates}`;
      return `| ${row.name} | ${row.store} | ${r.bodyBytes} | ${Math.round(r.requestsPerSecond).toLocaleString('en-US')} | ${ratio(row)} | ${r.p50} | ${r.p99} | ${Math.round(row.cpuPerRequest)} | ${(row.elu * 100).toFixed(0)}% | ${mb(row.rssBefore)} → ${mb(row.rssAfter)} | ${r.ok.toLocaleString('en-US')} | ${r.non2xx + r.errors + r.timeouts} | ${counted} |`;
    }),
    '',
    `PostgreSQL: ${notes.postgres}`,
    '',
    '## What limits throughput',
    '',
    `Client and server share ${availableParallelism()} CPUs; the load generator used ${clientCores(tradevest)} cores on the Tradevest row. The server process used ${cores(floor)} cores on the floor row and ${cores(tradevest)} / ${cores(duplicate)} / ${cores(solaris)}${postgres ? ` / ${cores(postgres)}` : ''} on (b) / (d) / (c)${postgres ? ' / (b) PostgreSQL' : ''}: ${saturated ? 'about one core each, so the server is CPU-bound on its single JavaScript thread and req/s follows server CPU per request' : 'below one core, so part of the time it waits (I/O, the client or a busy machine) and req/s is not CPU per request alone'}. The floor costs ${us(floor)} µs per request (Node HTTP + Hono); a new Tradevest event ${us(tradevest)} µs, a duplicate ${us(duplicate)} µs, a signed Solaris event ${us(solaris)} µs${postgres ? ` and a Tradevest event on PostgreSQL ${us(postgres)} µs` : ''}. What finhooks adds on top of the floor runs on that one thread for every delivery: the header check or the HMAC, JSON parse and the provider's zod schema, the event id, the store (a synchronous better-sqlite3 insert with \`synchronous = FULL\`; on PostgreSQL the \`pg\` protocol work in JS and a round trip), the accept-then-process handler run, one access-log line and the Prometheus metrics. The duplicate row stops after the id lookup (no insert, no handlers), so the (b)−(d) gap, ${gap(tradevest, duplicate)} µs, is what storing and processing a new event costs; (d)−floor, ${gap(duplicate, floor)} µs, is verification, parsing, the lookup, logging and metrics. More throughput per receiver therefore means less CPU per delivery or more processes (PostgreSQL lets several receivers share the store); more connections would not help.`,
    '',
  ];
  return lines.join('\n');
}

/** POSTs one body with a job's headers (3 s limit) and reads the answer. */
async function post(url: string, job: Omit<LoadJob, 'kind'>, body: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: job.headers,
    body,
    signal: AbortSignal.timeout(3000),
  });
  return { status: response.status, text: await response.text() };
}

/** Prettier-formats the results like the repository's `pnpm lint` expects. */
async function formatMarkdown(markdown: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    return await prettier.format(markdown, { parser: 'markdown' });
  } catch {
    return markdown;
  }
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** One row, run in a process of its own (see {@link runRow}). */
interface RowSpec {
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

const tvPath = '/webhooks/tradevest/customer-notification';

function benchConfig(overrides: Partial<AppConfig>): AppConfig {
  const config = loadConfig({
    FINHOOKS_DEMO: '1',
    PORT: '0',
    HOST: host,
    LOG_LEVEL: 'info',
  });
  return { ...config, ...overrides };
}

/**
 * Runs one row in this process: the floor server or the real app
 * in-process, the load from a child. Each row gets a fresh process, so no
 * row inherits another's heap, JIT state or module state.
 */
async function runRow(spec: RowSpec): Promise<Row> {
  const config = benchConfig({
    ...(spec.dataDir !== undefined && { dataDir: spec.dataDir }),
    ...(spec.databaseUrl !== undefined && { databaseUrl: spec.databaseUrl }),
  });
  const tune = (job: LoadJob): LoadJob => ({
    ...job,
    ...(spec.connections !== undefined && { connections: spec.connections }),
    ...(spec.padTo !== undefined && { padTo: spec.padTo }),
    ...(spec.seconds !== undefined && {
      seconds: spec.seconds,
      warmupSeconds: Math.min(warmupSeconds, 1),
    }),
  });
  const suffix = spec.label === undefined ? '' : `, ${spec.label}`;
  if (spec.row === 'h') {
    const bare = await startBareServer(config.providers.solaris!.secret!);
    try {
      gc();
      return await measure(
        `(h) bare node:http, HMAC + JSON.parse${suffix}`,
        '—',
        -1,
        tune(solarisJob(config, `${bare.url}/webhooks/solaris`)),
      );
    } finally {
      await closeServer(bare.server);
    }
  }
  if (spec.row === 'a' || spec.row === "a'") {
    const floor = await startBaseline();
    try {
      gc();
      return spec.row === 'a'
        ? await measure('(a) floor, Tradevest body', '—', -1, {
            ...(await tradevestJob(config, floor.url + tvPath)),
            kind: 'tradevest',
          })
        : await measure(
            "(a') floor, Solaris body",
            '—',
            -1,
            solarisJob(config, `${floor.url}/webhooks/solaris`),
          );
    } finally {
      await closeServer(floor.server);
    }
  }
  const running = await startServer({ config, logger: benchLogger() });
  try {
    const url = `http://${host}:${running.port}`;
    gc();
    if (spec.row === 'c' || spec.row === 'c-pg') {
      return await measure(
        `(c) Solaris, HMAC-SHA256, distinct${suffix}`,
        spec.row === 'c-pg' ? 'postgres' : 'sqlite',
        spec.baseline ?? 3,
        tune(solarisJob(config, `${url}/webhooks/solaris`)),
        running,
        'solaris',
      );
    }
    const tv = await tradevestJob(config, url + tvPath);
    if (spec.row === 'd') {
      return await measure(
        '(d) duplicates of one delivery',
        'sqlite',
        0,
        { ...tv, kind: 'duplicate' },
        running,
        'tradevest',
      );
    }
    const row = await measure(
      '(b) Tradevest, header auth, distinct',
      spec.row === 'b-pg' ? 'postgres' : 'sqlite',
      0,
      { ...tv, kind: 'tradevest' },
      running,
      'tradevest',
    );
    if (spec.seedDuplicate) await post(tv.url, tv, tv.body);
    return row;
  } finally {
    await running.close();
  }
}

/**
 * The raw limit of a receiver: `node:http`, the Solaris HMAC-SHA256 check
 * with `timingSafeEqual` and `JSON.parse` of the body, then 200. No
 * framework, no store: what any Node receiver must at least do.
 */
async function startBareServer(
  secret: string,
): Promise<{ server: ServerType; url: string }> {
  const server = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const header = String(request.headers['solaris-webhook-signature'] ?? '');
      const given = Buffer.from(header.slice('sha256='.length), 'hex');
      const expected = createHmac('sha256', secret).update(body).digest();
      if (
        given.length !== expected.length ||
        !timingSafeEqual(given, expected)
      ) {
        response.writeHead(401).end();
        return;
      }
      try {
        // The baseline's parse, verified first: the raw limit, not finhooks.
        JSON.parse(body.toString('utf8'));
      } catch {
        response.writeHead(400).end();
        return;
      }
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://${host}:${port}` };
}

/** Forks this file with `--row` and runs one row there. */
function forkRow(spec: RowSpec): Promise<Row> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--row'], {
      execArgv: [
        ...process.execArgv.filter(arg => arg !== '--expose-gc'),
        '--expose-gc',
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const killer = setTimeout(
      () => child.kill('SIGKILL'),
      (seconds + warmupSeconds + 60) * 1000,
    );
    let settled = false;
    child.once('message', (message: { row?: Row; error?: string }) => {
      settled = true;
      if (message.row) resolve(message.row);
      else reject(new Error(`row ${spec.row}: ${message.error}`));
    });
    child.once('exit', code => {
      clearTimeout(killer);
      if (!settled) reject(new Error(`row ${spec.row} exited with ${code}`));
    });
    child.send(spec);
  });
}

async function main(): Promise<number> {
  const loadStart = loadavg();
  const tempDirs: string[] = [];
  const newDataDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'finhooks-bench-'));
    tempDirs.push(dir);
    return dir;
  };
  const rows: Row[] = [];
  const sweep: Row[] = [];
  let soak: Row | undefined;
  let postgresNote = 'not run (smoke).';
  const postgresDatabase = async (
    run: (url: string) => Promise<void>,
  ): Promise<void> => {
    const admin = await postgresAdmin();
    if (typeof admin === 'string') {
      postgresNote = `not reachable at ${postgresAdminUrl} (${admin}); rows skipped.`;
      return;
    }
    const database = `finhooks_bench_${process.pid}_${Date.now().toString(36)}`;
    try {
      await admin.query(`CREATE DATABASE ${database}`);
      const url = new URL(postgresAdminUrl);
      url.pathname = `/${database}`;
      await run(url.toString());
      postgresNote = `a database of its own on ${url.host} (\`pg\` pool default size 10), created for the run and dropped after it.`;
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  };
  try {
    if (smoke) {
      rows.push(await forkRow({ row: 'h' }));
      rows.push(
        await forkRow({ row: 'c', dataDir: await newDataDir(), baseline: 0 }),
      );
    } else {
      rows.push(await forkRow({ row: 'a' }));
      // (d) runs on (b)'s database, where its delivery is already stored.
      const tvDir = await newDataDir();
      rows.push(
        await forkRow({ row: 'b', dataDir: tvDir, seedDuplicate: true }),
      );
      rows.push(await forkRow({ row: 'd', dataDir: tvDir }));
      rows.push(await forkRow({ row: "a'" }));
      // (h), index 4: the bare verify-and-parse server (c) is compared with.
      rows.push(await forkRow({ row: 'h' }));
      rows.push(
        await forkRow({ row: 'c', dataDir: await newDataDir(), baseline: 4 }),
      );
      await postgresDatabase(async url => {
        rows.push(await forkRow({ row: 'b-pg', databaseUrl: url }));
        rows.push(
          await forkRow({ row: 'c-pg', databaseUrl: url, baseline: 4 }),
        );
      });
      if (sweepSeconds > 0) {
        for (const padTo of [undefined, 64 * 1024]) {
          for (const count of [1, 8, 64, 256]) {
            const common = {
              connections: count,
              seconds: sweepSeconds,
              label: `${count} conn.`,
              ...(padTo !== undefined && { padTo }),
            };
            sweep.push(await forkRow({ row: 'h', ...common }));
            sweep.push(
              await forkRow({
                row: 'c',
                dataDir: await newDataDir(),
                ...common,
                baseline: sweep.length - 1,
              }),
            );
          }
        }
      }
      if (soakSeconds > 0) {
        soak = await forkRow({
          row: 'c',
          dataDir: await newDataDir(),
          seconds: soakSeconds,
          label: `${soakSeconds} s soak`,
          baseline: 4,
        });
      }
    }
  } finally {
    for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
  }

  const markdown = await formatMarkdown(
    [
      smoke
        ? '# Example service bench smoke (no timing asserted)\n'
        : render(rows, {
            loadStart,
            loadEnd: loadavg(),
            postgres: postgresNote,
          }),
      renderGroupCommit(rows, sweep, soak),
    ].join('\n'),
  );
  const target = process.env.BENCH_RESULTS_FILE;
  if (target === undefined) {
    const results = new URL('../bench/', import.meta.url);
    await mkdir(results, { recursive: true });
    await writeFile(new URL('RESULTS.md', results), markdown);
  } else {
    await writeFile(target, markdown);
  }
  console.log(markdown);
  // Every 2xx must be what the row claims: a new event (b, c) or a
  // duplicate (d). Requests in flight when the warm-up or the run stops
  // may be counted by the server only: at most one per connection each.
  // Every acknowledged new event must be in the store: counted rows.
  const counted = (row: Row) =>
    row.name.startsWith('(d)') ? row.duplicates : row.accepted;
  const all = [...rows, ...sweep, ...(soak ? [soak] : [])];
  const failed = all.filter(row => {
    const { ok, non2xx, errors, timeouts } = row.report;
    const server = counted(row);
    const slack = 2 * row.connections;
    return (
      ok === 0 ||
      non2xx + errors + timeouts > 0 ||
      (server !== undefined && (server < ok || server > ok + slack)) ||
      (row.stored !== undefined &&
        !row.name.startsWith('(d)') &&
        (row.stored < ok || row.stored > ok + slack))
    );
  });
  for (const row of failed) {
    console.error(`bench: row "${row.name}" (${row.store}) had failures.`);
  }
  return failed.length > 0 ? 1 : 0;
}

/** The issue-14 figures: the app against the bare server, sweep and soak. */
function renderGroupCommit(
  rows: Row[],
  sweep: Row[],
  soak: Row | undefined,
): string {
  const line = (row: Row, list: Row[]) => {
    const floor = list[row.baseline];
    const ratio =
      floor === undefined || row.baseline < 0
        ? '1.00×'
        : `${(row.report.requestsPerSecond / floor.report.requestsPerSecond).toFixed(2)}×`;
    const r = row.report;
    return `| ${row.name} | ${row.store} | ${row.connections} | ${r.bodyBytes} | ${Math.round(r.requestsPerSecond).toLocaleString('en-US')} | ${ratio} | ${r.p50} | ${r.p99} | ${Math.round(row.cpuPerRequest)} | ${Math.round(row.mainThreadUs)} | ${r.ok.toLocaleString('en-US')} | ${row.stored ?? '—'} | ${r.non2xx + r.errors + r.timeouts} |`;
  };
  const header = [
    '| row | store | conn. | body B | req/s | vs bare server | p50 ms | p99 ms | process CPU µs/req | main-thread µs/req | 2xx | stored rows | non-2xx / errors |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const main = rows.filter(
    row => row.name.startsWith('(h)') || row.name.startsWith('(c)'),
  );
  const lines = [
    '## Group commit: the app against the bare verify-and-parse server',
    '',
    `(h) is a bare \`node:http\` server that verifies the Solaris HMAC-SHA256 (\`timingSafeEqual\`) and \`JSON.parse\`s the body; (c) the app on the same load (a distinct, freshly signed delivery per request), compared with (h) of the same run. "stored rows" counts the provider's rows in the store after the run minus before it: every acknowledged (2xx) delivery must be there (the bench fails otherwise). Main-thread µs/req is event-loop busy time per answered request; process CPU includes libuv, GC and the SQLite fsync threads.`,
    '',
    ...header,
    ...main.map(row => line(row, rows)),
    '',
  ];
  if (sweep.length > 0) {
    lines.push(
      '## Sweep: connections and body size',
      '',
      'Each (c) row is compared with the (h) row just before it (same connections and body).',
      '',
      ...header,
      ...sweep.map(row => line(row, sweep)),
      '',
    );
  }
  if (soak !== undefined) {
    lines.push(
      '## Soak',
      '',
      `The app on SQLite for ${soakSeconds} s at ${soak.connections} connections: RSS ${mb(soak.rssBefore)} → ${mb(soak.rssAfter)} MB, slope **${(soak.rssSlopeMbPerMin ?? 0).toFixed(2)} MB/min** (least squares over the samples after the first quarter of the run), ${Math.round(soak.report.requestsPerSecond).toLocaleString('en-US')} req/s, p99 ${soak.report.p99} ms, ${soak.report.ok.toLocaleString('en-US')} acknowledged, ${soak.stored ?? '?'} stored.`,
      '',
    );
  }
  return lines.join('\n');
}

if (process.argv.includes('--row')) {
  process.once('message', (spec: RowSpec) => {
    runRow(spec).then(
      row => process.send?.({ row }, () => process.exit(0)),
      (error: unknown) =>
        process.send?.({ error: String(error) }, () => process.exit(1)),
    );
  });
} else {
  main().then(
    code => process.exit(code),
    (error: unknown) => {
      console.error('bench failed:', error);
      process.exit(1);
    },
  );
}
