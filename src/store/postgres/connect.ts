import pg from 'pg';
import { isPostgresUrl, redactUrl } from '../spec.js';

export { isPostgresUrl, redactUrl } from '../spec.js';

/**
 * Connecting to PostgreSQL from a `postgres://` URL. One extra URL parameter is understood:
 * `?schema=name` keeps every newsgraph table in that schema (created when missing), so one database
 * can hold several stores (tests use a schema each).
 */

export interface PgTarget {
  /** The connection string handed to node-postgres (without the `schema` parameter). */
  connectionString: string;
  schema: string | null;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function parsePostgresUrl(spec: string): PgTarget {
  if (!isPostgresUrl(spec))
    throw new Error(`not a PostgreSQL URL (postgres://user@host:port/database): ${redactUrl(spec)}`);
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw new Error(`malformed PostgreSQL URL: ${redactUrl(spec)}`);
  }
  const schema = url.searchParams.get('schema');
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new Error(`schema must be a lower-case identifier ([a-z_][a-z0-9_]*), got "${schema}"`);
  }
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema };
}

/** The URL without its password, for messages and logs. */
export interface PoolOptions {
  max?: number;
  /** Called when an idle connection breaks (server restart, network): the pool replaces it. */
  onIdleError?: (err: Error) => void;
}

/** A node-postgres pool for the URL; its connections use the URL's schema (created if missing). */
export async function createPool(spec: string, options: PoolOptions = {}): Promise<pg.Pool> {
  const target = parsePostgresUrl(spec);
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    // A network black hole must end in an error (then retried), not in a query that waits forever.
    keepAlive: true,
    query_timeout: 120_000,
    application_name: 'newsgraph',
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  // Without a listener an idle client's error (the server going away) would crash the process.
  pool.on('error', (err) => options.onIdleError?.(err));
  if (target.schema) {
    try {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${target.schema}`);
    } catch (err) {
      // Two processes creating the same schema at once: the loser sees a unique violation; the schema exists.
      if ((err as { code?: string }).code !== '23505') {
        await pool.end();
        throw err;
      }
    }
  }
  return pool;
}

/** SQLSTATE classes and socket errors that mean "the database is unreachable for now", not "bad data". */
export function isConnectionError(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('08')) return true; // connection exception
    if (code === '57P01' || code === '57P02' || code === '57P03') return true; // shutdown, crash, starting up
    if (
      ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(
        code,
      )
    ) {
      return true;
    }
  }
  const message = (err as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(
      message,
    )
  );
}

/** Deadlock and serialization failures: the transaction is safe to run again. */
export function isRetryableTransactionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
}
