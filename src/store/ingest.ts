import { ArticleMetaSchema, type Analysis, type ArticleMeta } from '../model/index.js';
import { analyze, checkText } from '../pipeline/index.js';
import type { IngestItem, IngestProblem } from '../ingest/types.js';
import { checkStorable } from './rules.js';
import { MissingAnalysisError, type ArticleInput, type PutResult, type Store } from './types.js';

/** The dedup fingerprints of a text; provided by `src/ingest` (content hash, MinHash, LSH bands). */
export interface Fingerprinter {
  contentHash(text: string): string;
  minhashSignature(text: string): Uint32Array;
  lshBandKeys(signature: Uint32Array): string[];
}

type IngestModule = typeof import('../ingest/index.js');

let ingestModule: Promise<IngestModule> | undefined;

/** Loads the ingest module on first use: `serve` without writes never pays for feed and HTML parsing. */
export function loadIngestApi(): Promise<IngestModule> {
  ingestModule ??= import('../ingest/index.js');
  return ingestModule;
}

/** Analyses a text: in this thread, or on a worker pool (then it resolves later). */
export type Analyzer = (text: string, meta: ArticleMeta) => Analysis | Promise<Analysis>;

export interface StoreItemResult extends PutResult {
  /** Milliseconds spent in analysis (0 for copies and already-stored keys). */
  analyzeMs: number;
}

/** The article metadata an item carries, keeping only what the model accepts (a bad date is dropped). */
export function metaOf(item: IngestItem): ArticleMeta {
  const meta: ArticleMeta = {};
  if (item.title) meta.title = item.title;
  if (item.url ?? item.canonicalUrl) meta.url = item.url ?? item.canonicalUrl;
  if (item.outlet) meta.outlet = item.outlet;
  if (item.byline) meta.byline = item.byline;
  if (item.language) meta.language = item.language;
  if (item.published && ArticleMetaSchema.shape.published.safeParse(item.published).success) {
    meta.published = item.published;
    if (item.publishedFrom) meta.publishedFrom = item.publishedFrom;
  }
  if (item.modified && ArticleMetaSchema.shape.modified.safeParse(item.modified).success) {
    meta.modified = item.modified;
    if (item.modifiedFrom) meta.modifiedFrom = item.modifiedFrom;
  }
  if (item.authors?.length) meta.authors = item.authors;
  if (item.canonicalUrl) meta.canonicalUrl = item.canonicalUrl;
  if (item.outlet && item.outletFrom) meta.outletFrom = item.outletFrom;
  if (item.language && item.languageFrom) meta.languageFrom = item.languageFrom;
  return meta;
}

/**
 * Stores one item: fingerprints it, skips analysis when it is already stored or an exact copy, else
 * analyses it and stores article + analysis in one transaction. Safe to call again for the same item.
 */
export async function storeItem(
  store: Store,
  item: IngestItem,
  fp: Fingerprinter,
  analyzer: Analyzer = (text, meta) => analyze(text, meta),
  inputOrder?: number,
): Promise<StoreItemResult> {
  // Refuse empty, huge or binary text, and NUL in any field (the stores' rule), before any work.
  checkText(item.text);
  checkStorable(item);
  const meta = metaOf(item);
  const input = articleInput(item, meta, fp, inputOrder ?? (await store.nextInputOrder()));
  const c = await store.classify(input);
  if (c.kind === 'exists' || c.kind === 'copy') {
    try {
      return { ...(await store.putArticle(input, null)), analyzeMs: 0 };
    } catch (err) {
      if (!(err instanceof MissingAnalysisError)) throw err;
    }
  }
  const t0 = performance.now();
  const analysis = await analyzer(item.text, meta);
  const analyzeMs = performance.now() - t0;
  return { ...(await store.putArticle(input, analysis)), analyzeMs };
}

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

function isStorageFailure(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') && code !== 'SQLITE_CONSTRAINT';
}

/** The store's view of an ingested item: its text with the fingerprints deduplication compares. */
export function articleInput(
  item: IngestItem,
  meta: ArticleMeta,
  fp: Fingerprinter,
  inputOrder?: number,
): ArticleInput {
  const signature = fp.minhashSignature(item.text);
  return {
    ...(inputOrder !== undefined ? { inputOrder } : {}),
    key: item.key,
    text: item.text,
    contentHash: fp.contentHash(item.text),
    signature,
    lshKeys: fp.lshBandKeys(signature),
    ...(item.url ? { url: item.url } : {}),
    ...(item.canonicalUrl ? { canonicalUrl: item.canonicalUrl } : {}),
    ...(meta.title ? { title: meta.title } : {}),
    ...(item.outlet ? { outlet: item.outlet } : {}),
    ...(meta.published ? { published: meta.published } : {}),
    ...(item.language ? { language: item.language } : {}),
    ...(item.feed ? { feed: item.feed } : {}),
  };
}
