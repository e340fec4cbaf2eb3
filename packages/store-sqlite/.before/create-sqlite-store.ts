import {
  clampListLimit,
  ConfigurationError,
  decodeStoreCursor,
  encodeStoreCursor,
  retryDelayMs,
  storedErrorMessage,
  toEpochMs,
  type AnyWebhookEventV1,
  type DurableWebhookStore,
  type ListStoredEventsQuery,
  type StoredEventState,
  type StoredEventsPage,
  type StoredWebhookEvent,
  type WebhookClaimResult,
  type WebhookEventKey,
  type WebhookStoreEntry,
  claimLease,
  createClaimLeases,
} from '@finhooks/core';
import Database from 'better-sqlite3';
import { migrateSqlite } from './sqlite-migrations';
import { toBuffer, toBytes } from './sqlite-bytes';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** Database file, created if missing; `:memory:` for a private in-memory database. */
  filename: string;
  /** Handler runs before an event is dead-lettered (`failed`). Default 10. */
  maxAttempts?: number;
  /**
   * How long a newly claimed event is reserved for the receiver that runs
   * its handlers, in ms, before a retry worker may take it over. Default 5 min.
   */
  leaseMs?: number;
  /** How long a write waits for another connection's lock, in ms. Default 5 000. */
  busyTimeoutMs?: number;
  /** Clock (ms since the epoch), for tests. Default `Date.now`. */
  now?: () => number;
}

/** A durable finhooks store in one SQLite database file. */
export type SqliteWebhookStore = DurableWebhookStore;

interface EventRow {
  provider: string;
  id: string;
  state: StoredEventState;
  attempts: number;
  lease: number;
  last_error: string | null;
  next_attempt_at: number | null;
  received_at: number;
  event: string;
  method: string | null;
  url: string | null;
  headers: string | null;
  body: Buffer | null;
}

const SELECT_ROW = `
  SELECT e.provider, e.id, e.state, e.attempts, e.lease, e.last_error, e.next_attempt_at,
         e.received_at, e.event, d.method, d.url, d.headers, d.body
  FROM events e LEFT JOIN deliveries d ON d.provider = e.provider AND d.id = e.id`;

function toStoredEvent(row: EventRow): StoredWebhookEvent {
  const stored: StoredWebhookEvent = {
    provider: row.provider,
    id: row.id,
    state: row.state,
    attempts: row.attempts,
    lease: row.lease,
    event: JSON.parse(row.event) as AnyWebhookEventV1,
    delivery: {
      method: row.method ?? '',
      url: row.url ?? '',
      headers:
        row.headers === null
          ? {}
          : (JSON.parse(row.headers) as Record<string, string>),
      body: row.body === null ? new Uint8Array(0) : toBytes(row.body),
    },
  };
  if (row.last_error !== null) stored.lastError = row.last_error;
  if (row.next_attempt_at !== null)
    stored.nextAttemptAt = new Date(row.next_attempt_at).toISOString();
  return stored;
}

function positiveInteger(
  name: string,
  value: number | undefined,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ConfigurationError({
      message: `createSqliteStore: ${name} must be a positive integer, got ${String(value)}.`,
    });
  }
  return value;
}

/**
 * A durable store for one receiver process (or several processes sharing a
 * local file): events and their raw deliveries are committed in `claim`
 * before the router answers 2xx, deduplicated on (provider, id), retried
 * with backoff and kept in quarantine when invalid. WAL mode with
 * `synchronous = FULL`: an acknowledged event survives `kill -9` and power
 * loss. Call `migrate()` once at start-up.
 */
export function createSqliteStore(
  options: SqliteStoreOptions,
): SqliteWebhookStore {
  if (typeof options?.filename !== 'string' || options.filename === '') {
    throw new ConfigurationError({
      message:
        'createSqliteStore: pass { filename } (a file path, or ":memory:").',
    });
  }
  const maxAttempts = positiveInteger('maxAttempts', options.maxAttempts, 10);
  const claimLeaseMs = positiveInteger(
    'leaseMs',
    options.leaseMs,
    5 * 60 * 1000,
  );
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const now = options.now ?? Date.now;

  const db = new Database(options.filename, { timeout: busyTimeoutMs });
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');

  const claims = createClaimLeases();
  let migrated = false;
  // Statements are prepared lazily: the tables exist only after migrate().
  let statements: Statements | undefined;
  const listStatements = new Map<
    string,
    Database.Statement<(string | number)[], EventRow>
  >();

  type Statements = ReturnType<typeof prepare>;

  function prepare() {
    return {
      insertEvent: db.prepare(`
        INSERT INTO events (provider, id, type, native_type, subject_type, subject_id, status,
          occurred_at, received_at, state, attempts, lease, next_attempt_at, event, issues)
        VALUES (@provider, @id, @type, @nativeType, @subjectType, @subjectId, @status,
          @occurredAt, @receivedAt, @state, @attempts, @lease, @nextAttemptAt, @event, @issues)
        ON CONFLICT (provider, id) DO NOTHING`),
      insertDelivery: db.prepare(`
        INSERT INTO deliveries (provider, id, method, url, headers, body)
        VALUES (@provider, @id, @method, @url, @headers, @body)
        ON CONFLICT (provider, id) DO NOTHING`),
      // A null lease is not fenced.
      complete: db.prepare<[string, string, number | null, number | null]>(`
        UPDATE events SET state = 'processed', next_attempt_at = NULL
        WHERE provider = ? AND id = ? AND state = 'processing' AND (? IS NULL OR lease = ?)`),
      getState: db.prepare<
        [string, string],
        { state: StoredEventState; attempts: number; lease: number }
      >(
        'SELECT state, attempts, lease FROM events WHERE provider = ? AND id = ?',
      ),
      setRetry: db.prepare<[string, number | null, string, string, string]>(`
        UPDATE events SET state = ?, next_attempt_at = ?, last_error = ?
        WHERE provider = ? AND id = ? AND state = 'processing'`),
      setQuarantineError: db.prepare<[string, string, string]>(`
        UPDATE events SET last_error = ?
        WHERE provider = ? AND id = ? AND state = 'quarantined'`),
      deadLetterExpired: db.prepare<[string, number, number]>(`
        UPDATE events SET state = 'failed', next_attempt_at = NULL, last_error = ?
        WHERE state = 'processing' AND next_attempt_at <= ? AND attempts >= ?`),
      selectDue: db.prepare<
        [number, number],
        { provider: string; id: string }
      >(`
        SELECT provider, id FROM events
        WHERE state IN ('pending', 'processing') AND next_attempt_at <= ?
        ORDER BY next_attempt_at, provider, id
        LIMIT ?`),
      lease: db.prepare<[number, string, string]>(`
        UPDATE events SET state = 'processing', attempts = attempts + 1, lease = lease + 1,
          next_attempt_at = ?
        WHERE provider = ? AND id = ?`),
      exists: db.prepare<[string, string], { found: number }>(
        'SELECT 1 AS found FROM events WHERE provider = ? AND id = ?',
      ),
      getEvent: db.prepare<[string, string], EventRow>(
        `${SELECT_ROW} WHERE e.provider = ? AND e.id = ?`,
      ),
      replace: db.prepare(`
        UPDATE events SET type = @type, native_type = @nativeType, subject_type = @subjectType,
          subject_id = @subjectId, status = @status, occurred_at = @occurredAt, state = @state,
          next_attempt_at = @nextAttemptAt, last_error = NULL, event = @event, issues = @issues
        WHERE provider = @provider AND id = @id AND state = 'quarantined'`),
      latestBySubject: db.prepare<[string, string, string], EventRow>(`
        ${SELECT_ROW}
        WHERE e.provider = ? AND e.subject_type = ? AND e.subject_id = ?
        ORDER BY e.occurred_at DESC NULLS LAST, e.received_at DESC, e.id DESC
        LIMIT 1`),
      // Deliveries go with their events (ON DELETE CASCADE).
      deleteBySubject: db.prepare<[string, string, string]>(`
        DELETE FROM events WHERE provider = ? AND subject_type = ? AND subject_id = ?`),
      counts: db.prepare<
        [],
        { provider: string; state: StoredEventState; count: number }
      >(`
        SELECT provider, state, count(*) AS count FROM events
        GROUP BY provider, state ORDER BY provider, state`),
    };
  }

  /** Migrates on first use (once per store) and prepares the statements. */
  function ready(): Statements {
    if (statements === undefined) {
      if (!migrated) migrateOnce();
      statements = prepare();
    }
    return statements;
  }

  function migrateOnce(): void {
    migrateSqlite(db);
    migrated = true;
  }

  function eventColumns(event: AnyWebhookEventV1) {
    const invalid = 'issues' in event;
    return {
      provider: event.provider,
      id: event.id,
      type: event.type,
      nativeType: event.nativeType,
      subjectType: event.subject?.type ?? null,
      subjectId: event.subject?.id ?? null,
      status: event.status ?? null,
      occurredAt: toEpochMs(event.occurredAt) ?? null,
      event: JSON.stringify(event),
      issues: invalid ? JSON.stringify(event.issues) : null,
      invalid,
    };
  }

  const claimTransaction = db.transaction(
    (s: Statements, entry: WebhookStoreEntry): WebhookClaimResult => {
      const { invalid, ...columns } = eventColumns(entry.event);
      const timestamp = now();
      const inserted = s.insertEvent.run({
        ...columns,
        receivedAt: toEpochMs(entry.event.receivedAt) ?? timestamp,
        state: invalid ? 'quarantined' : 'processing',
        attempts: invalid ? 0 : 1,
        lease: claimLease(invalid),
        nextAttemptAt: invalid ? null : timestamp + claimLeaseMs,
      });
      if (inserted.changes === 0) return 'duplicate';
      s.insertDelivery.run({
        provider: entry.event.provider,
        id: entry.event.id,
        method: entry.delivery.method,
        url: entry.delivery.url,
        headers: JSON.stringify(entry.delivery.headers),
        body: toBuffer(entry.delivery.body),
      });
      return 'claimed';
    },
  );

  const failTransaction = db.transaction(
    (
      s: Statements,
      key: WebhookEventKey,
      message: string,
      lease: number | undefined,
    ): void => {
      const row = s.getState.get(key.provider, key.id);
      if (row === undefined) return;
      // Another worker leased the event since: its outcome counts, not ours.
      if (lease !== undefined && row.lease !== lease) return;
      if (row.state === 'quarantined') {
        s.setQuarantineError.run(message, key.provider, key.id);
        return;
      }
      if (row.state !== 'processing') return;
      if (row.attempts < maxAttempts) {
        s.setRetry.run(
          'pending',
          now() + retryDelayMs(row.attempts),
          message,
          key.provider,
          key.id,
        );
      } else {
        s.setRetry.run('failed', null, message, key.provider, key.id);
      }
    },
  );

  const leaseTransaction = db.transaction(
    (s: Statements, limit: number, leaseMs: number): StoredWebhookEvent[] => {
      const timestamp = now();
      // A worker that died mid-way leaves `processing` with an expired lease;
      // one that keeps dying on the same event must not loop forever.
      s.deadLetterExpired.run(
        `The lease expired ${maxAttempts} times: the worker stopped while running the handlers.`,
        timestamp,
        maxAttempts,
      );
      // One IMMEDIATE transaction: no other connection writes in between.
      const due = s.selectDue.all(timestamp, limit);
      return due.map(({ provider, id }) => {
        s.lease.run(timestamp + leaseMs, provider, id);
        return toStoredEvent(s.getEvent.get(provider, id)!);
      });
    },
  );

  const replaceTransaction = db.transaction(
    (
      s: Statements,
      key: WebhookEventKey,
      event: AnyWebhookEventV1,
    ): StoredWebhookEvent | undefined => {
      const { invalid, ...columns } = eventColumns(event);
      const changed = s.replace.run({
        ...columns,
        provider: key.provider,
        id: key.id,
        state: invalid ? 'quarantined' : 'pending',
        nextAttemptAt: invalid ? null : now(),
      });
      if (changed.changes === 0) return undefined;
      const row = s.getEvent.get(key.provider, key.id);
      return row === undefined ? undefined : toStoredEvent(row);
    },
  );

  async function listEvents(
    query: ListStoredEventsQuery = {},
  ): Promise<StoredEventsPage> {
    ready();
    const limit = clampListLimit(query.limit);
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.provider !== undefined) {
      where.push('e.provider = ?');
      params.push(query.provider);
    }
    if (query.type !== undefined) {
      where.push('e.type = ?');
      params.push(query.type);
    }
    if (query.state !== undefined) {
      where.push('e.state = ?');
      params.push(query.state);
    }
    if (query.cursor !== undefined && query.cursor !== '') {
      const position = decodeStoreCursor(query.cursor);
      where.push('(e.received_at, e.provider, e.id) < (?, ?, ?)');
      params.push(position.receivedAtMs, position.provider, position.id);
    }
    const sql = `${SELECT_ROW}
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY e.received_at DESC, e.provider DESC, e.id DESC
      LIMIT ?`;
    let statement = listStatements.get(sql);
    if (statement === undefined) {
      statement = db.prepare<(string | number)[], EventRow>(sql);
      listStatements.set(sql, statement);
    }
    const rows = statement.all(...params, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      events: page.map(toStoredEvent),
      nextCursor:
        rows.length > limit && last !== undefined
          ? encodeStoreCursor({
              receivedAtMs: last.received_at,
              provider: last.provider,
              id: last.id,
            })
          : null,
    };
  }

  return {
    durable: true,
    async migrate() {
      migrateOnce();
    },
    async claim(entry) {
      // Retries are common: answer a stored event without serializing it
      // or taking the write lock. The insert below still decides races.
      const { provider, id } = entry.event;
      if (ready().exists.get(provider, id) !== undefined) return 'duplicate';
      const result = claimTransaction.immediate(ready(), entry);
      if (result === 'claimed')
        claims.remember(entry.event, claimLease('issues' in entry.event));
      return result;
    },
    async complete(key, options) {
      const lease = options?.lease ?? claims.take(key) ?? null;
      ready().complete.run(key.provider, key.id, lease, lease);
    },
    async fail(key, error, options) {
      const lease = options?.lease ?? claims.take(key);
      failTransaction.immediate(ready(), key, storedErrorMessage(error), lease);
    },
    async leaseDue({ limit, leaseMs }) {
      const size = Math.floor(limit);
      if (!(size >= 1)) return [];
      return leaseTransaction.immediate(ready(), size, Math.max(0, leaseMs));
    },
    listEvents,
    async getEvent(key) {
      const row = ready().getEvent.get(key.provider, key.id);
      return row === undefined ? undefined : toStoredEvent(row);
    },
    async replaceQuarantined(key, event) {
      if (event.provider !== key.provider || event.id !== key.id) {
        throw new TypeError(
          `replaceQuarantined: the new event is ${event.provider}/${event.id}, not ${key.provider}/${key.id}; a replay must keep the event's identity.`,
        );
      }
      return replaceTransaction.immediate(ready(), key, event);
    },
    async counts() {
      return ready().counts.all();
    },
    async latestBySubject({ provider, subjectType, subjectId }) {
      const row = ready().latestBySubject.get(provider, subjectType, subjectId);
      return row === undefined ? undefined : toStoredEvent(row);
    },
    async deleteBySubject({ provider, subjectType, subjectId }) {
      return ready().deleteBySubject.run(provider, subjectType, subjectId)
        .changes;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
