import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DurableWebhookStore } from '@finhooks/core';
import type { AppConfig } from './config';

/** Which database backs the store. */
export type StoreKind = 'sqlite' | 'postgres';

/** File name of the embedded database inside `DATA_DIR`. */
export const SQLITE_FILENAME = 'finhooks.db';

/**
 * Opens the durable store: PostgreSQL when `DATABASE_URL` is set (many
 * receivers may share it), else SQLite (WAL) in `DATA_DIR`, and runs the
 * migrations. Drivers load lazily, so a PostgreSQL deployment never loads
 * the native SQLite module.
 */
export async function openStore(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
): Promise<{ store: DurableWebhookStore; kind: StoreKind }> {
  let store: DurableWebhookStore;
  let kind: StoreKind;
  if (config.databaseUrl !== undefined) {
    const { createPostgresStore } = await import('@finhooks/store-postgres');
    store = createPostgresStore({ connectionString: config.databaseUrl });
    kind = 'postgres';
  } else {
    await mkdir(config.dataDir, { recursive: true });
    const { createSqliteStore } = await import('@finhooks/store-sqlite');
    store = createSqliteStore({
      filename: join(config.dataDir, SQLITE_FILENAME),
    });
    kind = 'sqlite';
  }
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  return { store, kind };
}
