export {
  createSqliteStore,
  type SqliteStoreOptions,
  type SqliteWebhookStore,
} from './create-sqlite-store';
export { sqliteMigrations, type SqliteMigration } from './sqlite-migrations';
// Thrown by listEvents for a bad cursor; re-exported for convenience.
export { InvalidCursorError } from '@finhooks/core';
