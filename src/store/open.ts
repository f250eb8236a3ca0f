import type { Store, StoreStats } from './types.js';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite/index.js';

/** `postgres://…` or `postgresql://…` selects PostgreSQL; anything else is a SQLite file path. */
export function isPostgresSpec(spec: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(spec);
}

/**
 * Opens the store a `--db` value names: a PostgreSQL URL or a SQLite file (created when missing). The
 * options concern SQLite (PostgreSQL waits for locks without blocking the thread).
 */
export async function openStore(spec: string, options: SqliteStoreOptions = {}): Promise<Store> {
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

/** A dead-lettered job: an article whose analysis failed every attempt. */
export interface DeadJob {
  key: string;
  attempts: number;
  error: string | null;
  failedAt: string | null;
}

/** The dead-letter list of the store's job queue (PostgreSQL), or null when the store has no queue. */
export async function deadLetters(store: Store, limit = 100): Promise<DeadJob[] | null> {
  const pool = (store as { pool?: unknown }).pool;
  if (!pool) return null;
  const { JobQueue } = await import('../queue/index.js');
  const queue = await JobQueue.open(pool as Parameters<typeof JobQueue.open>[0]);
  return (await queue.deadLetters(limit)).map(({ key, attempts, error, failedAt }) => ({
    key,
    attempts,
    error,
    failedAt,
  }));
}
