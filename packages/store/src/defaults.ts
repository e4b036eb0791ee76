/** Where the embedded SQLite database lives unless --db / PATCHLOOP_DB / DATABASE_URL say otherwise. */
export const DEFAULT_SQLITE_PATH = './data/patchloop.db';
