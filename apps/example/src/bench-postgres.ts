// The PostgreSQL rows' database: created for the run, dropped after it.
import { createRequire } from 'node:module';

const postgresAdminUrl = 'postgres://postgres@127.0.0.1:5432/test';

/** The pieces of `pg` the bench needs (resolved through the store package). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
type PgClientClass = new (options: {
  connectionString: string;
  connectionTimeoutMillis: number;
}) => PgClient;

async function postgresAdmin(): Promise<PgClient | string> {
  try {
    const require = createRequire(
      import.meta.resolve('@finhooks/store-postgres'),
    );
    const { Client } = require('pg') as { Client: PgClientClass };
    const client = new Client({
      connectionString: postgresAdminUrl,
      connectionTimeoutMillis: 2000,
    });
    await client.connect();
    return client;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Runs `run` on a database of its own and drops it after; answers the
 * results' note on PostgreSQL (or why its rows were skipped).
 */
export async function withPostgresDatabase(
  run: (url: string) => Promise<void>,
): Promise<string> {
  const admin = await postgresAdmin();
  if (typeof admin === 'string') {
    return `not reachable at ${postgresAdminUrl} (${admin}); rows skipped.`;
  }
  const database = `finhooks_bench_${process.pid}_${Date.now().toString(36)}`;
  try {
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${database}`;
    await run(url.toString());
    return `a database of its own on ${url.host} (\`pg\` pool default size 10), created for the run and dropped after it.`;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}
