import type pg from 'pg';
import type { Analysis } from '../../model/index.js';
import { SqlStore } from '../sql/store.js';
import type { ArticleInput, PutResult } from '../types.js';
import { createPool, type PoolOptions } from './connect.js';
import { PostgresDatabase, runnerOf } from './connection.js';
import { migrate } from './migrate.js';
import { STORE_MIGRATIONS } from './migrations.js';

export interface PostgresStoreOptions extends PoolOptions {
  /** Skip migrations (a read-only replica or a role without DDL rights); the schema must be current. */
  skipMigrations?: boolean;
}

/**
 * The PostgreSQL store: the one SQL store on PostgreSQL, safe for many writers at once (several
 * worker processes on several machines). Writers of the same article key, text, canonical URL or LSH
 * band are serialised by transaction-scoped advisory locks, so dedup stays exact under concurrency;
 * everything else runs in parallel.
 */
export class PostgresStore extends SqlStore {
  private constructor(
    private readonly database: PostgresDatabase,
    readonly pool: pg.Pool,
  ) {
    super(database);
  }

  override get sharedPool(): pg.Pool {
    return this.pool;
  }

  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = await createPool(url, options);
    try {
      if (!options.skipMigrations) await migrate(pool, 'store', STORE_MIGRATIONS);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresStore(new PostgresDatabase(pool), pool);
  }

  /**
   * Runs `fn` in one transaction on one connection (the job queue stores an article and finishes its
   * job in one); a deadlock or serialization failure runs it again from the start.
   */
  transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.database.withClient(fn);
  }

  /** `putArticle` inside a transaction the caller holds: call only between BEGIN and COMMIT. */
  putArticleIn(client: pg.PoolClient, input: ArticleInput, analysis: Analysis | null): Promise<PutResult> {
    return this.putArticleWith(runnerOf(client), input, analysis);
  }
}
