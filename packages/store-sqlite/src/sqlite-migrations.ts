import type Database from 'better-sqlite3';

/** One schema change; versions only ever grow, applied in order, once. */
export interface SqliteMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema. Times are integers (milliseconds since the epoch, UTC) so that
 * ordering and comparisons never depend on how an ISO string was spelled.
 */
export const sqliteMigrations: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'events and deliveries',
    sql: `
      CREATE TABLE events (
        provider TEXT NOT NULL,
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        native_type TEXT NOT NULL,
        subject_type TEXT,
        subject_id TEXT,
        status TEXT,
        occurred_at INTEGER,
        received_at INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'processing', 'processed', 'failed', 'quarantined')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_attempt_at INTEGER,
        event TEXT NOT NULL,
        issues TEXT,
        PRIMARY KEY (provider, id)
      ) STRICT;

      CREATE TABLE deliveries (
        provider TEXT NOT NULL,
        id TEXT NOT NULL,
        method TEXT NOT NULL,
        url TEXT NOT NULL,
        headers TEXT NOT NULL,
        body BLOB NOT NULL,
        PRIMARY KEY (provider, id),
        FOREIGN KEY (provider, id) REFERENCES events (provider, id) ON DELETE CASCADE
      ) STRICT;

      CREATE INDEX events_received_idx ON events (received_at DESC, provider DESC, id DESC);
      CREATE INDEX events_type_idx ON events (provider, type);
      CREATE INDEX events_due_idx ON events (state, next_attempt_at);
      CREATE INDEX events_subject_idx ON events (provider, subject_type, subject_id, occurred_at);
    `,
  },
  {
    version: 2,
    name: 'lease fencing',
    // The fencing token: +1 on every claim or lease of the event, so that
    // complete/fail of a holder whose lease was taken over change nothing.
    sql: `
      ALTER TABLE events ADD COLUMN lease INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 3,
    name: 'event identity',
    // The dedup key is no longer the id (docs/trust-model.md): a content key
    // may be stored several times (A, B, A for one subject). Rows written
    // before had their id as key. The rowid gives the insertion order of
    // the "latest event of a subject" lookup.
    sql: `
      ALTER TABLE events ADD COLUMN dedup_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE events ADD COLUMN identity_source TEXT NOT NULL DEFAULT 'provider_id'
        CHECK (identity_source IN ('provider_id', 'signed_material', 'content'));
      UPDATE events SET dedup_key = id, identity_source = 'provider_id';
      CREATE INDEX events_dedup_idx ON events (provider, dedup_key);
      CREATE INDEX events_content_idx
        ON events (provider, native_type, subject_type, subject_id, identity_source);
    `,
  },
  {
    version: 4,
    name: 'outbox',
    // The transactional outbox of a relay (sqlite-outbox.ts): once a row is
    // in outbox_settings, the trigger records every inserted event in the
    // claim's own transaction. Erasure and retention delete the record with
    // the event (retention only once it is published).
    sql: `
      CREATE TABLE outbox (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        provider TEXT NOT NULL,
        id TEXT NOT NULL,
        leased_until INTEGER NOT NULL DEFAULT 0,
        first_taken_at INTEGER,
        takes INTEGER NOT NULL DEFAULT 0,
        published_at INTEGER,
        stream_seq INTEGER,
        UNIQUE (provider, id),
        FOREIGN KEY (provider, id) REFERENCES events (provider, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX outbox_unpublished_idx ON outbox (position) WHERE published_at IS NULL;
      CREATE TABLE outbox_settings (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        enabled_at INTEGER NOT NULL
      ) STRICT;
      CREATE TRIGGER outbox_record AFTER INSERT ON events
        WHEN EXISTS (SELECT 1 FROM outbox_settings)
      BEGIN
        INSERT OR IGNORE INTO outbox (provider, id) VALUES (NEW.provider, NEW.id);
      END;
    `,
  },
];

/**
 * Applies the migrations not applied yet, in one IMMEDIATE transaction: a
 * second connection to the same file waits (busy_timeout) and then finds
 * nothing to do.
 */
export function migrateSqlite(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS finhooks_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    ) STRICT
  `);
  const applied = db.prepare<[], { version: number }>(
    'SELECT coalesce(max(version), 0) AS version FROM finhooks_migrations',
  );
  const record = db.prepare<[number, string, number]>(
    'INSERT INTO finhooks_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  db.transaction(() => {
    const current = applied.get()?.version ?? 0;
    for (const migration of sqliteMigrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
    }
  }).immediate();
}
