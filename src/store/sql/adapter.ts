/*
 * The small adapter the one SQL store is written against (`./store.ts`). Every query is written once,
 * with `?` placeholders in order; a backend (SQLite in `../sqlite/`, PostgreSQL in `../postgres/`)
 * supplies the connection, its migrations, its search dialect and its bulk insert.
 */

/** One row as the driver returns it. */
export type Row = Record<string, unknown>;

/** Runs SQL on one connection (or inside one transaction): `?` placeholders, values in order. */
export interface SqlRunner {
  readonly dialect: Dialect;
  get(sql: string, params?: readonly unknown[]): Promise<Row | undefined>;
  all(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
}

/** A column of a bulk insert: its name and type (PostgreSQL casts the arrays it inserts from). */
export interface Column {
  name: string;
  type: 'text' | 'int' | 'float' | 'json';
}

/** What differs between the SQL backends, beyond connecting and migrating. */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** The column that orders a table's rows as they were inserted (SQLite rowid, PostgreSQL seq). */
  readonly insertionOrder: string;
  /** Case-insensitive LIKE. */
  readonly ilike: 'LIKE' | 'ILIKE';
  /** Inserts many rows in as few statements as the backend allows; `conflict` is an ON CONFLICT clause. */
  insertRows(
    db: SqlRunner,
    table: string,
    columns: readonly Column[],
    rows: readonly (readonly unknown[])[],
    conflict?: string,
  ): Promise<void>;
  /**
   * Serialises the writers of the same names until the transaction ends (PostgreSQL advisory locks);
   * a backend whose write transactions already exclude each other (SQLite) does nothing.
   */
  lock(db: SqlRunner, names: readonly string[]): Promise<void>;
  readonly search: SearchDialect;
}

/** Full-text search: how a backend indexes articles and quotes and answers a user's words. */
export interface SearchDialect {
  /** After an article row and its quotes are written: index them (a no-op where the index is generated). */
  indexArticle(db: SqlRunner, id: string): Promise<void>;
  /** Before an article row or its quotes are rewritten or deleted: take them out of the index. */
  unindexArticle(db: SqlRunner, id: string): Promise<void>;
  /**
   * A page of the articles matching a user's query, best first: rows of the summary columns
   * (`ARTICLE_SUMMARY_COLUMNS`) plus `snippet`, a plain-text excerpt around a match.
   */
  articles(
    db: SqlRunner,
    query: string,
    page: { limit: number; offset: number },
  ): Promise<{ total: number; rows: Row[] }>;
  /** The condition on quotes `q` whose content matches a user's text, or null when it has no word. */
  quoteCondition(text: string): { sql: string; params: unknown[] } | null;
}

/** A versioned schema change of one component (the store, the queue, a corpus analysis). */
export interface Migration {
  version: number;
  sql: string;
}

/** A database the SQL store runs on: units of reads, transactions and component migrations. */
export interface SqlDatabase {
  readonly dialect: Dialect;
  /**
   * Runs reads as one unit. SQLite gives the unit its connection alone (no transaction of the same
   * connection interleaves) and runs it again while another process holds the file's lock.
   */
  read<T>(fn: (db: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one transaction, committed when it resolves and rolled back when it throws; a lost
   * race (SQLite busy, PostgreSQL deadlock or serialization failure) runs it again from the start.
   */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Applies a component's migrations not applied yet, in order, each in a transaction of its own. */
  migrate(component: string, migrations: readonly Migration[]): Promise<void>;
  close(): Promise<void>;
}

/** `(?, ?, ?)` for a list of values: an IN list both backends bind. */
export function inList(values: readonly unknown[]): string {
  return `(${values.map(() => '?').join(', ')})`;
}
