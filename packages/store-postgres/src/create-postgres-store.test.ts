import { randomBytes } from 'node:crypto';
import {
  createTestWebhookEvent,
  runDurableStoreContractTests,
} from '@finhooks/core/testing';
import type { WebhookEventV1 } from '@finhooks/core';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore, type PostgresPool } from './index';
import { postgresMigrations } from './postgres-migrations';

const connectionString =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// Unique per test file run: parallel runs (and other packages) never collide.
const prefix = `finhooks_test_${process.pid}_${randomBytes(3).toString('hex')}`;
const admin = new pg.Pool({ connectionString, max: 2 });
let counter = 0;

const sampleEvent: WebhookEventV1 = createTestWebhookEvent({
  id: 'evt_1',
  type: 'payment.created',
  nativeType: 'PAYMENT_CREATED',
});
const sampleDelivery = {
  method: 'POST',
  url: 'http://x/',
  headers: {},
  body: new Uint8Array(0),
};

async function dropSchema(schema: string): Promise<void> {
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}

afterAll(async () => {
  // Anything a failed test left behind.
  const { rows } = await admin.query<{ nspname: string }>(
    'SELECT nspname FROM pg_namespace WHERE nspname LIKE $1',
    [`${prefix}%`],
  );
  for (const { nspname } of rows) await dropSchema(nspname);
  await admin.end();
});

runDurableStoreContractTests({
  name: 'PostgreSQL',
  parallel: true,
  async createDatabase() {
    const schema = `${prefix}_${++counter}`;
    return {
      // Every store gets its own pool: two stores are two receivers.
      open: options =>
        createPostgresStore({ connectionString, schema, ...options }),
      cleanup: () => dropSchema(schema),
    };
  },
});

describe('createPostgresStore', () => {
  it('creates the schema with its tables, indexes and migration record', async () => {
    const schema = `${prefix}_layout`;
    const store = createPostgresStore({ connectionString, schema });
    try {
      await Promise.all([store.migrate(), store.migrate()]);
      const versions = await admin.query(
        `SELECT version, name FROM "${schema}".migrations`,
      );
      expect(versions.rows).toEqual([
        { version: 1, name: 'events and deliveries' },
        { version: 2, name: 'lease fencing' },
        { version: 3, name: 'event identity' },
        { version: 4, name: 'outbox' },
      ]);
      const indexes = await admin.query<{ indexname: string }>(
        'SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname',
        [schema],
      );
      expect(indexes.rows.map(row => row.indexname)).toEqual([
        'deliveries_pkey',
        'events_content_idx',
        'events_dedup_idx',
        'events_due_idx',
        'events_pkey',
        'events_received_idx',
        'events_subject_idx',
        'events_type_idx',
        'migrations_pkey',
        'outbox_pkey',
        'outbox_provider_id_key',
        'outbox_settings_pkey',
        'outbox_unpublished_idx',
      ]);
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });

  it('runs migrations safely from many receivers starting at once', async () => {
    const schema = `${prefix}_race`;
    const stores = Array.from({ length: 6 }, () =>
      createPostgresStore({ connectionString, schema }),
    );
    try {
      await Promise.all(stores.map(store => store.migrate()));
      const versions = await admin.query(
        `SELECT count(*)::int AS n FROM "${schema}".migrations`,
      );
      expect(versions.rows[0]).toEqual({ n: postgresMigrations.length });
    } finally {
      await Promise.all(stores.map(store => store.close()));
      await dropSchema(schema);
    }
  });

  it('upgrades a version 1 schema: its rows get lease 0 and stay usable', async () => {
    const schema = `${prefix}_upgrade`;
    const quoted = `"${schema}"`;
    const v1 = postgresMigrations[0]!;
    await admin.query(`CREATE SCHEMA ${quoted}`);
    await admin.query(
      `CREATE TABLE ${quoted}.migrations (version integer PRIMARY KEY, name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    await admin.query(v1.sql.replaceAll('{schema}', quoted));
    await admin.query(
      `INSERT INTO ${quoted}.migrations (version, name) VALUES (1, $1)`,
      [v1.name],
    );
    await admin.query(
      `INSERT INTO ${quoted}.events (provider, id, type, native_type, received_at, state,
         attempts, next_attempt_at, event)
       VALUES ('acme', 'evt_old', 't', 'T', now(), 'processing', 1, to_timestamp(0), '{}')`,
    );
    const store = createPostgresStore({
      connectionString,
      schema,
      now: () => 1000,
    });
    try {
      await store.migrate();
      const key = { provider: 'acme', id: 'evt_old' };
      expect((await store.getEvent(key))?.lease).toBe(0);
      const [leased] = await store.leaseDue({ limit: 1, leaseMs: 1000 });
      expect(leased).toMatchObject({ attempts: 2, lease: 1 });
      await store.complete(key, { lease: 0 });
      expect((await store.getEvent(key))?.state).toBe('processing');
      await store.complete(key, { lease: 1 });
      expect((await store.getEvent(key))?.state).toBe('processed');
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });

  it('upgrades a version 2 schema: its rows keep deduplicating by their id', async () => {
    const schema = `${prefix}_upgrade2`;
    const quoted = `"${schema}"`;
    await admin.query(`CREATE SCHEMA ${quoted}`);
    await admin.query(
      `CREATE TABLE ${quoted}.migrations (version integer PRIMARY KEY, name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    for (const step of postgresMigrations.slice(0, 2)) {
      await admin.query(step.sql.replaceAll('{schema}', quoted));
      await admin.query(
        `INSERT INTO ${quoted}.migrations (version, name) VALUES ($1, $2)`,
        [step.version, step.name],
      );
    }
    await admin.query(
      `INSERT INTO ${quoted}.events (provider, id, type, native_type, received_at, state,
         attempts, event)
       VALUES ('acme', 'evt_old', 't', 'T', now(), 'processed', 1, '{}')`,
    );
    const store = createPostgresStore({ connectionString, schema });
    try {
      await store.migrate();
      expect(
        await store.claim({
          event: {
            ...sampleEvent,
            id: 'evt_old',
            identity: { source: 'provider_id', key: 'evt_old' },
          },
          delivery: sampleDelivery,
        }),
      ).toEqual({ status: 'duplicate', id: 'evt_old' });
      expect(
        await store.claim({ event: sampleEvent, delivery: sampleDelivery }),
      ).toEqual({
        status: 'claimed',
        id: 'evt_1',
      });
      const { rows } = await admin.query(
        `SELECT id, dedup_key, identity_source FROM ${quoted}.events ORDER BY seq`,
      );
      expect(rows).toEqual([
        { id: 'evt_old', dedup_key: 'evt_old', identity_source: 'provider_id' },
        { id: 'evt_1', dedup_key: 'evt_1', identity_source: 'provider_id' },
      ]);
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });

  it('throws a failure that is not about the data, with its cause, and stores nothing', async () => {
    const schema = `${prefix}_lost`;
    const pool = new pg.Pool({ connectionString, max: 2 });
    const lost = Object.assign(
      new Error('Connection terminated unexpectedly'),
      {
        code: '08006',
      },
    );
    let failInserts = false;
    const flaky: PostgresPool = {
      query: (text, values) => pool.query(text, values),
      end: () => pool.end(),
      async connect() {
        const client = await pool.connect();
        return {
          async query(text: string, values?: unknown[]) {
            if (failInserts && text.includes('INSERT INTO')) throw lost;
            return client.query(text, values);
          },
          release: (error?: Error | boolean) => client.release(error),
        };
      },
    };
    const store = createPostgresStore({ pool: flaky, schema });
    try {
      await store.migrate();
      failInserts = true;
      const error: unknown = await store
        .claim({ event: sampleEvent, delivery: sampleDelivery })
        .catch((thrown: unknown) => thrown);
      // The driver's own error: the router wraps it as the StoreError's cause.
      expect(error).toBe(lost);
      expect(
        await store.getEvent({ provider: 'acme', id: 'evt_1' }),
      ).toBeUndefined();
      // Not quarantined: the provider's retry is stored normally.
      failInserts = false;
      expect(
        await store.claim({ event: sampleEvent, delivery: sampleDelivery }),
      ).toEqual({
        status: 'claimed',
        id: 'evt_1',
      });
      expect(
        (await store.getEvent({ provider: 'acme', id: 'evt_1' }))?.state,
      ).toBe('processing');
    } finally {
      await store.close();
      await pool.end();
      await dropSchema(schema);
    }
  });

  it('keeps a NUL in indexed columns as U+FFFD while the event JSON keeps it exactly', async () => {
    const schema = `${prefix}_nul`;
    const store = createPostgresStore({ connectionString, schema });
    try {
      const event = {
        ...sampleEvent,
        id: 'evt_\u0000',
        identity: { source: 'provider_id' as const, key: 'evt_\u0000' },
        status: 'A\u0000',
      };
      expect(await store.claim({ event, delivery: sampleDelivery })).toEqual({
        status: 'claimed',
        id: 'evt_\ufffd',
      });
      const stored = await store.getEvent({
        provider: 'acme',
        id: 'evt_\u0000',
      });
      expect(stored?.event).toEqual({ ...event, id: 'evt_\ufffd' });
      const { rows } = await admin.query(
        `SELECT id, dedup_key, status FROM "${schema}".events`,
      );
      expect(rows).toEqual([
        { id: 'evt_\ufffd', dedup_key: 'evt_\ufffd', status: 'A\ufffd' },
      ]);
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });

  it('uses a pool it is given and never ends it', async () => {
    const schema = `${prefix}_pool`;
    const pool = new pg.Pool({ connectionString, max: 3 });
    const typed: PostgresPool = pool; // pg.Pool fits the structural type
    const store = createPostgresStore({ pool: typed, schema });
    try {
      expect(await store.counts()).toEqual([]); // migrates on first use
      await store.close();
      expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await expect(store.counts()).rejects.toThrow(/closed/);
    } finally {
      await dropSchema(schema);
      await pool.end();
    }
  });

  it('refuses unusable options', () => {
    expect(() =>
      createPostgresStore({ connectionString, schema: 'x; DROP TABLE y' }),
    ).toThrow(/schema/);
    expect(() =>
      createPostgresStore({ connectionString, maxAttempts: 1.5 }),
    ).toThrow(/maxAttempts/);
    expect(() => createPostgresStore({ connectionString, leaseMs: 0 })).toThrow(
      /leaseMs/,
    );
  });

  it('answers with a store failure (not a duplicate) when the database is unreachable', async () => {
    const store = createPostgresStore({
      connectionString: 'postgres://postgres@127.0.0.1:1/none',
      schema: `${prefix}_down`,
    });
    try {
      await expect(
        store.claim({ event: sampleEvent, delivery: sampleDelivery }),
      ).rejects.toThrow();
    } finally {
      await store.close();
    }
  });
});
