/**
 * The SQLite side of the one SQL store: a better-sqlite3 connection behind the adapter, its
 * migrations, and waiting out a file another process has locked without blocking the event loop.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { isBusyError, StoreBusyError } from '../rules.js';
import type { Column, Dialect, Migration, Row, SqlDatabase, SqlRunner } from '../sql/adapter.js';
import { pendingMigrations } from '../sql/migrations.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
import { sqliteSearch } from './search.js';

export interface SqliteStoreOptions {
  /** Open read-only (the server's read path); migrations are not applied. */
  readonly?: boolean;
  /**
   * How long one statement waits, blocking its thread, for a lock another connection holds (SQLite
   * busy_timeout). Default 5000 ms: right for the CLI. The server uses 0 and `busyRetryMs` instead.
   */
  busyTimeoutMs?: number;
  /**
   * How long a call keeps retrying a locked database without blocking the thread (timers between
   * tries) before it fails with StoreBusyError. Default 0: no retries.
   */
  busyRetryMs?: number;
}

/** SQLite's dialect: rowid order, LIKE folds ASCII case, one statement per inserted row, no locks needed. */
export const SQLITE_DIALECT: Dialect = {
  name: 'sqlite',
  insertionOrder: 'rowid',
  ilike: 'LIKE',
  async insertRows(db, table, columns: readonly Column[], rows, conflict = '') {
    const sql = `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')})
      VALUES (${columns.map(() => '?').join(', ')}) ${conflict}`;
    for (const row of rows) await db.run(sql, row);
  },
  // BEGIN IMMEDIATE takes the write lock up front: two writers never interleave a classify and an insert.
  async lock() {},
  search: sqliteSearch,
};

export class SqliteDatabase implements SqlDatabase {
  readonly dialect = SQLITE_DIALECT;
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly busyRetryMs: number;
  /** The end of the chain of units using the connection: each waits for the one before. */
  private tail: Promise<unknown> = Promise.resolve();
  private readonly runner: SqlRunner;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    if (file !== ':memory:' && !options.readonly)
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file, {
      readonly: options.readonly === true,
      fileMustExist: options.readonly === true,
    });
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    this.busyRetryMs = Math.max(0, options.busyRetryMs ?? 0);
    this.runner = {
      dialect: this.dialect,
      get: async (sql, params = []) => this.stmt(sql).get(...params) as Row | undefined,
      all: async (sql, params = []) => this.stmt(sql).all(...params) as Row[],
      run: async (sql, params = []) => void this.stmt(sql).run(...params),
    };
    if (options.readonly) this.checkVersion(file);
    else {
      this.db.pragma('journal_mode = WAL');
      // WAL + NORMAL survives a process kill (SIGKILL) without losing committed transactions.
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      migrate(this.db);
    }
  }

  private checkVersion(file: string): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version === SCHEMA_VERSION) return;
    this.db.close();
    throw new Error(
      version === 0
        ? `${file} is not a newsgraph database (no schema): run newsgraph ingest --db ${file} first`
        : `${file} has schema version ${version}, this newsgraph reads ${SCHEMA_VERSION}: open it once for writing to migrate`,
    );
  }

  /** Prepared statements are cached by their SQL: ingest runs the same dozen statements per article. */
  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.statements.size < 500) this.statements.set(sql, s);
    }
    return s;
  }

  read<T>(fn: (db: SqlRunner) => Promise<T>): Promise<T> {
    return this.retryingBusy(() => this.exclusive(() => fn(this.runner)));
  }

  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.retryingBusy(() =>
      this.exclusive(async () => {
        this.db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(this.runner);
          this.db.exec('COMMIT');
          return result;
        } catch (err) {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
          throw err;
        }
      }),
    );
  }

  /** Runs `unit` once every unit before it has finished: no unit sees another's uncommitted writes. */
  private exclusive<T>(unit: () => Promise<T>): Promise<T> {
    const run = this.tail.then(unit);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs a unit, and while the database is locked by another connection runs it again after a pause
   * (the event loop stays free meanwhile), up to `busyRetryMs`; then fails with StoreBusyError. A
   * failed unit changed nothing: every write is one transaction.
   */
  private async retryingBusy<T>(unit: () => Promise<T>): Promise<T> {
    const deadline = performance.now() + this.busyRetryMs;
    for (let pause = 10; ; pause = Math.min(200, pause * 2)) {
      try {
        return await unit();
      } catch (err) {
        if (!isBusyError(err)) throw err;
        if (performance.now() + pause > deadline) throw new StoreBusyError();
        await sleep(pause);
      }
    }
  }

  async migrate(component: string, migrations: readonly Migration[]): Promise<void> {
    await this.exclusive(async () => {
      this.db.exec(`CREATE TABLE IF NOT EXISTS newsgraph_migrations (component TEXT NOT NULL,
        version INTEGER NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (component, version))`);
      const row = this.stmt('SELECT max(version) AS v FROM newsgraph_migrations WHERE component = ?').get(
        component,
      ) as { v: number | null };
      for (const m of pendingMigrations(component, row.v ?? 0, migrations))
        this.db.transaction(() => {
          this.db.exec(m.sql);
          this.stmt('INSERT INTO newsgraph_migrations (component, version, applied_at) VALUES (?, ?, ?)').run(
            component,
            m.version,
            new Date().toISOString(),
          );
        })();
    });
  }

  async close(): Promise<void> {
    await this.tail;
    if (this.db.open) this.db.close();
  }
}
