import {
  ConfigurationError,
  type AnyWebhookEventV1,
  type DurableWebhookStore,
  type ListStoredEventsQuery,
  type StoredEventState,
  type StoredEventsPage,
  type StoreLeaseOptions,
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
  identityScope,
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
import { createHash } from 'node:crypto';
import pg from 'pg';
import { createPostgresBatchClaims } from './postgres-batch-claim';
import { postgresMigrations } from './postgres-migrations';
import { fittedKey, fittedText, pgText, POSTGRES } from './postgres-rejected';
import type { OutboxStore } from '@finhooks/core';
import { createPostgresOutbox } from './postgres-outbox';
import { inTransaction } from './postgres-transaction';

/** The result of a query, as `pg` returns it. */
export interface PostgresQueryResult {
  rows: unknown[];
  rowCount: number | null;
}

/** A client checked out of a pool (`pg.PoolClient` fits). */
export interface PostgresPoolClient {
  query(text: string, values?: unknown[]): Promise<PostgresQueryResult>;
  release(error?: Error | boolean): void;
}

/**
 * The part of a `pg.Pool` the store uses: pass your own pool and it fits,
 * without this package's types depending on `@types/pg`.
 */
export interface PostgresPool {
  query(text: string, values?: unknown[]): Promise<PostgresQueryResult>;
  connect(): Promise<PostgresPoolClient>;
  end(): Promise<void>;
}

/** Options of {@link createPostgresStore}. */
export interface PostgresStoreOptions extends DurableStoreOptions {
  /**
   * `postgres://user@host:5432/db`. Without it (and without `pool`) the
   * standard `PG*` environment variables apply.
   */
  connectionString?: string;
  /** An existing `pg.Pool`; the store never ends a pool it did not create. */
  pool?: PostgresPool;
  /** Schema holding the tables, created by `migrate()`. Default `finhooks`. */
  schema?: string;
}

/** A durable finhooks store in PostgreSQL, shareable by many receivers. */
export type PostgresWebhookStore = DurableWebhookStore & OutboxStore;

/** Advisory lock class of migrations ("fhks"); the second key is the schema. */
const MIGRATION_LOCK_CLASS = 0x66686b73;

/** Columns of an event row joined with its delivery, times in epoch ms. */
const ROW_COLUMNS = `
  e.provider, e.id, e.state, e.attempts, e.lease, e.last_error,
  (extract(epoch FROM e.next_attempt_at) * 1000)::float8 AS next_attempt_at,
  (extract(epoch FROM e.received_at) * 1000)::float8 AS received_at,
  e.event::text AS event, d.method, d.url, d.headers::text AS headers, d.body`;

/**
 * The advisory lock of an identity scope (docs/trust-model.md): claims of
 * one scope run one at a time on every receiver, so deciding "duplicate or
 * new, and which id" cannot race.
 */
function scopeLockKey(schema: string, event: AnyWebhookEventV1): string {
  return createHash('sha256')
    .update(`${schema}\u0000${identityScope(event)}`)
    .digest()
    .readBigInt64BE(0)
    .toString();
}

/** What a claim writes in the event's text columns. */
interface ClaimColumns {
  dedupKey: string;
  type: string;
  nativeType: string;
  subjectType: string | null;
  subjectId: string | null;
  status: string | null;
}

/**
 * The text columns of an event. `fitted` (a quarantined stand-in for data
 * the database refused) keeps indexed values short enough for any index.
 */
function claimColumns(event: AnyWebhookEventV1, fitted: boolean): ClaimColumns {
  const text = fitted ? fittedText : pgText;
  const subject = fitted ? undefined : event.subject;
  return {
    dedupKey: fitted
      ? fittedKey(event.identity.key)
      : pgText(event.identity.key),
    type: text(event.type),
    nativeType: text(event.nativeType),
    subjectType: subject === undefined ? null : text(subject.type),
    subjectId: subject === undefined ? null : text(subject.id),
    status: event.status === undefined || fitted ? null : text(event.status),
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function quoteSchema(schema: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new ConfigurationError({
      message: `createPostgresStore: schema must be a plain identifier (letters, digits, _), got "${schema}".`,
    });
  }
  return `"${schema}"`;
}

/**
 * A durable store on PostgreSQL for one or many receivers: events and their
 * raw deliveries are committed in `claim` before the router answers 2xx;
 * the primary key on (provider, id) makes every receiver on the database
 * agree on duplicates; `leaseDue` uses `FOR UPDATE SKIP LOCKED` so retry
 * workers in every process share the work without running an event twice.
 * Migrations run on first use (or call `migrate()` at start-up).
 */
export function createPostgresStore(
  options: PostgresStoreOptions = {},
): PostgresWebhookStore {
  const {
    maxAttempts,
    leaseMs: claimLeaseMs,
    now,
  } = resolveDurableStoreOptions('createPostgresStore', options);
  const schemaName = options.schema ?? 'finhooks';
  const schema = quoteSchema(schemaName);
  const events = `${schema}.events`;
  const deliveries = `${schema}.deliveries`;

  const ownsPool = options.pool === undefined;
  let pool: PostgresPool;
  if (options.pool !== undefined) {
    pool = options.pool;
  } else {
    const created = new pg.Pool(
      options.connectionString === undefined
        ? {}
        : { connectionString: options.connectionString },
    );
    // An idle connection that drops (server restart) must not crash the
    // process; the pool discards it and the next query opens a new one.
    created.on('error', () => {});
    pool = created;
  }

  let migration: Promise<void> | undefined;
  let closed = false;
  const claims = createClaimLeases();

  async function migrate(): Promise<void> {
    await inTransaction(pool, async client => {
      // Concurrent callers (every receiver at start-up) queue here.
      await client.query(
        'SELECT pg_advisory_xact_lock($1::int4, hashtext($2))',
        [MIGRATION_LOCK_CLASS, schemaName],
      );
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${schema}.migrations (
          version integer PRIMARY KEY,
          name text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`);
      const applied = await client.query(
        `SELECT coalesce(max(version), 0)::int AS version FROM ${schema}.migrations`,
      );
      const current =
        (applied.rows[0] as { version: number } | undefined)?.version ?? 0;
      for (const step of postgresMigrations) {
        if (step.version <= current) continue;
        await client.query(step.sql.replaceAll('{schema}', schema));
        await client.query(
          `INSERT INTO ${schema}.migrations (version, name) VALUES ($1, $2)`,
          [step.version, step.name],
        );
      }
    });
  }

  /** Migrates once per store on first use; a failed attempt is retried next time. */
  function ready(): Promise<void> {
    if (closed)
      return Promise.reject(new Error('The PostgreSQL store is closed.'));
    migration ??= migrate().catch((error: unknown) => {
      migration = undefined;
      throw error;
    });
    return migration;
  }

  async function query<TRow>(
    text: string,
    values: unknown[] = [],
  ): Promise<{
    rows: TRow[];
    rowCount: number;
  }> {
    await ready();
    const result = await pool.query(text, values);
    return { rows: result.rows as TRow[], rowCount: result.rowCount ?? 0 };
  }

  function eventParams(event: AnyWebhookEventV1): unknown[] {
    const occurredAt = toEpochMs(event.occurredAt);
    const columns = claimColumns(event, false);
    return [
      columns.type,
      columns.nativeType,
      columns.subjectType,
      columns.subjectId,
      columns.status,
      occurredAt === undefined ? null : iso(occurredAt),
      JSON.stringify(event),
      'issues' in event ? JSON.stringify(event.issues) : null,
    ];
  }

  /** The id of the stored event `event` repeats, if any (see the core docs). */
  async function duplicateOf(
    client: PostgresPoolClient,
    event: AnyWebhookEventV1,
    columns: ClaimColumns,
  ): Promise<string | undefined> {
    const { identity, provider } = event;
    if (identity.source !== 'content') {
      const { rows } = await client.query(
        `SELECT id FROM ${events}
         WHERE provider = $1 AND dedup_key = $2 AND identity_source <> 'content'
         LIMIT 1`,
        [provider, columns.dedupKey],
      );
      return (rows[0] as { id: string } | undefined)?.id;
    }
    // The latest event of the subject, in insertion order.
    const subject =
      columns.subjectType === null
        ? 'subject_type IS NULL AND subject_id IS NULL'
        : 'subject_type = $3 AND subject_id = $4';
    const { rows } = await client.query(
      `SELECT id, dedup_key, (extract(epoch FROM received_at) * 1000)::float8 AS received_at
       FROM ${events}
       WHERE provider = $1 AND native_type = $2 AND ${subject} AND identity_source = 'content'
       ORDER BY seq DESC
       LIMIT 1`,
      columns.subjectType === null
        ? [provider, columns.nativeType]
        : [
            provider,
            columns.nativeType,
            columns.subjectType,
            columns.subjectId,
          ],
    );
    const latest = rows[0] as
      { id: string; dedup_key: string; received_at: number } | undefined;
    if (latest === undefined || latest.dedup_key !== columns.dedupKey) return;
    return now() - latest.received_at <= (identity.windowMs ?? 0)
      ? latest.id
      : undefined;
  }

  /**
   * One claim in one transaction: the scope's advisory lock, the dedup
   * check, the first free id (`key`, `key.2`…; the primary key stays the
   * last word), the event and its delivery.
   */
  async function claimOnce(
    entry: WebhookStoreEntry,
    fitted: boolean,
  ): Promise<WebhookClaimResult> {
    const { event, delivery } = entry;
    const invalid = 'issues' in event;
    const columns = claimColumns(event, fitted);
    const occurredAt = toEpochMs(event.occurredAt);
    const timestamp = now();
    const result = await inTransaction(
      pool,
      async (client): Promise<WebhookClaimResult> => {
        await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [
          scopeLockKey(schemaName, event),
        ]);
        const existing = await duplicateOf(client, event, columns);
        if (existing !== undefined)
          return { status: 'duplicate', id: existing };
        const counted = await client.query(
          `SELECT count(*)::int AS n FROM ${events} WHERE provider = $1 AND dedup_key = $2`,
          [event.provider, columns.dedupKey],
        );
        const stored = (counted.rows[0] as { n: number } | undefined)?.n ?? 0;
        let id: string;
        for (let n = stored === 0 ? 1 : stored + 1; ; n++) {
          id = nthEventId(columns.dedupKey, n);
          // ON CONFLICT: an id taken by another scope's claim (a provider id
          // equal to a content id) moves on to the next n.
          const inserted = await client.query(
            `WITH inserted AS (
             INSERT INTO ${events} (provider, id, type, native_type, subject_type, subject_id,
               status, occurred_at, event, issues, received_at, state, attempts,
               next_attempt_at, lease, dedup_key, identity_source)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9::json, $10::json,
               $11::timestamptz, $12, $13, $14::timestamptz, $19, $20, $21)
             ON CONFLICT (provider, id) DO NOTHING
             RETURNING provider, id
           )
           INSERT INTO ${deliveries} (provider, id, method, url, headers, body)
           SELECT provider, id, $15, $16, $17::json, $18 FROM inserted`,
            [
              event.provider,
              id,
              columns.type,
              columns.nativeType,
              columns.subjectType,
              columns.subjectId,
              columns.status,
              occurredAt === undefined ? null : iso(occurredAt),
              JSON.stringify({ ...event, id }),
              invalid ? JSON.stringify(event.issues) : null,
              iso(toEpochMs(event.receivedAt) ?? timestamp),
              invalid ? 'quarantined' : 'processing',
              invalid ? 0 : 1,
              invalid ? null : iso(timestamp + claimLeaseMs),
              pgText(delivery.method),
              pgText(delivery.url),
              JSON.stringify(delivery.headers),
              toBuffer(delivery.body),
              claimLease(invalid),
              columns.dedupKey,
              event.identity.source,
            ],
          );
          if (inserted.rowCount === 1) break;
        }
        return { status: 'claimed', id };
      },
      error => isRejectedData(error, POSTGRES),
    );
    if (result.status === 'claimed')
      claims.remember(
        { provider: event.provider, id: result.id },
        claimLease(invalid),
      );
    return result;
  }

  async function claim(entry: WebhookStoreEntry): Promise<WebhookClaimResult> {
    await ready();
    try {
      return await claimOnce(entry, false);
    } catch (error) {
      // An authentic payload the database cannot take as is (nested deeper
      // than the server's stack, an index value over its size limit…) is
      // kept in quarantine, raw body included, instead of failing every
      // retry. Anything else (connection lost) is a store failure: 500.
      if (!isRejectedData(error, POSTGRES)) throw error;
      return claimOnce(
        { ...entry, event: rejectedEvent(entry.event, error, POSTGRES) },
        true,
      );
    }
  }

  // Claims and completions that arrive together commit together
  // (postgres-batch-claim.ts); `claim` above is the one-by-one fallback.
  const batch = createPostgresBatchClaims({
    pool,
    events,
    deliveries,
    now,
    claimLeaseMs,
    columns: event => claimColumns(event, false),
    lockKey: event => scopeLockKey(schemaName, event),
    ready,
    claimOne: claim,
    claimed: (key, lease) => claims.remember(key, lease),
  });

  async function complete(
    key: WebhookEventKey,
    options?: StoreLeaseOptions,
  ): Promise<void> {
    const lease = options?.lease ?? claims.take(key) ?? null;
    if (closed) await ready(); // rejects: the store is closed
    await batch.complete(key, lease);
  }

  async function fail(
    key: WebhookEventKey,
    error: unknown,
    options?: StoreLeaseOptions,
  ): Promise<void> {
    const lease = options?.lease ?? claims.take(key);
    const message = storedErrorMessage(error);
    // Optimistic: the backoff comes from core's retryDelayMs(attempts), so
    // read attempts, then update only if nobody changed the row meanwhile.
    for (let round = 0; round < 10; round++) {
      const { rows } = await query<{
        state: StoredEventState;
        attempts: number;
        lease: number;
      }>(
        `SELECT state, attempts, lease FROM ${events} WHERE provider = $1 AND id = $2`,
        [key.provider, pgText(key.id)],
      );
      const row = rows[0];
      if (row === undefined) return;
      // Another worker leased the event since: its outcome counts, not ours.
      if (lease !== undefined && row.lease !== lease) return;
      if (row.state === 'quarantined') {
        await query(
          `UPDATE ${events} SET last_error = $3
           WHERE provider = $1 AND id = $2 AND state = 'quarantined' AND lease = $4`,
          [key.provider, pgText(key.id), message, row.lease],
        );
        return;
      }
      if (row.state !== 'processing') return;
      const retry = row.attempts < maxAttempts;
      // Unchanged since the read (same lease, same attempts), or retry.
      const updated = await query(
        `UPDATE ${events} SET state = $4, next_attempt_at = $5::timestamptz, last_error = $6
         WHERE provider = $1 AND id = $2 AND state = 'processing' AND attempts = $3
           AND lease = $7`,
        [
          key.provider,
          pgText(key.id),
          row.attempts,
          retry ? 'pending' : 'failed',
          retry ? iso(now() + retryDelayMs(row.attempts)) : null,
          message,
          row.lease,
        ],
      );
      if (updated.rowCount === 1) return;
    }
  }

  async function leaseDue({
    limit,
    leaseMs,
  }: {
    limit: number;
    leaseMs: number;
  }): Promise<StoredWebhookEvent[]> {
    const size = Math.floor(limit);
    if (!(size >= 1)) return [];
    const timestamp = now();
    // A worker that keeps dying on the same event must not loop forever.
    await query(
      `UPDATE ${events} SET state = 'failed', next_attempt_at = NULL, last_error = $3
       WHERE state = 'processing' AND next_attempt_at <= $1::timestamptz AND attempts >= $2`,
      [iso(timestamp), maxAttempts, leaseExpiredMessage(maxAttempts)],
    );
    const { rows } = await query<StoredEventRow>(
      `WITH due AS (
         SELECT provider, id, next_attempt_at FROM ${events}
         WHERE state IN ('pending', 'processing') AND next_attempt_at <= $1::timestamptz
           AND (state = 'pending' OR attempts < $4)
         ORDER BY next_attempt_at, provider, id
         LIMIT $2
         FOR UPDATE SKIP LOCKED
       ), leased AS (
         UPDATE ${events} AS t
         SET state = 'processing', attempts = t.attempts + 1, lease = t.lease + 1,
           next_attempt_at = $3::timestamptz
         FROM due WHERE t.provider = due.provider AND t.id = due.id
         RETURNING t.*, due.next_attempt_at AS due_at
       )
       SELECT ${ROW_COLUMNS}
       FROM leased e LEFT JOIN ${deliveries} d ON d.provider = e.provider AND d.id = e.id
       ORDER BY e.due_at, e.provider, e.id`,
      [
        iso(timestamp),
        size,
        iso(timestamp + Math.max(0, leaseMs)),
        maxAttempts,
      ],
    );
    return rows.map(toStoredEvent);
  }

  async function listEvents(
    query_: ListStoredEventsQuery = {},
  ): Promise<StoredEventsPage> {
    const limit = clampListLimit(query_.limit);
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown): string => {
      values.push(value);
      return `$${values.length}`;
    };
    if (query_.provider !== undefined)
      where.push(`e.provider = ${param(query_.provider)}`);
    if (query_.type !== undefined) where.push(`e.type = ${param(query_.type)}`);
    if (query_.state !== undefined)
      where.push(`e.state = ${param(query_.state)}`);
    if (query_.cursor !== undefined && query_.cursor !== '') {
      const position = decodeStoreCursor(query_.cursor);
      where.push(
        `(e.received_at, e.provider, e.id) < (${param(iso(position.receivedAtMs))}::timestamptz, ${param(position.provider)}, ${param(position.id)})`,
      );
    }
    const { rows } = await query<StoredEventRow>(
      `SELECT ${ROW_COLUMNS}
       FROM ${events} e LEFT JOIN ${deliveries} d ON d.provider = e.provider AND d.id = e.id
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY e.received_at DESC, e.provider DESC, e.id DESC
       LIMIT ${param(limit + 1)}`,
      values,
    );
    return toEventsPage(rows, limit);
  }

  async function getEvent(
    key: WebhookEventKey,
  ): Promise<StoredWebhookEvent | undefined> {
    const { rows } = await query<StoredEventRow>(
      `SELECT ${ROW_COLUMNS}
       FROM ${events} e LEFT JOIN ${deliveries} d ON d.provider = e.provider AND d.id = e.id
       WHERE e.provider = $1 AND e.id = $2`,
      [key.provider, pgText(key.id)],
    );
    return rows[0] === undefined ? undefined : toStoredEvent(rows[0]);
  }

  async function replaceQuarantined(
    key: WebhookEventKey,
    event: AnyWebhookEventV1,
  ): Promise<StoredWebhookEvent | undefined> {
    assertSameEvent('replaceQuarantined', key, event);
    const invalid = 'issues' in event;
    const { rows } = await query<StoredEventRow>(
      `WITH updated AS (
         UPDATE ${events} SET type = $3, native_type = $4, subject_type = $5, subject_id = $6,
           status = $7, occurred_at = $8::timestamptz, event = $9::json, issues = $10::json,
           state = $11, next_attempt_at = $12::timestamptz, last_error = NULL
         WHERE provider = $1 AND id = $2 AND state = 'quarantined'
         RETURNING *
       )
       SELECT ${ROW_COLUMNS}
       FROM updated e LEFT JOIN ${deliveries} d ON d.provider = e.provider AND d.id = e.id`,
      [
        key.provider,
        pgText(key.id),
        ...eventParams(event),
        invalid ? 'quarantined' : 'pending',
        invalid ? null : iso(now()),
      ],
    );
    return rows[0] === undefined ? undefined : toStoredEvent(rows[0]);
  }

  async function rewriteEvent(
    key: WebhookEventKey,
    event: AnyWebhookEventV1,
  ): Promise<boolean> {
    assertSameEvent('rewriteEvent', key, event);
    // Any state: only what the event says changes.
    const { rowCount } = await query(
      `UPDATE ${events} SET type = $3, native_type = $4, subject_type = $5, subject_id = $6,
         status = $7, occurred_at = $8::timestamptz, event = $9::json, issues = $10::json
       WHERE provider = $1 AND id = $2`,
      [key.provider, pgText(key.id), ...eventParams(event)],
    );
    return rowCount === 1;
  }

  return {
    durable: true,
    // The relay's transactional outbox (postgres-outbox.ts).
    ...createPostgresOutbox({ query, schema, now }),
    async migrate() {
      await migrate();
      migration ??= Promise.resolve();
    },
    claim: batch.claim,
    complete,
    fail,
    leaseDue,
    listEvents,
    getEvent,
    replaceQuarantined,
    rewriteEvent,
    async counts() {
      const { rows } = await query<{
        provider: string;
        state: StoredEventState;
        count: number;
      }>(
        `SELECT provider, state, count(*)::int AS count FROM ${events}
         GROUP BY provider, state ORDER BY provider, state`,
      );
      return rows;
    },
    async latestBySubject({ provider, subjectType, subjectId }) {
      const { rows } = await query<StoredEventRow>(
        `SELECT ${ROW_COLUMNS}
         FROM ${events} e LEFT JOIN ${deliveries} d ON d.provider = e.provider AND d.id = e.id
         WHERE e.provider = $1 AND e.subject_type = $2 AND e.subject_id = $3
         ORDER BY e.occurred_at DESC NULLS LAST, e.received_at DESC, e.id DESC
         LIMIT 1`,
        [provider, pgText(subjectType), pgText(subjectId)],
      );
      return rows[0] === undefined ? undefined : toStoredEvent(rows[0]);
    },
    async deleteBySubject({ provider, subjectType, subjectId }) {
      // Deliveries go with their events (ON DELETE CASCADE).
      const { rowCount } = await query(
        `DELETE FROM ${events}
         WHERE provider = $1 AND subject_type = $2 AND subject_id = $3`,
        [provider, pgText(subjectType), pgText(subjectId)],
      );
      return rowCount;
    },
    async purgeProcessed({ before }) {
      const cutoff = purgeCutoffMs(before);
      // Deliveries go with their events (ON DELETE CASCADE).
      const { rowCount } = await query(
        `DELETE FROM ${events}
         WHERE state = 'processed' AND received_at < $1::timestamptz
           AND NOT EXISTS (SELECT 1 FROM ${schema}.outbox o WHERE o.provider = ${events}.provider
             AND o.id = ${events}.id AND o.published_at IS NULL)`,
        [iso(cutoff)],
      );
      return rowCount;
    },
    async close() {
      if (closed) return;
      closed = true;
      await batch.drain();
      if (ownsPool) await pool.end();
    },
  };
}
