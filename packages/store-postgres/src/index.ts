export {
  createPostgresStore,
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
// Thrown by listEvents for a bad cursor; re-exported for convenience.
export { InvalidCursorError } from '@finhooks/core';
