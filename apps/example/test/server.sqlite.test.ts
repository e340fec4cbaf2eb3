import { makeTempDir } from './helpers';
import { defineServerSuite } from './server-suite';

defineServerSuite('SQLite', async () => {
  const dir = await makeTempDir();
  return {
    database: { kind: 'sqlite', dataDir: dir.path },
    cleanup: dir.remove,
  };
});
