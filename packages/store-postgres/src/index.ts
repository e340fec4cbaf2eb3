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
export { InvalidCursorError } from './postgres-store-helpers';
