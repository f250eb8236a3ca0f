/**
 * The durable job queue on PostgreSQL and its workers: `enqueueIngest` (what `newsgraph ingest --db
 * postgres://…` does), `runWorker` (`newsgraph worker`), `queueStats` (the `jobs` of `newsgraph stats`).
 */
export { JobQueue, enqueueIngest, queueStats } from './queue.js';
export type { ClaimedJob, DeadLetter, EnqueueResult, JobCounts, QueueOptions } from './queue.js';
export { runWorker, DELAY_ENV, POISON_ENV } from './worker.js';
export type { WorkerOptions, WorkerSummary } from './worker.js';
export { QUEUE_MIGRATIONS } from './schema.js';
