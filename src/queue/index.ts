/**
 * The durable job queue on PostgreSQL: `enqueueIngest` (what `newsgraph ingest --db postgres://…`
 * does), the `JobQueue` workers take jobs from (`src/service/worker.ts`), `queueStats` (the `jobs`
 * of `newsgraph stats`).
 */
export { JobQueue, enqueueIngest, queueStats } from './queue.js';
export type { ClaimedJob, DeadLetter, EnqueueResult, JobCounts, QueueOptions } from './queue.js';
export { QUEUE_MIGRATIONS } from './schema.js';
