import type { RejectingDatabase } from '@finhooks/core/store-kit';

/**
 * SQLite for the store kit's quarantine of data the database refuses: a
 * string or blob over SQLite's size limit, a value of the wrong type for a
 * STRICT column. (JSON nested too deep to serialize is refused by every
 * store.)
 */
export const SQLITE: RejectingDatabase = {
  name: 'SQLite',
  refusesData: code => code === 'SQLITE_TOOBIG' || code === 'SQLITE_MISMATCH',
};
