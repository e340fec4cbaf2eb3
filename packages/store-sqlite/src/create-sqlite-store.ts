import {
  ConfigurationError,
  type AnyWebhookEventV1,
  type DurableWebhookStore,
  type ListStoredEventsQuery,
  type StoredEventState,
  type StoredEventsPage,
  type StoredWebhookEvent,
  type WebhookClaimResult,
  type WebhookEventKey,
  type WebhookStoreEntry,
} from '@finhooks/core';
import {
  assertSameEvent,
  clampListLimit,
  claimLease,
  createClaimLeases,
  decodeStoreCursor,
  isRejectedData,
  leaseExpiredMessage,
  nthEventId,
  purgeCutoffMs,
  rejectedEvent,
  resolveDurableStoreOptions,
  retryDelayMs,
  storedErrorMessage,
  toBuffer,
  toEpochMs,
  toEventsPage,
  toStoredEvent,
  type DurableStoreOptions,
  type StoredEventRow,
} from '@finhooks/core/store-kit';
import Database from 'better-sqlite3';
import { createSqliteGroupCommit } from './sqlite-group-commit';
import { migrateSqlite } from './sqlite-migrations';
import type { OutboxStore } from '@finhooks/core';
import { createSqliteOutbox } from './sqlite-outbox';
import { SQLITE } from './sqlite-rejected';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions extends DurableStoreOptions {
  /** Database file, created if missing; `:memory:` for a private in-memory database. */
  filename: string;
  /** How long a write waits for another connection's lock, in ms. Default 5 000. */
  busyTimeoutMs?: number;
}

/** A durable finhooks store in one SQLite database file. */
export type SqliteWebhookStore = DurableWebhookStore & OutboxStore;

const SELECT_ROW = `
  SELECT e.provider, e.id, e.state, e.attempts, e.lease, e.last_error, e.next_attempt_at,
         e.received_at, e.event, d.method, d.url, d.headers, d.body
  FROM events e LEFT JOIN deliveries d ON d.provider = e.provider AND d.id = e.id`;

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
  const {
    maxAttempts,
    leaseMs: claimLeaseMs,
    now,
  } = resolveDurableStoreOptions('createSqliteStore', options);
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;

  const db = new Database(options.filename, { timeout: busyTimeoutMs });
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');

  const claims = createClaimLeases();
  // Claims, completions and failures share one commit per event-loop turn.
  const group = createSqliteGroupCommit(db);
  let migrated = false;
  // Statements are prepared lazily: the tables exist only after migrate().
  let statements: Statements | undefined;
  const listStatements = new Map<
    string,
    Database.Statement<(string | number)[], StoredEventRow>
  >();

  type Statements = ReturnType<typeof prepare>;

  function prepare() {
    return {
      insertEvent: db.prepare(`
        INSERT INTO events (provider, id, type, native_type, subject_type, subject_id, status,
          occurred_at, received_at, state, attempts, lease, next_attempt_at, event, issues,
          dedup_key, identity_source)
        VALUES (@provider, @id, @type, @nativeType, @subjectType, @subjectId, @status,
          @occurredAt, @receivedAt, @state, @attempts, @lease, @nextAttemptAt, @event, @issues,
          @dedupKey, @identitySource)
        ON CONFLICT (provider, id) DO NOTHING`),
      // provider_id / signed_material: the key, at any age.
      byKey: db.prepare<[string, string], { id: string }>(`
        SELECT id FROM events
        WHERE provider = ? AND dedup_key = ? AND identity_source <> 'content'
        LIMIT 1`),
      // content: the latest event (insertion order) of the subject.
      latestContent: db.prepare<
        [string, string, string | null, string | null],
        { id: string; dedup_key: string; received_at: number }
      >(`
        SELECT id, dedup_key, received_at FROM events
        WHERE provider = ? AND native_type = ? AND subject_type IS ? AND subject_id IS ?
          AND identity_source = 'content'
        ORDER BY rowid DESC
        LIMIT 1`),
      countKey: db.prepare<[string, string], { n: number }>(
        'SELECT count(*) AS n FROM events WHERE provider = ? AND dedup_key = ?',
      ),
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
      getEvent: db.prepare<[string, string], StoredEventRow>(
        `${SELECT_ROW} WHERE e.provider = ? AND e.id = ?`,
      ),
      replace: db.prepare(`
        UPDATE events SET type = @type, native_type = @nativeType, subject_type = @subjectType,
          subject_id = @subjectId, status = @status, occurred_at = @occurredAt, state = @state,
          next_attempt_at = @nextAttemptAt, last_error = NULL, event = @event, issues = @issues
        WHERE provider = @provider AND id = @id AND state = 'quarantined'`),
      // Any state: only what the event says changes.
      rewrite: db.prepare(`
        UPDATE events SET type = @type, native_type = @nativeType, subject_type = @subjectType,
          subject_id = @subjectId, status = @status, occurred_at = @occurredAt, event = @event,
          issues = @issues
        WHERE provider = @provider AND id = @id`),
      latestBySubject: db.prepare<[string, string, string], StoredEventRow>(`
        ${SELECT_ROW}
        WHERE e.provider = ? AND e.subject_type = ? AND e.subject_id = ?
        ORDER BY e.occurred_at DESC NULLS LAST, e.received_at DESC, e.id DESC
        LIMIT 1`),
      // Deliveries go with their events (ON DELETE CASCADE).
      deleteBySubject: db.prepare<[string, string, string]>(`
        DELETE FROM events WHERE provider = ? AND subject_type = ? AND subject_id = ?`),
      purgeProcessed: db.prepare<[number]>(`
        DELETE FROM events WHERE state = 'processed' AND received_at < ?
          AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.provider = events.provider
            AND o.id = events.id AND o.published_at IS NULL)`),
      counts: db.prepare<
        [],
        { provider: string; state: StoredEventState; count: number }
      >(`
        SELECT provider, state, count(*) AS count FROM events
        GROUP BY provider, state ORDER BY provider, state`),
    };
  }

  /**
   * The statements, for an operation outside the group commit: what is
   * queued commits first, so the operation sees every write called before it.
   */
  function ready(): Statements {
    group.flush();
    return prepared();
  }

  /** Migrates on first use (once per store) and prepares the statements. */
  function prepared(): Statements {
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

  /** Throws a RangeError for data too deep to serialize. */
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

  /**
   * The id of the stored event this one repeats (docs/trust-model.md), if
   * any: a `provider_id`/`signed_material` key stored before, or a
   * `content` key equal to the latest event of its subject, within its
   * window.
   */
  function duplicateOf(
    s: Statements,
    event: AnyWebhookEventV1,
  ): string | undefined {
    const { identity, provider } = event;
    if (identity.source !== 'content')
      return s.byKey.get(provider, identity.key)?.id;
    const latest = s.latestContent.get(
      provider,
      event.nativeType,
      event.subject?.type ?? null,
      event.subject?.id ?? null,
    );
    if (latest === undefined || latest.dedup_key !== identity.key) return;
    return now() - latest.received_at <= (identity.windowMs ?? 0)
      ? latest.id
      : undefined;
  }

  const claimTransaction = db.transaction(
    (s: Statements, entry: WebhookStoreEntry): WebhookClaimResult => {
      const existing = duplicateOf(s, entry.event);
      if (existing !== undefined) return { status: 'duplicate', id: existing };
      const { identity, provider } = entry.event;
      // The first free id of the key: key, key.2, key.3…
      const stored = s.countKey.get(provider, identity.key)?.n ?? 0;
      let n = stored === 0 ? 1 : stored + 1;
      while (s.exists.get(provider, nthEventId(identity.key, n)) !== undefined)
        n += 1;
      const id = nthEventId(identity.key, n);
      const event = { ...entry.event, id };
      const { invalid, ...columns } = eventColumns(event);
      const timestamp = now();
      s.insertEvent.run({
        ...columns,
        receivedAt: toEpochMs(event.receivedAt) ?? timestamp,
        state: invalid ? 'quarantined' : 'processing',
        attempts: invalid ? 0 : 1,
        lease: claimLease(invalid),
        nextAttemptAt: invalid ? null : timestamp + claimLeaseMs,
        dedupKey: identity.key,
        identitySource: identity.source,
      });
      s.insertDelivery.run({
        provider,
        id,
        method: entry.delivery.method,
        url: entry.delivery.url,
        headers: JSON.stringify(entry.delivery.headers),
        body: toBuffer(entry.delivery.body),
      });
      return { status: 'claimed', id };
    },
  );

  /**
   * Claims `entry` inside a group commit (a savepoint of its own): an
   * authentic payload the database cannot take as is (nested too deep to
   * serialize…) is kept in quarantine, raw body included, instead of
   * failing every retry. Anything else is a store failure and throws.
   */
  function claimInGroup(
    s: Statements,
    entry: WebhookStoreEntry,
  ): { result: WebhookClaimResult; lease: number } {
    try {
      return {
        result: claimTransaction(s, entry),
        lease: claimLease('issues' in entry.event),
      };
    } catch (error) {
      if (!isRejectedData(error, SQLITE)) throw error;
      return {
        result: claimTransaction(s, {
          ...entry,
          event: rejectedEvent(entry.event, error, SQLITE),
        }),
        lease: claimLease(true),
      };
    }
  }

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
        leaseExpiredMessage(maxAttempts),
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
      statement = db.prepare<(string | number)[], StoredEventRow>(sql);
      listStatements.set(sql, statement);
    }
    return toEventsPage(statement.all(...params, limit + 1), limit);
  }

  return {
    durable: true,
    // The relay's transactional outbox (sqlite-outbox.ts).
    ...createSqliteOutbox({ db, now, ready: () => void ready() }),
    async migrate() {
      migrateOnce();
    },
    async claim(entry) {
      const s = prepared();
      // Retries are common: answer a stored provider id without queueing.
      // Content keys are decided in the commit, in arrival order (the
      // latest event of a subject may still be queued).
      if (entry.event.identity.source !== 'content') {
        const existing = duplicateOf(s, entry.event);
        if (existing !== undefined)
          return { status: 'duplicate', id: existing };
      }
      const { result, lease } = await group.enqueue(() =>
        claimInGroup(s, entry),
      );
      if (result.status === 'claimed')
        claims.remember(
          { provider: entry.event.provider, id: result.id },
          lease,
        );
      return result;
    },
    async complete(key, options) {
      const lease = options?.lease ?? claims.take(key) ?? null;
      const s = prepared();
      await group.enqueue(() =>
        s.complete.run(key.provider, key.id, lease, lease),
      );
    },
    async fail(key, error, options) {
      const lease = options?.lease ?? claims.take(key);
      const s = prepared();
      const message = storedErrorMessage(error);
      await group.enqueue(() => failTransaction(s, key, message, lease));
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
      assertSameEvent('replaceQuarantined', key, event);
      return replaceTransaction.immediate(ready(), key, event);
    },
    async rewriteEvent(key, event) {
      assertSameEvent('rewriteEvent', key, event);
      const { invalid: _invalid, ...columns } = eventColumns(event);
      return ready().rewrite.run({ ...columns, id: key.id }).changes === 1;
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
    async purgeProcessed({ before }) {
      // Deliveries go with their events (ON DELETE CASCADE).
      return ready().purgeProcessed.run(purgeCutoffMs(before)).changes;
    },
    async close() {
      if (db.open) group.flush();
      if (db.open) db.close();
    },
  };
}
