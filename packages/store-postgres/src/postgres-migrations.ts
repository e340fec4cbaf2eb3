/** One schema change; versions only ever grow, applied in order, once. */
export interface PostgresMigration {
  version: number;
  name: string;
  /** SQL with `{schema}` standing for the quoted schema name. */
  sql: string;
}

/**
 * The schema. `provider` and `id` use the "C" collation so that ordering
 * (and the page cursor) is byte order on every server, as in SQLite.
 * `event`, `issues` and `headers` are `json` (not `jsonb`) so the stored
 * text round-trips exactly; cast to `jsonb` in ad-hoc queries.
 */
export const postgresMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'events and deliveries',
    sql: `
      CREATE TABLE {schema}.events (
        provider text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        type text NOT NULL,
        native_type text NOT NULL,
        subject_type text,
        subject_id text,
        status text,
        occurred_at timestamptz,
        received_at timestamptz NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'processing', 'processed', 'failed', 'quarantined')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz,
        event json NOT NULL,
        issues json,
        PRIMARY KEY (provider, id)
      );

      CREATE TABLE {schema}.deliveries (
        provider text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        method text NOT NULL,
        url text NOT NULL,
        headers json NOT NULL,
        body bytea NOT NULL,
        PRIMARY KEY (provider, id),
        FOREIGN KEY (provider, id) REFERENCES {schema}.events (provider, id) ON DELETE CASCADE
      );

      CREATE INDEX events_received_idx ON {schema}.events (received_at DESC, provider DESC, id DESC);
      CREATE INDEX events_type_idx ON {schema}.events (provider, type);
      CREATE INDEX events_due_idx ON {schema}.events (state, next_attempt_at);
      CREATE INDEX events_subject_idx ON {schema}.events (provider, subject_type, subject_id, occurred_at);
    `,
  },
  {
    version: 2,
    name: 'lease fencing',
    // The fencing token: +1 on every claim or lease of the event, so that
    // complete/fail of a holder whose lease was taken over change nothing.
    sql: `
      ALTER TABLE {schema}.events ADD COLUMN lease integer NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 3,
    name: 'event identity',
    // The dedup key is no longer the id (docs/trust-model.md): a content key
    // may be stored several times (A, B, A for one subject). Rows written
    // before had their id as key. \`seq\` is the insertion order of the
    // "latest event of a subject" lookup (receipt times can tie).
    sql: `
      ALTER TABLE {schema}.events
        ADD COLUMN dedup_key text COLLATE "C",
        ADD COLUMN identity_source text NOT NULL DEFAULT 'provider_id'
          CHECK (identity_source IN ('provider_id', 'signed_material', 'content')),
        ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
      UPDATE {schema}.events SET dedup_key = id;
      ALTER TABLE {schema}.events ALTER COLUMN dedup_key SET NOT NULL;
      CREATE INDEX events_dedup_idx ON {schema}.events (provider, dedup_key);
      CREATE INDEX events_content_idx
        ON {schema}.events (provider, native_type, subject_type, subject_id, seq DESC)
        WHERE identity_source = 'content';
    `,
  },
  {
    version: 4,
    name: 'outbox',
    // The transactional outbox of a relay (postgres-outbox.ts): once a row is
    // in outbox_settings, the trigger records every inserted event in the
    // claim's own transaction. Erasure and retention delete the record with
    // the event (retention only once it is published). Relays lease rows
    // with FOR UPDATE SKIP LOCKED, not a cursor over \`position\`: identity
    // values commit out of order.
    sql: `
      CREATE TABLE {schema}.outbox (
        position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        provider text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        leased_until timestamptz NOT NULL DEFAULT '-infinity',
        first_taken_at timestamptz,
        takes integer NOT NULL DEFAULT 0,
        published_at timestamptz,
        stream_seq bigint,
        UNIQUE (provider, id),
        FOREIGN KEY (provider, id) REFERENCES {schema}.events (provider, id) ON DELETE CASCADE
      );
      CREATE INDEX outbox_unpublished_idx ON {schema}.outbox (position) WHERE published_at IS NULL;
      CREATE TABLE {schema}.outbox_settings (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        enabled_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE FUNCTION {schema}.outbox_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM {schema}.outbox_settings) THEN
          INSERT INTO {schema}.outbox (provider, id) VALUES (NEW.provider, NEW.id)
          ON CONFLICT (provider, id) DO NOTHING;
        END IF;
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER outbox_record AFTER INSERT ON {schema}.events
        FOR EACH ROW EXECUTE FUNCTION {schema}.outbox_record();
    `,
  },
];
