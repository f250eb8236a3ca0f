/** The article store: its contract, the SQLite implementation, and storing ingested items. */
export * from './types.js';
export { SqliteStore, openSqliteStore } from './sqlite/index.js';
export { signatureSimilarity } from './row-mappers.js';
export { indexAnalysis, storeActorId } from './rows.js';
export { deadLetters, openStore, isPostgresSpec, statsWithJobs } from './open.js';
export type { DeadJob, JobCounts } from './open.js';
export { addCounts, emptyCounts, ingestItems, loadIngestApi, metaOf, storeItem } from './ingest.js';
export type { Analyzer, Fingerprinter, IngestCounts, IngestHooks, StoreItemResult } from './ingest.js';

/** The database used when neither --db nor NEWSGRAPH_DB says otherwise (relative to the working directory). */
export const DEFAULT_DB = 'data/newsgraph.db';

export function resolveDbPath(option?: string): string {
  return option ?? process.env.NEWSGRAPH_DB ?? DEFAULT_DB;
}
