// Two receivers on one PostgreSQL database, each with its own relay: every
// event is published once, and the events a receiver took and died with go
// to the other receiver's relay when their lease expires.
import { createPostgresStore } from '@finhooks/store-postgres';
import type { NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createNatsRelay } from './create-nats-relay';
import {
  connectTo,
  deleteStream,
  entry,
  exactlyOnce,
  makeEvent,
  readStream,
  uniqueName,
} from './test-helpers';

const connectionString =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = uniqueName('finhooks_relay');
const admin = new pg.Pool({ connectionString, max: 1 });
let nc: NatsConnection;

beforeAll(async () => {
  nc = await connectTo();
});
afterAll(async () => {
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
  await nc.drain();
});

it('two receivers on one PostgreSQL database publish each event once, and a receiver dying mid-batch leaves its events to the other', async () => {
  const stream = uniqueName('T_PG').toUpperCase();
  const prefix = uniqueName('t_pg');
  const a = createPostgresStore({ connectionString, schema });
  const b = createPostgresStore({ connectionString, schema });
  const dead = createPostgresStore({ connectionString, schema });
  const options = {
    connection: nc,
    stream,
    subjectPrefix: prefix,
    pollIntervalMs: 20,
    batchSize: 10,
    leaseMs: 500,
  };
  const relayA = createNatsRelay({ store: a, ...options });
  const relayB = createNatsRelay({ store: b, ...options });
  try {
    await a.migrate();
    await b.migrate();
    await dead.migrate();
    await a.enableOutbox();
    const ids: string[] = [];
    let acknowledged = 0;
    const claim = async (store: typeof a, index: number) => {
      const result = await store.claim(
        entry(
          makeEvent(`evt_${index}`, {
            subject: { type: 'payment', id: `pay_${index % 7}` },
          }),
        ),
      );
      if (result.status === 'claimed') acknowledged += 1;
      ids.push(`acme:evt_${index}`);
    };
    // A third receiver takes the first 15 events and dies without publishing.
    for (let index = 0; index < 15; index++) await claim(dead, index);
    const orphaned = await dead.takeUnpublished({ limit: 15, leaseMs: 500 });
    expect(orphaned).toHaveLength(15);
    await dead.close();

    await relayA.start();
    await relayB.start();
    // Both receivers accept deliveries while both relays run.
    await Promise.all([
      (async () => {
        for (let index = 15; index < 215; index += 2) await claim(a, index);
      })(),
      (async () => {
        for (let index = 16; index < 215; index += 2) await claim(b, index);
      })(),
    ]);
    await relayA.drained(30_000);
    await relayB.drained(30_000);
    const messages = await readStream(nc, stream);
    const figures = exactlyOnce(messages, ids);
    console.info('[relay-nats] two receivers on PostgreSQL', {
      sent: ids.length,
      acknowledged,
      ...figures,
      publishedByA: relayA.metrics().published,
      publishedByB: relayB.metrics().published,
    });
    expect(acknowledged).toBe(215);
    expect(figures).toEqual({
      expected: 215,
      inStream: 215,
      duplicates: 0,
      missing: 0,
      unexpected: 0,
    });
    expect(relayA.metrics().published + relayB.metrics().published).toBe(215);
    expect(relayA.metrics().published).toBeGreaterThan(0);
    expect(relayB.metrics().published).toBeGreaterThan(0);
  } finally {
    await relayA.stop();
    await relayB.stop();
    await a.close();
    await b.close();
    await deleteStream(nc, stream);
  }
});
