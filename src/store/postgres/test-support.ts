import pg from 'pg';
import { parsePostgresUrl } from './connect.js';

/**
 * For tests: the PostgreSQL server named by NEWSGRAPH_TEST_PG (start one with
 * `eval "$(scripts/ci-postgres.sh start)"`), and throw-away schemas in it, one per store.
 */

export const TEST_PG = process.env.NEWSGRAPH_TEST_PG ?? '';

/** Call at the top of a test file: says visibly why its PostgreSQL tests are skipped. */
export function warnIfNoTestPg(what: string): void {
  if (!TEST_PG) {
    console.warn(
      `${what}: skipped — NEWSGRAPH_TEST_PG is not set (start a throw-away server with: eval "$(scripts/ci-postgres.sh start)")`,
    );
  }
}

let counter = 0;

/** A URL for a fresh schema of its own in the test database (dropped by `dropTestSchemas`). */
export function testSchemaUrl(prefix: string): string {
  const schema = `t_${prefix}_${process.pid}_${Date.now().toString(36)}_${++counter}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  const url = new URL(TEST_PG);
  url.searchParams.set('schema', schema);
  return url.toString();
}

/** Drops every schema this process created through `testSchemaUrl`. */
export async function dropTestSchemas(): Promise<void> {
  if (!TEST_PG) return;
  const client = new pg.Client({ connectionString: parsePostgresUrl(TEST_PG).connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE $1`,
      [`t\\_%\\_${process.pid}\\_%`],
    );
    for (const r of rows) await client.query(`DROP SCHEMA IF EXISTS ${r.name} CASCADE`);
  } finally {
    await client.end();
  }
}
