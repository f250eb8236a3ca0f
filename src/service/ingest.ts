/** Storing every item of a source, a few at once, counting what happened to each. */
import type { IngestItem, IngestProblem } from '../ingest/types.js';
import { isStorageFailure } from '../store/rules.js';
import type { Store } from '../store/types.js';
import { storeItem, type Analyzer, type Fingerprinter, type StoreItemResult } from './item.js';

export interface IngestCounts {
  seen: number;
  stored: number;
  /** Exact copies and near-duplicates found (near-duplicates are also counted as stored). */
  duplicates: number;
  /** Keys already in the store (a re-run or a resumed run). */
  alreadyStored: number;
  problems: number;
  seconds: number;
}

/** Counts of nothing ingested yet. */
export function emptyCounts(): IngestCounts {
  return { seen: 0, stored: 0, duplicates: 0, alreadyStored: 0, problems: 0, seconds: 0 };
}

/** Adds `more` into `total` (a run made of several ingests: inputs, then feed polls). */
export function addCounts(total: IngestCounts, more: IngestCounts): void {
  for (const k of Object.keys(total) as Array<keyof IngestCounts>) total[k] += more[k];
}

export interface IngestHooks {
  onProblem?(problem: IngestProblem): void;
  onResult?(result: StoreItemResult, item: IngestItem): void;
  /** Stops between items when aborted; what was stored stays stored. */
  signal?: AbortSignal;
  analyzer?: Analyzer;
  /**
   * Items analysed at once (with a worker-pool analyzer). Order does not matter for correctness:
   * every put re-checks duplicates inside its transaction and originals follow a rule of the data
   * (publication date, then input order), so a copy overtaking its original ends the same. Default 1.
   */
  concurrency?: number;
}

/** Stores every item of a source, one transaction per article; bad items are reported and skipped. */
export async function ingestItems(
  store: Store,
  items: AsyncIterable<IngestItem | IngestProblem>,
  fp: Fingerprinter,
  hooks: IngestHooks = {},
): Promise<IngestCounts> {
  const started = performance.now();
  const counts = emptyCounts();
  const inFlight = new Set<Promise<void>>();
  let fatal: unknown = null;
  const limit = Math.max(1, Math.floor(hooks.concurrency ?? 1));
  // Input order, after everything stored before: with the publication date it decides originals.
  const base = await store.nextInputOrder();
  const handle = async (x: IngestItem, order: number) => {
    try {
      const r = await storeItem(store, x, fp, hooks.analyzer, order);
      if (r.status === 'stored') counts.stored++;
      if (r.status === 'exists') counts.alreadyStored++;
      if (r.copyOf) counts.duplicates++;
      hooks.onResult?.(r, x);
    } catch (err) {
      // A database failure (disk full, locked, corrupt) would fail every item alike: stop the run.
      if (isStorageFailure(err)) fatal ??= err;
      else {
        counts.problems++;
        hooks.onProblem?.({ where: x.key, reason: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  for await (const x of items) {
    if (hooks.signal?.aborted || fatal) break;
    counts.seen++;
    if (!('origin' in x)) {
      counts.problems++;
      hooks.onProblem?.(x);
      continue;
    }
    const p: Promise<void> = handle(x, base + counts.seen - 1).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (fatal) throw fatal;
  counts.seconds = (performance.now() - started) / 1000;
  return counts;
}
