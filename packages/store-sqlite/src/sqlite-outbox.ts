import type {
  AnyWebhookEventV1,
  OutboxEvent,
  OutboxStore,
} from '@finhooks/core';
import type Database from 'better-sqlite3';

/** What the outbox needs from its store. */
export interface SqliteOutboxContext {
  db: Database.Database;
  /** The store's clock (ms since the epoch). */
  now: () => number;
  /** Migrates the database if the store did not yet. */
  ready: () => void;
}

interface TakenRow {
  position: number;
  provider: string;
  id: string;
  takes: number;
  first_taken_at: number;
  event: string;
}

/**
 * The transactional outbox of the SQLite store (migration 4). SQLite has
 * one writer at a time: a take is one IMMEDIATE transaction, so two relays
 * on the same file never lease the same event.
 */
export function createSqliteOutbox({
  db,
  now,
  ready,
}: SqliteOutboxContext): OutboxStore {
  let statements: ReturnType<typeof prepare> | undefined;

  function prepare() {
    return {
      enable: db.prepare<[number]>(
        'INSERT OR IGNORE INTO outbox_settings (singleton, enabled_at) VALUES (1, ?)',
      ),
      selectDue: db.prepare<[number, number], { position: number }>(`
        SELECT o.position FROM outbox o JOIN events e ON e.provider = o.provider AND e.id = o.id
        WHERE o.published_at IS NULL AND o.leased_until <= ? AND e.state <> 'quarantined'
        ORDER BY o.position
        LIMIT ?`),
      lease: db.prepare<[number, number, number], TakenRow>(`
        UPDATE outbox SET leased_until = ?, takes = takes + 1,
          first_taken_at = coalesce(first_taken_at, ?)
        WHERE position = ?
        RETURNING position, provider, id, takes, first_taken_at,
          (SELECT event FROM events e WHERE e.provider = outbox.provider AND e.id = outbox.id) AS event`),
      markPublished: db.prepare<[number, number, string, string]>(`
        UPDATE outbox SET published_at = ?, stream_seq = ?, leased_until = 0
        WHERE provider = ? AND id = ? AND published_at IS NULL`),
      release: db.prepare<[string, string]>(`
        UPDATE outbox SET leased_until = 0
        WHERE provider = ? AND id = ? AND published_at IS NULL`),
      sequence: db.prepare<
        [string, string],
        { stream_seq: number | null; published_at: number | null }
      >(
        'SELECT stream_seq, published_at FROM outbox WHERE provider = ? AND id = ?',
      ),
      lag: db.prepare<[], { events: number; oldest: number | null }>(`
        SELECT count(*) AS events, min(e.received_at) AS oldest
        FROM outbox o JOIN events e ON e.provider = o.provider AND e.id = o.id
        WHERE o.published_at IS NULL AND e.state <> 'quarantined'`),
    };
  }

  /**
   * Outbox writes commit without their own fsync (`synchronous = NORMAL`
   * for the one transaction; WAL keeps the database consistent): losing the
   * last marks or leases to a power cut only means a re-publish, which the
   * stream's dedup or the relay's lookup absorbs. The next claim's FULL
   * commit syncs them anyway. Claims keep the store's own setting.
   */
  function relaxed<T>(run: () => T): T {
    const previous = db.pragma('synchronous', { simple: true }) as number;
    if (previous <= 1) return run();
    db.pragma('synchronous = NORMAL');
    try {
      return run();
    } finally {
      db.pragma(`synchronous = ${previous}`);
    }
  }

  function s() {
    if (statements === undefined) {
      ready();
      statements = prepare();
    }
    return statements;
  }

  const take = db.transaction((limit: number, leaseMs: number) => {
    const st = s();
    const timestamp = now();
    const due = st.selectDue.all(timestamp, limit);
    return due.map(({ position }) =>
      st.lease.get(timestamp + leaseMs, timestamp, position)!,
    );
  });

  const mark = db.transaction(
    (events: readonly { provider: string; id: string; sequence: number }[]) => {
      const st = s();
      const timestamp = now();
      for (const { provider, id, sequence } of events)
        st.markPublished.run(timestamp, sequence, provider, id);
    },
  );

  const release = db.transaction(
    (keys: readonly { provider: string; id: string }[]) => {
      const st = s();
      for (const { provider, id } of keys) st.release.run(provider, id);
    },
  );

  return {
    async enableOutbox() {
      s().enable.run(now());
    },
    async takeUnpublished({ limit, leaseMs }) {
      const size = Math.floor(limit);
      if (!(size >= 1)) return [];
      const rows = relaxed(() => take.immediate(size, Math.max(0, leaseMs)));
      return rows.map((row): OutboxEvent => ({
        provider: row.provider,
        id: row.id,
        position: row.position,
        event: JSON.parse(row.event) as AnyWebhookEventV1,
        takes: row.takes,
        firstTakenAt: row.first_taken_at,
      }));
    },
    async markPublished(events) {
      if (events.length > 0) relaxed(() => mark.immediate(events));
    },
    async releaseUnpublished(keys) {
      if (keys.length > 0) relaxed(() => release.immediate(keys));
    },
    async publishedSequence({ provider, id }) {
      const row = s().sequence.get(provider, id);
      if (row === undefined) return undefined;
      return row.published_at === null ? null : row.stream_seq;
    },
    async outboxLag() {
      const row = s().lag.get();
      if (row === undefined || row.events === 0) return { events: 0 };
      return {
        events: row.events,
        ...(row.oldest === null
          ? {}
          : { oldestReceivedAt: new Date(row.oldest).toISOString() }),
      };
    },
  };
}
