import type { PostgresPool, PostgresPoolClient } from './create-postgres-store';

/**
 * Runs `work` in one transaction on a pooled connection: BEGIN, then
 * COMMIT, or ROLLBACK when it throws. After a failure the connection is in
 * an unknown state, so it is discarded rather than reused, unless
 * `keepsConnection` says the error leaves it sound (data the database
 * refused).
 */
export async function inTransaction<T>(
  pool: PostgresPool,
  work: (client: PostgresPoolClient) => Promise<T>,
  keepsConnection: (error: unknown) => boolean = () => false,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    if (!keepsConnection(error))
      broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}
