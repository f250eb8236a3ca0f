/** The PostgreSQL store: `openPostgresStore('postgres://user@host:5432/db?schema=newsgraph')`. */
import { PostgresStore, type PostgresStoreOptions } from './store.js';

export { PostgresStore } from './store.js';
export { signatureSimilarity } from '../row-mappers.js';
export type { PostgresStoreOptions } from './store.js';
export type { Queryable } from './connection.js';
export { createPool, isConnectionError, isPostgresUrl, parsePostgresUrl, redactUrl } from './connect.js';
export { migrate } from './migrate.js';
export type { Migration } from './migrate.js';

/** Opens (creating and migrating) the store at a `postgres://` URL. */
export function openPostgresStore(url: string, options?: PostgresStoreOptions): Promise<PostgresStore> {
  return PostgresStore.open(url, options);
}
