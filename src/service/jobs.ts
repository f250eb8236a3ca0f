/**
 * The job queue beside a store, for the commands and routes that report on it: it exists where the
 * store's database is shared between processes (`Store.sharedPool`, PostgreSQL), and not otherwise.
 */
import type { Store, StoreStats } from '../store/types.js';

/** Counts of the job queue. */
export interface JobCounts {
  queued: number;
  running: number;
  failed: number;
  done?: number;
}

/** A store's counts, plus the job queue's when the store has one. */
export async function statsWithJobs(store: Store): Promise<StoreStats & { jobs?: JobCounts }> {
  const stats = await store.stats();
  const pool = store.sharedPool;
  if (!pool) return stats;
  const { queueStats } = await import('../queue/index.js');
  return { ...stats, jobs: await queueStats(pool) };
}

/** A dead-lettered job: an article whose analysis failed every attempt. */
export interface DeadJob {
  key: string;
  attempts: number;
  error: string | null;
  failedAt: string | null;
}

/** The dead-letter list of the store's job queue, or null when the store has no queue. */
export async function deadLetters(store: Store, limit = 100): Promise<DeadJob[] | null> {
  const pool = store.sharedPool;
  if (!pool) return null;
  const { JobQueue } = await import('../queue/index.js');
  const queue = await JobQueue.open(pool);
  return (await queue.deadLetters(limit)).map(({ key, attempts, error, failedAt }) => ({
    key,
    attempts,
    error,
    failedAt,
  }));
}
