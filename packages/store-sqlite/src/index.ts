export {
  createSqliteStore,
  type LatestBySubjectQuery,
  type SqliteStoreOptions,
  type SqliteWebhookStore,
} from './create-sqlite-store';
export { sqliteMigrations, type SqliteMigration } from './sqlite-migrations';
export { InvalidCursorError } from './sqlite-store-helpers';
