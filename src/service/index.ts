/**
 * The application floor: what the CLI, the HTTP server and the queue worker do alike — the ingest
 * run, the store-an-item protocol, job handling and feed watching — with progress told through hooks.
 * It sits above the store, the pipeline, ingest and the queue; none of them imports it.
 */
export { ingestRun, NoInputsError } from './run.js';
export type { IngestRunHooks, IngestRunOptions, IngestSummary } from './run.js';
export { addCounts, emptyCounts, ingestItems } from './ingest.js';
export type { IngestCounts, IngestHooks } from './ingest.js';
export { analyzeHere, checkItem, loadIngestApi, metaOf, storeArticle, storeItem } from './item.js';
export type { Analyzer, Fingerprinter, StoreItemResult } from './item.js';
export { NoFeedsError, resumedPoller } from './feeds.js';
export { deadLetters, statsWithJobs } from './jobs.js';
export type { DeadJob, JobCounts } from './jobs.js';
export { openWorkspace } from './open.js';
export { runWorker, DELAY_ENV, POISON_ENV } from './worker.js';
export type { WorkerOptions, WorkerSummary } from './worker.js';
