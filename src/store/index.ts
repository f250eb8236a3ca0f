/** The article store: its contract, the one SQL store over SQLite or PostgreSQL, and how to open it. */
export * from './types.js';
export { SqliteStore, openSqliteStore } from './sqlite/index.js';
export type { SqliteStoreOptions } from './sqlite/index.js';
export { SqlStore } from './sql/store.js';
export type { Dialect, Migration, Row, SqlDatabase, SqlRunner } from './sql/adapter.js';
export { signatureSimilarity } from './row-mappers.js';
export { indexAnalysis, storeActorId } from './rows.js';
export { openStore, StoreMissingError } from './open.js';
export type { OpenOptions } from './open.js';
export { StoreBusyError } from './rules.js';

export { DEFAULT_DB, resolveDbPath } from './db-path.js';
