/** The SQLite store: one file, WAL journal, FTS5 over article and quote text; the one SQL store on SQLite. */
import type Database from 'better-sqlite3';
import { SqlStore } from '../sql/store.js';
import { SqliteDatabase, type SqliteStoreOptions } from './connection.js';

export type { SqliteStoreOptions } from './connection.js';

export class SqliteStore extends SqlStore {
  /** The better-sqlite3 connection (tests and maintenance). */
  readonly db: Database.Database;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    const connection = new SqliteDatabase(file, options);
    super(connection);
    this.db = connection.db;
  }
}

/** Opens (creating and migrating) the SQLite store at `file`. */
export function openSqliteStore(file: string, options?: SqliteStoreOptions): SqliteStore {
  return new SqliteStore(file, options);
}
