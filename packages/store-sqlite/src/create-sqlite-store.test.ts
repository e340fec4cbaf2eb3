import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runDurableStoreContractTests } from '@finhooks/core/testing';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from './index';

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
      ).toEqual([{ version: 1, name: 'events and deliveries' }]);
      const indexes = db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_%' ORDER BY name",
        )
        .pluck()
        .all();
      expect(indexes).toEqual([
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
      const event = {
        specVersion: '1' as const,
        id: 'evt_1',
        provider: 'acme',
        type: 'payment.created',
        nativeType: 'PAYMENT_CREATED',
        receivedAt: '2026-03-01T12:00:00.000Z',
        data: {},
        delivery: {},
      };
      const body = new Uint8Array([0, 1, 2, 255]);
      expect(
        await first.claim({
          event,
          delivery: { method: 'POST', url: 'http://x/', headers: {}, body },
        }),
      ).toBe('claimed');
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
