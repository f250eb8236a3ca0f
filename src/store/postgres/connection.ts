/**
 * The PostgreSQL side of the one SQL store: a node-postgres pool behind the adapter, transactions
 * retried on deadlock, advisory locks that serialise writers of the same article, bulk inserts by
 * `unnest`, and `?` placeholders numbered as PostgreSQL wants them.
 */
import type pg from 'pg';
import type { Column, Dialect, Row, SqlDatabase, SqlRunner } from '../sql/adapter.js';
import { isConnectionError, isRetryableTransactionError } from './connect.js';
import { migrate } from './migrate.js';
import { postgresSearch } from './search.js';

/** Anything that runs a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Tries of a transaction that lost a deadlock or serialization race before giving up. */
const TRANSACTION_TRIES = 5;

const ARRAY_TYPE: Record<Column['type'], string> = {
  text: 'text[]',
  int: 'int[]',
  float: 'float8[]',
  json: 'text[]',
};

export const POSTGRES_DIALECT: Dialect = {
  name: 'postgres',
  insertionOrder: 'seq',
  ilike: 'ILIKE',
  /** One statement for all rows: each column travels as one array, unnested into rows. */
  async insertRows(db, table, columns, rows, conflict = '') {
    if (rows.length === 0) return;
    const names = columns.map((_, i) => `c${i}`);
    const select = columns.map((c, i) => (c.type === 'json' ? `${names[i]}::jsonb` : names[i]));
    await db.run(
      `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')})
       SELECT ${select.join(', ')} FROM unnest(${columns.map((c) => `?::${ARRAY_TYPE[c.type]}`).join(', ')})
         AS t(${names.join(', ')}) ${conflict}`,
      columns.map((_, i) => rows.map((r) => r[i] ?? null)),
    );
  },
  /** Transaction-scoped advisory locks, taken in one global order so two writers never deadlock. */
  async lock(db, names) {
    if (names.length === 0) return;
    await db.run(
      `SELECT pg_advisory_xact_lock(l) FROM (SELECT DISTINCT hashtextextended(n, 0) AS l FROM unnest(?::text[]) n) s
       ORDER BY l`,
      [[...names]],
    );
  },
  search: postgresSearch,
};

const numbered = new Map<string, string>();

/** `?` placeholders as `$1, $2, …` (none inside quoted literals); cached, statements repeat. */
export function numberPlaceholders(sql: string): string {
  let out = numbered.get(sql);
  if (out !== undefined) return out;
  let n = 0;
  let quoted = false;
  out = '';
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    out += ch === '?' && !quoted ? `$${++n}` : ch;
  }
  if (numbered.size < 1000) numbered.set(sql, out);
  return out;
}

/** The adapter's runner over the pool or over one client of a transaction. */
export function runnerOf(db: Queryable): SqlRunner {
  const query = async (sql: string, params: readonly unknown[] = []) =>
    (await db.query(numberPlaceholders(sql), [...params])).rows as Row[];
  return {
    dialect: POSTGRES_DIALECT,
    get: async (sql, params) => (await query(sql, params))[0],
    all: query,
    run: async (sql, params) => void (await query(sql, params)),
  };
}

export class PostgresDatabase implements SqlDatabase {
  readonly dialect = POSTGRES_DIALECT;
  private readonly runner: SqlRunner;
  private closed = false;

  constructor(readonly pool: pg.Pool) {
    this.runner = runnerOf(pool);
  }

  read<T>(fn: (db: SqlRunner) => Promise<T>): Promise<T> {
    return fn(this.runner);
  }

  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.withClient((client) => fn(runnerOf(client)));
  }

  /**
   * Runs `fn` in one transaction on one connection, committing when it returns; a deadlock or
   * serialization failure runs it again from the start.
   */
  async withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      // A connection dropped between two statements must reject this transaction, not crash the process.
      const onError = () => undefined;
      client.on('error', onError);
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        if (isConnectionError(err)) broken = err instanceof Error ? err : new Error(String(err));
        else await client.query('ROLLBACK').catch(() => undefined);
        if (!isRetryableTransactionError(err) || attempt >= TRANSACTION_TRIES) throw err;
      } finally {
        client.off('error', onError);
        // A broken connection is discarded rather than handed to the next caller.
        client.release(broken);
      }
    }
  }

  async migrate(component: string, migrations: Parameters<SqlDatabase['migrate']>[1]): Promise<void> {
    await migrate(this.pool, component, migrations);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
