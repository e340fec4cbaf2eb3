export {
  createSqliteStore,
  type LatestBySubjectQuery,
  type SqliteStoreOptions,
  type SqliteWebhookStore,
} from './create-sqlite-store';
export { sqliteMigrations, type SqliteMigration } from './sqlite-migrations';
// Moved to core; re-exported for compatibility.
export { InvalidCursorError } from '@finhooks/core';
