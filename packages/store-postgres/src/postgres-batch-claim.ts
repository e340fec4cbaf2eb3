import type {
  AnyWebhookEventV1,
  WebhookClaimResult,
  WebhookEventKey,
  WebhookStoreEntry,
} from '@finhooks/core';
import {
  claimLease,
  identityScope,
  isRejectedData,
  nthEventId,
  toBuffer,
  toEpochMs,
} from '@finhooks/core/store-kit';
import type { PostgresPool, PostgresPoolClient } from './create-postgres-store';
import { pgText, POSTGRES } from './postgres-rejected';
import { inTransaction } from './postgres-transaction';

/** Most claims in one batch (21 parameters a row, 65 535 per statement). */
const MAX_BATCH = 256;

/** The text columns of an event, as the store's single claim writes them. */
export interface BatchClaimColumns {
  dedupKey: string;
  type: string;
  nativeType: string;
  subjectType: string | null;
  subjectId: string | null;
  status: string | null;
}

/** What the batch needs of its store. */
export interface PostgresBatchClaimOptions {
  pool: PostgresPool;
  /** Quoted `schema.events` and `schema.deliveries`. */
  events: string;
  deliveries: string;
  now: () => number;
  claimLeaseMs: number;
  columns: (event: AnyWebhookEventV1) => BatchClaimColumns;
  /** The advisory lock key of the event's identity scope. */
  lockKey: (event: AnyWebhookEventV1) => string;
  /** Migrates on first use. */
  ready: () => Promise<void>;
  /**
   * The store's one-by-one claim (its own transaction, the quarantine of
   * data the database refuses): the fallback when a batch fails.
   */
  claimOne: (entry: WebhookStoreEntry) => Promise<WebhookClaimResult>;
  /** A claim this batch committed (the store remembers its lease). */
  claimed: (key: WebhookEventKey, lease: number) => void;
}

interface Queued<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/** A queue whose items run in batches, one batch at a time. */
function batcher<T, R>(
  run: (batch: Queued<T, R>[]) => Promise<void>,
  max: number,
): { add(item: T): Promise<R>; drain(): Promise<void> } {
  let queue: Queued<T, R>[] = [];
  let running: Promise<void> | undefined;
  let scheduled = false;

  function start(): void {
    if (running !== undefined || queue.length === 0) return;
    const batch = queue.slice(0, max);
    queue = queue.slice(batch.length);
    running = run(batch)
      .catch((error: unknown) => {
        for (const queued of batch) queued.reject(error);
      })
      .finally(() => {
        running = undefined;
        // What arrived during this batch goes next, together.
        start();
      });
  }

  return {
    add(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (running === undefined && !scheduled) {
          scheduled = true;
          // After the poll phase: every request read in this turn joins.
          setImmediate(() => {
            scheduled = false;
            start();
          });
        }
      });
    },
    async drain() {
      while (running !== undefined || queue.length > 0) {
        start();
        await running;
      }
    },
  };
}

/** What the lookup statement reads per claim of a batch. */
interface LookupRow {
  i: number;
  duplicate_id: string | null;
  stored: number;
  latest_id: string | null;
  latest_key: string | null;
  latest_received_at: number | null;
}

const EVENT_PARAMS = 21;

/**
 * Group commit for PostgreSQL: the claims that arrive while a batch is
 * being committed are claimed together in one transaction of four
 * statements (the scopes' advisory locks in a fixed order, one lookup of
 * every duplicate candidate, one multi-row insert of events and
 * deliveries, commit), with exactly the per-event decisions of the
 * one-by-one claim: a copy of a delivery in the same batch is a duplicate
 * of the first, content keys are compared with the latest event of their
 * subject in arrival order, ids go `key`, `key.2`… If the batch fails (a
 * row the database refuses, an id another scope took), it is rolled back
 * and every claim runs one by one in arrival order, so only the bad row
 * fails or is quarantined. Each claim settles after its commit.
 *
 * `complete` is batched the same way: one fenced UPDATE for every
 * completion queued while the previous one ran.
 */
export function createPostgresBatchClaims(options: PostgresBatchClaimOptions) {
  const { pool, events, deliveries, now, claimLeaseMs } = options;

  const claims = batcher<WebhookStoreEntry, WebhookClaimResult>(
    runClaims,
    MAX_BATCH,
  );
  const completions = batcher<
    { provider: string; id: string; lease: number | null },
    void
  >(runCompletions, 1000);

  async function runClaims(
    batch: Queued<WebhookStoreEntry, WebhookClaimResult>[],
  ): Promise<void> {
    await options.ready();
    let results: { result: WebhookClaimResult; lease?: number }[];
    try {
      results = await claimBatch(batch.map(queued => queued.item));
    } catch {
      // One by one, in arrival order: only what fails alone fails.
      for (const queued of batch) {
        try {
          queued.resolve(await options.claimOne(queued.item));
        } catch (error) {
          queued.reject(error);
        }
      }
      return;
    }
    batch.forEach((queued, index) => {
      const { result, lease } = results[index]!;
      if (lease !== undefined)
        options.claimed(
          { provider: queued.item.event.provider, id: result.id },
          lease,
        );
      queued.resolve(result);
    });
  }

  async function claimBatch(
    entries: WebhookStoreEntry[],
  ): Promise<{ result: WebhookClaimResult; lease?: number }[]> {
    return inTransaction(
      pool,
      client => claimInTransaction(client, entries),
      error => isRejectedData(error, POSTGRES),
    );
  }

  async function claimInTransaction(
    client: PostgresPoolClient,
    entries: WebhookStoreEntry[],
  ): Promise<{ result: WebhookClaimResult; lease?: number }[]> {
    const columns = entries.map(({ event }) => options.columns(event));
    // Every scope of the batch, locked in one fixed order: two batches
    // (or receivers) never wait for each other in a cycle.
    const locks = [
      ...new Set(entries.map(({ event }) => options.lockKey(event))),
    ];
    await client.query(
      `SELECT pg_advisory_xact_lock(k)
       FROM (SELECT k FROM unnest($1::bigint[]) AS k ORDER BY k) AS sorted`,
      [locks],
    );
    const { rows } = await client.query(
      `SELECT b.i,
         CASE WHEN b.source <> 'content' THEN (
           SELECT e.id FROM ${events} e
           WHERE e.provider = b.provider AND e.dedup_key = b.dedup_key
             AND e.identity_source <> 'content'
           LIMIT 1) END AS duplicate_id,
         (SELECT count(*)::int FROM ${events} e
          WHERE e.provider = b.provider AND e.dedup_key = b.dedup_key) AS stored,
         coalesce(s.id, n.id) AS latest_id,
         coalesce(s.dedup_key, n.dedup_key) AS latest_key,
         (extract(epoch FROM coalesce(s.received_at, n.received_at)) * 1000)::float8
           AS latest_received_at
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[]) AS b(i, provider, dedup_key, source, native_type, subject_type, subject_id)
       LEFT JOIN LATERAL (
         SELECT e.id, e.dedup_key, e.received_at FROM ${events} e
         WHERE b.source = 'content' AND b.subject_type IS NOT NULL
           AND e.provider = b.provider AND e.native_type = b.native_type
           AND e.subject_type = b.subject_type AND e.subject_id = b.subject_id
           AND e.identity_source = 'content'
         ORDER BY e.seq DESC LIMIT 1) AS s ON true
       LEFT JOIN LATERAL (
         SELECT e.id, e.dedup_key, e.received_at FROM ${events} e
         WHERE b.source = 'content' AND b.subject_type IS NULL
           AND e.provider = b.provider AND e.native_type = b.native_type
           AND e.subject_type IS NULL AND e.subject_id IS NULL
           AND e.identity_source = 'content'
         ORDER BY e.seq DESC LIMIT 1) AS n ON true`,
      [
        entries.map((_, index) => index),
        entries.map(({ event }) => event.provider),
        columns.map(column => column.dedupKey),
        entries.map(({ event }) => event.identity.source),
        columns.map(column => column.nativeType),
        columns.map(column => column.subjectType),
        columns.map(column => column.subjectId),
      ],
    );
    const lookups = new Array<LookupRow>(entries.length);
    for (const row of rows as LookupRow[]) lookups[row.i] = row;

    // The decisions, one by one in arrival order, over the database's
    // state plus what this batch claimed before each one.
    const claimedKeys = new Map<string, string>();
    const newPerKey = new Map<string, number>();
    const latestInBatch = new Map<
      string,
      { id: string; key: string; receivedAt: number }
    >();
    const takenIds = new Set<string>();
    const results: { result: WebhookClaimResult; lease?: number }[] = [];
    const values: unknown[] = [];
    const tuples: string[] = [];
    entries.forEach(({ event, delivery }, index) => {
      const column = columns[index]!;
      const lookup = lookups[index]!;
      const { identity, provider } = event;
      const keyId = `${provider}\u0000${column.dedupKey}`;
      const timestamp = now();
      if (identity.source !== 'content') {
        const existing = lookup.duplicate_id ?? claimedKeys.get(keyId);
        if (existing != null) {
          results.push({ result: { status: 'duplicate', id: existing } });
          return;
        }
      } else {
        const latest =
          latestInBatch.get(identityScope(event)) ??
          (lookup.latest_id === null
            ? undefined
            : {
                id: lookup.latest_id,
                key: lookup.latest_key!,
                receivedAt: lookup.latest_received_at!,
              });
        if (
          latest !== undefined &&
          latest.key === column.dedupKey &&
          timestamp - latest.receivedAt <= (identity.windowMs ?? 0)
        ) {
          results.push({ result: { status: 'duplicate', id: latest.id } });
          return;
        }
      }
      // The first free id of the key: key, key.2, key.3… (the insert's
      // ON CONFLICT finds an id another scope took in the database).
      const stored = lookup.stored + (newPerKey.get(keyId) ?? 0);
      let n = stored === 0 ? 1 : stored + 1;
      while (takenIds.has(`${provider}\u0000${nthEventId(column.dedupKey, n)}`))
        n += 1;
      const id = nthEventId(column.dedupKey, n);
      takenIds.add(`${provider}\u0000${id}`);
      newPerKey.set(keyId, (newPerKey.get(keyId) ?? 0) + 1);
      const receivedAt = toEpochMs(event.receivedAt) ?? timestamp;
      if (identity.source === 'content') {
        latestInBatch.set(identityScope(event), {
          id,
          key: column.dedupKey,
          receivedAt,
        });
      } else {
        claimedKeys.set(keyId, id);
      }
      const invalid = 'issues' in event;
      const occurredAt = toEpochMs(event.occurredAt);
      const base = values.length;
      values.push(
        provider,
        id,
        column.type,
        column.nativeType,
        column.subjectType,
        column.subjectId,
        column.status,
        occurredAt === undefined ? null : new Date(occurredAt).toISOString(),
        // Throws a RangeError for data too deep to serialize: the batch
        // falls back to one by one, where it is quarantined.
        JSON.stringify(event.id === id ? event : { ...event, id }),
        invalid ? JSON.stringify(event.issues) : null,
        new Date(receivedAt).toISOString(),
        invalid ? 'quarantined' : 'processing',
        invalid ? 0 : 1,
        invalid ? null : new Date(timestamp + claimLeaseMs).toISOString(),
        claimLease(invalid),
        column.dedupKey,
        identity.source,
        pgText(delivery.method),
        pgText(delivery.url),
        JSON.stringify(delivery.headers),
        toBuffer(delivery.body),
      );
      const p = (offset: number) => `$${base + offset}`;
      tuples.push(
        `(${p(1)}::text, ${p(2)}::text, ${p(3)}::text, ${p(4)}::text, ${p(5)}::text,
          ${p(6)}::text, ${p(7)}::text, ${p(8)}::timestamptz, ${p(9)}::json, ${p(10)}::json,
          ${p(11)}::timestamptz, ${p(12)}::text, ${p(13)}::int, ${p(14)}::timestamptz,
          ${p(15)}::int, ${p(16)}::text, ${p(17)}::text, ${p(18)}::text, ${p(19)}::text,
          ${p(20)}::json, ${p(21)}::bytea)`,
      );
      results.push({
        result: { status: 'claimed', id },
        lease: claimLease(invalid),
      });
    });
    if (tuples.length === 0) return results;
    if (values.length !== tuples.length * EVENT_PARAMS)
      throw new Error('postgres batch claim: parameter count mismatch');
    // Deliveries only if every event row went in: an id taken by another
    // scope in the database leaves the batch short, and it falls back.
    const inserted = await client.query(
      `WITH b (provider, id, type, native_type, subject_type, subject_id, status,
         occurred_at, event, issues, received_at, state, attempts, next_attempt_at, lease,
         dedup_key, identity_source, method, url, headers, body) AS (
         VALUES ${tuples.join(',\n')}
       ), inserted AS (
         INSERT INTO ${events} (provider, id, type, native_type, subject_type, subject_id,
           status, occurred_at, event, issues, received_at, state, attempts,
           next_attempt_at, lease, dedup_key, identity_source)
         SELECT provider, id, type, native_type, subject_type, subject_id, status,
           occurred_at, event, issues, received_at, state, attempts, next_attempt_at,
           lease, dedup_key, identity_source
         FROM b
         ON CONFLICT (provider, id) DO NOTHING
         RETURNING 1
       )
       INSERT INTO ${deliveries} (provider, id, method, url, headers, body)
       SELECT provider, id, method, url, headers, body FROM b
       WHERE (SELECT count(*) FROM inserted) = ${tuples.length}`,
      values,
    );
    if (inserted.rowCount !== tuples.length)
      throw new Error('postgres batch claim: an id was taken; one by one');
    return results;
  }

  async function runCompletions(
    batch: Queued<
      { provider: string; id: string; lease: number | null },
      void
    >[],
  ): Promise<void> {
    await options.ready();
    await pool.query(
      `UPDATE ${events} AS e SET state = 'processed', next_attempt_at = NULL
       FROM unnest($1::text[], $2::text[], $3::int[]) AS b(provider, id, lease)
       WHERE e.provider = b.provider AND e.id = b.id AND e.state = 'processing'
         AND (b.lease IS NULL OR e.lease = b.lease)`,
      [
        batch.map(queued => queued.item.provider),
        batch.map(queued => pgText(queued.item.id)),
        batch.map(queued => queued.item.lease),
      ],
    );
    for (const queued of batch) queued.resolve();
  }

  return {
    /** Claims `entry` in the next batch; settles after its commit. */
    claim: (entry: WebhookStoreEntry) => claims.add(entry),
    /** Completes in the next batch (fenced by `lease` when not null). */
    complete: (key: WebhookEventKey, lease: number | null) =>
      completions.add({ provider: key.provider, id: key.id, lease }),
    /** Waits until nothing is queued or running (before the pool ends). */
    async drain() {
      await Promise.all([claims.drain(), completions.drain()]);
    },
  };
}
