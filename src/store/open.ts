import type { Store, StoreStats } from './types.js';
import { openSqliteStore } from './sqlite/index.js';

/** `postgres://…` or `postgresql://…` selects PostgreSQL; anything else is a SQLite file path. */
export function isPostgresSpec(spec: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(spec);
}

/** Opens the store a `--db` value names: a PostgreSQL URL or a SQLite file (created when missing). */
export async function openStore(spec: string, options: { readonly?: boolean } = {}): Promise<Store> {
  if (isPostgresSpec(spec)) {
    const { openPostgresStore } = await import('./postgres/index.js');
    return openPostgresStore(spec);
  }
  return openSqliteStore(spec, options);
}

/** Counts of the job queue, present when the store is PostgreSQL (where the queue lives). */
export interface JobCounts {
  queued: number;
  running: number;
  failed: number;
  done?: number;
}

/** A store's counts, plus the job queue's when the store has one. */
export async function statsWithJobs(store: Store): Promise<StoreStats & { jobs?: JobCounts }> {
  const stats = await store.stats();
  const pool = (store as { pool?: unknown }).pool;
  if (!pool) return stats;
  const { queueStats } = await import('../queue/index.js');
  return { ...stats, jobs: await queueStats(pool as Parameters<typeof queueStats>[0]) };
}
