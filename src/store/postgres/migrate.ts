import type pg from 'pg';
import type { Migration } from '../sql/adapter.js';
import { pendingMigrations } from '../sql/migrations.js';

/**
 * Versioned migrations for PostgreSQL. Each component (the store, the job queue) has its own ordered
 * list; applied versions are recorded in `newsgraph_migrations`. Every migration runs in its own
 * transaction under an advisory lock, so several workers starting at once migrate exactly once, and a
 * database migrated by a newer newsgraph is refused rather than misread.
 */

export type { Migration } from '../sql/adapter.js';

/** Arbitrary constant: the advisory lock all newsgraph migrators take. */
const MIGRATION_LOCK = 7_411_902_318;

export async function migrate(
  pool: pg.Pool,
  component: string,
  migrations: readonly Migration[],
): Promise<number> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS newsgraph_migrations (
      component text NOT NULL, version int NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (component, version))`);
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM newsgraph_migrations WHERE component = $1',
      [component],
    );
    for (const m of pendingMigrations(component, rows[0]?.v ?? 0, migrations)) {
      await client.query(m.sql);
      await client.query('INSERT INTO newsgraph_migrations (component, version) VALUES ($1, $2)', [
        component,
        m.version,
      ]);
    }
    await client.query('COMMIT');
    return latest;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
