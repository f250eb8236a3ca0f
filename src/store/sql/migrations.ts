import type { Migration } from './adapter.js';

/**
 * The migrations of a component still to apply, given the version its database has; a database a
 * newer newsgraph migrated is refused rather than misread.
 */
export function pendingMigrations(
  component: string,
  current: number,
  migrations: readonly Migration[],
): Migration[] {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest)
    throw new Error(
      `the database's ${component} schema is version ${current}, newer than this newsgraph (${latest}): upgrade newsgraph`,
    );
  return migrations.filter((m) => m.version > current);
}
