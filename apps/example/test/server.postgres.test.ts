import { createPostgresDatabase } from './helpers';
import { defineServerSuite } from './server-suite';

// Runs for real on the machine's PostgreSQL (never skipped): a database of
// its own, dropped afterwards.
defineServerSuite('PostgreSQL', async () => {
  const database = await createPostgresDatabase();
  return {
    database: { kind: 'postgres', url: database.url },
    cleanup: database.drop,
  };
});
