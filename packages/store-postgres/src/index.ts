export {
  createPostgresStore,
  type LatestBySubjectQuery,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
  type PostgresStoreOptions,
  type PostgresWebhookStore,
} from './create-postgres-store';
export {
  postgresMigrations,
  type PostgresMigration,
} from './postgres-migrations';
// Moved to core; re-exported for compatibility.
export { InvalidCursorError } from '@finhooks/core';
