// kill -9 under load: the receiver process is killed while deliveries are in
// flight (group commits running, answers being written). Every delivery it
// acknowledged with a 2xx must be in the store after a restart, on SQLite
// and on PostgreSQL: no acknowledgement before the commit that holds it.
import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createRawWebhookRequest } from '@finhooks/core';
import {
  signTradevestRequest,
  tradevestExamples,
} from '@finhooks/tradevest/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store';
import {
  TEST_ENV,
  createPostgresDatabase,
  makeTempDir,
  mapLimit,
  spawnServer,
  type TestDatabase,
} from './helpers';

/** POSTs one body; resolves with the answer, or `undefined` if the connection died. */
function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string } | undefined> {
  return new Promise(resolve => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        agent: false,
      },
      response => {
        let text = '';
        response.on('data', chunk => (text += String(chunk)));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text }),
        );
        response.on('error', () => resolve(undefined));
      },
    );
    request.on('error', () => resolve(undefined));
    request.end(body);
  });
}

async function killUnderLoad(
  database: TestDatabase,
  env: Record<string, string>,
): Promise<{ acknowledged: string[]; missing: string[] }> {
  const server = await spawnServer(env);
  const example = tradevestExamples.find(
    candidate => candidate.name === 'customer-notification',
  )!;
  const signed = await signTradevestRequest(
    createRawWebhookRequest({
      ...example.request,
      url: `${server.url}/webhooks/tradevest/customer-notification`,
    }),
    { secret: TEST_ENV.TRADEVEST_WEBHOOK_TOKEN!, headerName: 'api-key' },
  );
  const headers = Object.fromEntries(signed.headers);
  const template = JSON.parse(new TextDecoder().decode(signed.body)) as Record<
    string,
    unknown
  >;
  const url = new URL(signed.url);
  const acknowledged: string[] = [];
  let killed = false;
  // Kill once enough deliveries were acknowledged, with 32 more in flight.
  const killer = setInterval(() => {
    if (!killed && acknowledged.length >= 300) {
      killed = true;
      server.process.kill('SIGKILL');
    }
  }, 5);
  const deadline = Date.now() + 20_000;
  await mapLimit(
    Array.from({ length: 32 }, (_, index) => index),
    32,
    async () => {
      while (!killed && Date.now() < deadline) {
        const body = JSON.stringify({ ...template, customerId: randomUUID() });
        const answer = await post(url, headers, body);
        if (answer === undefined) continue;
        if (answer.status >= 200 && answer.status < 300) {
          acknowledged.push((JSON.parse(answer.text) as { id: string }).id);
        }
      }
    },
  );
  clearInterval(killer);
  if (!killed) server.process.kill('SIGKILL');
  await server.exited;

  // Restart on the same database: every acknowledged event is there.
  const { store } = await openStore(
    database.kind === 'sqlite'
      ? { dataDir: database.dataDir, databaseUrl: undefined }
      : { dataDir: '', databaseUrl: database.url },
  );
  try {
    const missing: string[] = [];
    await mapLimit(acknowledged, 16, async id => {
      const stored = await store.getEvent({ provider: 'tradevest', id });
      if (stored === undefined) missing.push(id);
    });
    return { acknowledged, missing };
  } finally {
    await store.close();
  }
}

describe('kill -9 under load', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('should keep every acknowledged delivery on SQLite', async () => {
    const dir = await makeTempDir();
    cleanups.push(dir.remove);
    const { acknowledged, missing } = await killUnderLoad(
      { kind: 'sqlite', dataDir: dir.path },
      { DATA_DIR: dir.path },
    );
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    expect(missing).toEqual([]);
  }, 60_000);

  it('should keep every acknowledged delivery on PostgreSQL', async () => {
    const database = await createPostgresDatabase();
    cleanups.push(database.drop);
    const { acknowledged, missing } = await killUnderLoad(
      { kind: 'postgres', url: database.url },
      { DATABASE_URL: database.url },
    );
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    expect(missing).toEqual([]);
  }, 60_000);
});
