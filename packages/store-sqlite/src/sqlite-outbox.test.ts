// SQLite specifics of the outbox (the behaviour is in the durable store
// contract): the claim's transaction records the event, outbox writes keep
// the store's synchronous = FULL for claims, history is not relayed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestWebhookEvent } from '@finhooks/core/testing';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from './index';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0))
    rmSync(dir, { recursive: true, force: true });
});

function file(): string {
  const dir = mkdtempSync(join(tmpdir(), 'finhooks-outbox-'));
  dirs.push(dir);
  return join(dir, 'events.db');
}

function entry(id: string) {
  const event = createTestWebhookEvent({
    id,
    type: 'payment.created',
    nativeType: 'PAYMENT_CREATED',
  });
  return {
    event,
    delivery: {
      method: 'POST',
      url: 'http://x/',
      headers: {},
      body: new Uint8Array(0),
    },
  };
}

describe('SQLite outbox', () => {
  it('records events in the claim transaction once enabled, and leaves history alone', async () => {
    const filename = file();
    const store = createSqliteStore({ filename });
    try {
      await store.claim(entry('history'));
      await store.enableOutbox();
      await store.claim(entry('new'));
      const db = new Database(filename, { readonly: true });
      try {
        expect(
          db.prepare('SELECT provider, id, published_at FROM outbox').all(),
        ).toEqual([{ provider: 'acme', id: 'new', published_at: null }]);
      } finally {
        db.close();
      }
      // History was never in the outbox: retention purges it as before.
      await store.complete({ provider: 'acme', id: 'history' });
      expect(
        await store.purgeProcessed({
          before: new Date('2026-03-02T00:00:00Z'),
        }),
      ).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('commits outbox marks (without their own fsync) so that other connections see them', async () => {
    const filename = file();
    const store = createSqliteStore({ filename });
    try {
      await store.enableOutbox();
      await store.claim(entry('e1'));
      const [taken] = await store.takeUnpublished({ limit: 1, leaseMs: 1000 });
      await store.markPublished([
        { provider: 'acme', id: taken!.id, sequence: 1 },
      ]);
      // A second connection sees the mark (committed, WAL).
      const db = new Database(filename, { readonly: true });
      try {
        expect(
          db.prepare('SELECT stream_seq FROM outbox WHERE id = ?').get('e1'),
        ).toEqual({ stream_seq: 1 });
      } finally {
        db.close();
      }
      expect(
        await store.publishedSequence({ provider: 'acme', id: 'e1' }),
      ).toBe(1);
    } finally {
      await store.close();
    }
  });
});
