import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runDurableStoreContractTests } from '@finhooks/core/testing';
import { describe, expect, it } from 'vitest';
import { signatureVerification, type WebhookEventV1 } from '@finhooks/core';
import { createSqliteStore } from './index';
import { sqliteMigrations } from './sqlite-migrations';

runDurableStoreContractTests({
  name: 'SQLite',
  parallel: false,
  async createDatabase() {
    // A real file, so that two stores are two connections to one database.
    const directory = mkdtempSync(join(tmpdir(), 'finhooks-sqlite-'));
    const filename = join(directory, 'events.db');
    return {
      open: options => createSqliteStore({ filename, ...options }),
      async cleanup() {
        rmSync(directory, { recursive: true, force: true });
      },
    };
  },
});

/** An `acme` event identified by its provider id, signed over the body. */
function acmeEvent(
  id: string,
  type: string,
  receivedAt: string,
): WebhookEventV1 {
  const nativeType = type.toUpperCase().replaceAll('.', '_');
  const authenticity = { ...signatureVerification({ body: true }), type: true };
  const identity = { source: 'provider_id' as const, key: id };
  return {
    specVersion: '1',
    id,
    identity,
    authenticity,
    provider: 'acme',
    type,
    nativeType,
    receivedAt,
    data: {},
    delivery: {},
  };
}

describe('createSqliteStore', () => {
  it('uses WAL, a busy timeout and the versioned schema', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'finhooks-sqlite-'));
    const filename = join(directory, 'events.db');
    try {
      const store = createSqliteStore({ filename, busyTimeoutMs: 2500 });
      await store.migrate();
      await store.migrate();
      await store.close();
      const db = new Database(filename, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(
        db.prepare('SELECT version, name FROM finhooks_migrations').all(),
      ).toEqual([
        { version: 1, name: 'events and deliveries' },
        { version: 2, name: 'lease fencing' },
        { version: 3, name: 'event identity' },
        { version: 4, name: 'outbox' },
      ]);
      const indexes = db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_%' ORDER BY name",
        )
        .pluck()
        .all();
      expect(indexes).toEqual([
        'events_content_idx',
        'events_dedup_idx',
        'events_due_idx',
        'events_received_idx',
        'events_subject_idx',
        'events_type_idx',
      ]);
      db.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('upgrades a version 1 database: its rows get lease 0 and stay usable', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'finhooks-sqlite-'));
    const filename = join(directory, 'events.db');
    try {
      const db = new Database(filename);
      db.exec(`CREATE TABLE finhooks_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
      db.exec(sqliteMigrations[0]!.sql);
      db.prepare(
        'INSERT INTO finhooks_migrations (version, name, applied_at) VALUES (1, ?, 0)',
      ).run(sqliteMigrations[0]!.name);
      db.prepare(
        `INSERT INTO events (provider, id, type, native_type, received_at, state, attempts,
           next_attempt_at, event)
         VALUES ('acme', 'evt_old', 't', 'T', 0, 'processing', 1, 0, ?)`,
      ).run(JSON.stringify({ provider: 'acme', id: 'evt_old' }));
      db.close();

      const store = createSqliteStore({ filename, now: () => 1000 });
      await store.migrate();
      const key = { provider: 'acme', id: 'evt_old' };
      expect((await store.getEvent(key))?.lease).toBe(0);
      const [leased] = await store.leaseDue({ limit: 1, leaseMs: 1000 });
      expect(leased).toMatchObject({ attempts: 2, lease: 1 });
      await store.complete(key, { lease: 0 });
      expect((await store.getEvent(key))?.state).toBe('processing');
      await store.complete(key, { lease: 1 });
      expect((await store.getEvent(key))?.state).toBe('processed');
      await store.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('upgrades a version 2 database: its rows keep deduplicating by their id', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'finhooks-sqlite-'));
    const filename = join(directory, 'events.db');
    try {
      const db = new Database(filename);
      db.exec(`CREATE TABLE finhooks_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
      for (const migration of sqliteMigrations.slice(0, 2)) {
        db.exec(migration.sql);
        db.prepare(
          'INSERT INTO finhooks_migrations (version, name, applied_at) VALUES (?, ?, 0)',
        ).run(migration.version, migration.name);
      }
      db.prepare(
        `INSERT INTO events (provider, id, type, native_type, received_at, state, attempts,
           next_attempt_at, event)
         VALUES ('acme', 'evt_old', 't', 'T', 0, 'processed', 1, NULL, ?)`,
      ).run(JSON.stringify({ provider: 'acme', id: 'evt_old' }));
      db.close();

      const store = createSqliteStore({ filename, now: () => 1000 });
      await store.migrate();
      const event = acmeEvent('evt_old', 't', new Date(1000).toISOString());
      const delivery = {
        method: 'POST',
        url: 'http://x/',
        headers: {},
        body: new Uint8Array(0),
      };
      expect(await store.claim({ event, delivery })).toEqual({
        status: 'duplicate',
        id: 'evt_old',
      });
      expect(
        await store.claim({
          event: {
            ...event,
            id: 'evt_new',
            identity: { ...event.identity, key: 'evt_new' },
          },
          delivery,
        }),
      ).toEqual({ status: 'claimed', id: 'evt_new' });
      await store.close();
      const check = new Database(filename, { readonly: true });
      expect(
        check
          .prepare(
            'SELECT id, dedup_key, identity_source FROM events ORDER BY id',
          )
          .all(),
      ).toEqual([
        { id: 'evt_new', dedup_key: 'evt_new', identity_source: 'provider_id' },
        { id: 'evt_old', dedup_key: 'evt_old', identity_source: 'provider_id' },
      ]);
      check.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('works in memory and migrates on first use', async () => {
    const store = createSqliteStore({ filename: ':memory:' });
    expect(await store.counts()).toEqual([]);
    await store.close();
  });

  it('survives a reopen: acknowledged events are on disk', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'finhooks-sqlite-'));
    const filename = join(directory, 'events.db');
    try {
      const first = createSqliteStore({ filename });
      await first.migrate();
      const event = acmeEvent(
        'evt_1',
        'payment.created',
        '2026-03-01T12:00:00.000Z',
      );
      const body = new Uint8Array([0, 1, 2, 255]);
      expect(
        await first.claim({
          event,
          delivery: { method: 'POST', url: 'http://x/', headers: {}, body },
        }),
      ).toEqual({ status: 'claimed', id: 'evt_1' });
      await first.close();
      const second = createSqliteStore({ filename });
      expect(
        (await second.getEvent({ provider: 'acme', id: 'evt_1' }))?.delivery
          .body,
      ).toEqual(body);
      await second.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('refuses unusable options', () => {
    expect(() => createSqliteStore({ filename: '' })).toThrow(/filename/);
    expect(() =>
      createSqliteStore({ filename: ':memory:', maxAttempts: 0 }),
    ).toThrow(/maxAttempts/);
    expect(() =>
      createSqliteStore({ filename: ':memory:', leaseMs: -1 }),
    ).toThrow(/leaseMs/);
  });
});
