import { existsSync } from 'node:fs';
import { isPostgresUrl } from './spec.js';
import type { Store } from './types.js';
import type { SqliteStoreOptions } from './sqlite/connection.js';

export interface OpenOptions extends SqliteStoreOptions {
  /** Refuse to create a database: a file that is not there is a StoreMissingError (readers). */
  mustExist?: boolean;
}

/** The database a reader asked for is not there. */
export class StoreMissingError extends Error {
  constructor(readonly spec: string) {
    super(`no database at ${spec}`);
    this.name = 'StoreMissingError';
  }
}

/**
 * Opens the store a `--db` value names: a PostgreSQL URL or a SQLite file (created when missing,
 * unless `mustExist`). The busy options concern SQLite (PostgreSQL waits for locks without
 * blocking the thread).
 */
export async function openStore(spec: string, options: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(spec)) {
    const { openPostgresStore } = await import('./postgres/index.js');
    return openPostgresStore(spec);
  }
  if (options.mustExist && spec !== ':memory:' && !existsSync(spec)) throw new StoreMissingError(spec);
  const { openSqliteStore } = await import('./sqlite/index.js');
  return openSqliteStore(spec, options);
}
