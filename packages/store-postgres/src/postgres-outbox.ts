import type {
  AnyWebhookEventV1,
  OutboxEvent,
  OutboxStore,
} from '@finhooks/core';

/** What the outbox needs from its store. */
export interface PostgresOutboxContext {
  /** The store's query function (migrates on first use). */
  query<TRow>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: TRow[]; rowCount: number }>;
  /** The quoted schema name. */
  schema: string;
  /** The store's clock (ms since the epoch). */
  now: () => number;
}

interface TakenRow {
  position: string;
  provider: string;
  id: string;
  takes: number;
  first_taken_at: number;
  event: string;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The transactional outbox of the PostgreSQL store (migration 4). A take
 * leases rows with `FOR UPDATE SKIP LOCKED` and a lease time: relays on
 * several receivers never block on, or hold, the same event, and the events
 * of a receiver that died mid-batch go to the others once the lease expired.
 */
export function createPostgresOutbox({
  query,
  schema,
  now,
}: PostgresOutboxContext): OutboxStore {
  const outbox = `${schema}.outbox`;
  const events = `${schema}.events`;

  return {
    async enableOutbox() {
      await query(
        `INSERT INTO ${schema}.outbox_settings (singleton, enabled_at)
         VALUES (true, $1::timestamptz) ON CONFLICT DO NOTHING`,
        [iso(now())],
      );
    },
    async takeUnpublished({ limit, leaseMs }) {
      const size = Math.floor(limit);
      if (!(size >= 1)) return [];
      const timestamp = now();
      const { rows } = await query<TakenRow>(
        `WITH due AS (
           SELECT o.position FROM ${outbox} o
           JOIN ${events} e ON e.provider = o.provider AND e.id = o.id
           WHERE o.published_at IS NULL AND o.leased_until <= $1::timestamptz
             AND e.state <> 'quarantined'
           ORDER BY o.position
           LIMIT $2
           FOR UPDATE OF o SKIP LOCKED
         )
         UPDATE ${outbox} AS o
         SET leased_until = $3::timestamptz, takes = o.takes + 1,
           first_taken_at = coalesce(o.first_taken_at, $1::timestamptz)
         FROM due, ${events} e
         WHERE o.position = due.position AND e.provider = o.provider AND e.id = o.id
         RETURNING o.position::text AS position, o.provider, o.id, o.takes,
           (extract(epoch FROM o.first_taken_at) * 1000)::float8 AS first_taken_at,
           e.event::text AS event`,
        [iso(timestamp), size, iso(timestamp + Math.max(0, leaseMs))],
      );
      return rows
        .map((row): OutboxEvent => ({
          provider: row.provider,
          id: row.id,
          position: Number(row.position),
          event: JSON.parse(row.event) as AnyWebhookEventV1,
          takes: row.takes,
          firstTakenAt: Math.round(row.first_taken_at),
        }))
        .sort((a, b) => a.position - b.position);
    },
    async markPublished(published) {
      if (published.length === 0) return;
      await query(
        `UPDATE ${outbox} AS o
         SET published_at = $1::timestamptz, stream_seq = p.seq, leased_until = '-infinity'
         FROM unnest($2::text[], $3::text[], $4::bigint[]) AS p(provider, id, seq)
         WHERE o.provider = p.provider AND o.id = p.id AND o.published_at IS NULL`,
        [
          iso(now()),
          published.map(row => row.provider),
          published.map(row => row.id),
          published.map(row => String(row.sequence)),
        ],
      );
    },
    async releaseUnpublished(keys) {
      if (keys.length === 0) return;
      await query(
        `UPDATE ${outbox} AS o SET leased_until = '-infinity'
         FROM unnest($1::text[], $2::text[]) AS k(provider, id)
         WHERE o.provider = k.provider AND o.id = k.id AND o.published_at IS NULL`,
        [keys.map(row => row.provider), keys.map(row => row.id)],
      );
    },
    async publishedSequence({ provider, id }) {
      const { rows } = await query<{
        stream_seq: string | null;
        published: boolean;
      }>(
        `SELECT stream_seq::text AS stream_seq, published_at IS NOT NULL AS published
         FROM ${outbox} WHERE provider = $1 AND id = $2`,
        [provider, id],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      return row.published && row.stream_seq !== null
        ? Number(row.stream_seq)
        : null;
    },
    async outboxLag() {
      const { rows } = await query<{ events: number; oldest: number | null }>(
        `SELECT count(*)::int AS events,
           (extract(epoch FROM min(e.received_at)) * 1000)::float8 AS oldest
         FROM ${outbox} o JOIN ${events} e ON e.provider = o.provider AND e.id = o.id
         WHERE o.published_at IS NULL AND e.state <> 'quarantined'`,
      );
      const row = rows[0];
      if (row === undefined || row.events === 0) return { events: 0 };
      return {
        events: row.events,
        ...(row.oldest === null
          ? {}
          : { oldestReceivedAt: iso(Math.round(row.oldest)) }),
      };
    },
  };
}
