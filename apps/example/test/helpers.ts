import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadConfig, type AppConfig } from '../src/config';
import { createLogger } from '../src/logger';
import {
  startServer,
  type RunningServer,
  type StartServerOptions,
} from '../src/start-server';

/** Secrets of the test instances (not the demo ones, to prove config works). */
export const TEST_ENV: Record<string, string> = {
  DINTERO_WEBHOOK_SECRET: 'test-dintero-hooks',
  DINTERO_CHECKOUT_SECRET: 'test-dintero-checkout',
  DINTERO_ACCOUNT_ID: 'T11223344',
  SOLARIS_WEBHOOK_SECRET: 'test-solaris',
  SOLARIS_WEBHOOK_SECRETS: JSON.stringify({
    PERSON_DELETED: 'test-solaris-person-deleted',
    BUSINESS_DELETED: 'test-solaris-business-deleted',
  }),
  REDPIN_WEBHOOK_HEADER: 'x-redpin-token',
  REDPIN_WEBHOOK_TOKEN: 'test-redpin',
  TRADEVEST_WEBHOOK_HEADER: 'api-key',
  TRADEVEST_WEBHOOK_TOKEN: 'test-tradevest',
  LOG_LEVEL: 'silent',
  RETRY_INTERVAL_MS: '100',
  ADMIN_TOKEN: 'test-operator-token-0123456789abcdef',
};

/** The operator token of the test instances. */
export const OPERATOR_TOKEN = TEST_ENV.ADMIN_TOKEN!;

/** `fetch` with the operator's `Authorization: Bearer` (for `/api/*`, `/`, `/metrics`). */
export function operatorFetch(
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization'))
    headers.set('authorization', `Bearer ${OPERATOR_TOKEN}`);
  return fetch(url, { ...init, headers });
}

export const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const appDir = fileURLToPath(new URL('..', import.meta.url));

export async function makeTempDir(): Promise<{
  path: string;
  remove: () => Promise<void>;
}> {
  const path = await mkdtemp(join(tmpdir(), 'finhooks-example-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}

// `pg` is a dependency of the PostgreSQL store, not of the app.
function pgClient(connectionString: string): PgClient {
  const require = createRequire(import.meta.url);
  const storeRequire = createRequire(
    require.resolve('@finhooks/store-postgres/package.json'),
  );
  const { Client } = storeRequire('pg') as {
    Client: new (options: { connectionString: string }) => PgClient;
  };
  return new Client({ connectionString });
}

/** A fresh PostgreSQL database for one test file, dropped afterwards. */
export async function createPostgresDatabase(): Promise<{
  url: string;
  drop: () => Promise<void>;
}> {
  const name = `finhooks_example_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = pgClient(POSTGRES_ADMIN_URL);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = pgClient(POSTGRES_ADMIN_URL);
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Counts stored events straight from PostgreSQL. */
export async function queryPostgres(
  url: string,
  sql: string,
): Promise<Record<string, unknown>[]> {
  const client = pgClient(url);
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Which database a test server uses. */
export type TestDatabase =
  { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string };

export function testConfig(
  database: TestDatabase,
  env: Record<string, string> = {},
): AppConfig {
  return loadConfig({
    ...TEST_ENV,
    PORT: '0',
    ...(database.kind === 'sqlite'
      ? { DATA_DIR: database.dataDir }
      : { DATABASE_URL: database.url }),
    ...env,
  });
}

/** Starts the real server in this process on a free port. */
export function startTestServer(
  database: TestDatabase,
  options: Omit<StartServerOptions, 'config'> & {
    env?: Record<string, string>;
  } = {},
): Promise<RunningServer> {
  const { env, ...rest } = options;
  const config = testConfig(database, env);
  return startServer({
    logger: createLogger(config.logLevel),
    ...rest,
    config,
  });
}

/** A server in a child process (`node --import tsx src/server.ts`). */
export interface ChildServer {
  process: ChildProcess;
  url: string;
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function spawnServer(
  env: Record<string, string>,
): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: appDir,
    env: {
      PATH: process.env.PATH ?? '',
      ...TEST_ENV,
      LOG_LEVEL: 'info',
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', chunk => (stderr += String(chunk)));
  const exited = new Promise<number | null>(resolve =>
    child.once('exit', code => resolve(code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start: ${stderr}`)),
      30_000,
    );
    createInterface({ input: child.stdout! }).on('line', line => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      logs.push(entry);
      if (entry.msg === 'listening') {
        clearTimeout(timer);
        resolve(String(entry.url));
      }
    });
    void exited.then(code =>
      reject(new Error(`server exited with ${code}: ${stderr}`)),
    );
  });
  return {
    process: child,
    url,
    logs,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Polls until `check` returns a value other than undefined. */
export async function waitFor<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('waitFor: timed out');
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

/** Runs `worker` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  worker: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await worker(items[index]!, index);
      }
    }),
  );
  return results;
}
