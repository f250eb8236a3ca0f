/**
 * The store-an-item protocol, the same for the CLI's ingest, the server's posted articles and the
 * queue's workers: check the item, fingerprint it, classify it, analyse only what is new, put it.
 */
import { ArticleMetaSchema, checkText, type Analysis, type ArticleMeta } from '../model/index.js';
import type { IngestItem } from '../ingest/types.js';
import { checkStorable } from '../store/rules.js';
import {
  MissingAnalysisError,
  type ArticleInput,
  type Classification,
  type PutResult,
  type Store,
} from '../store/types.js';

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

/** Analyses in this thread, loading the pipeline on first use (`serve` and `stats` never load it). */
export const analyzeHere: Analyzer = async (text, meta) =>
  (await import('../pipeline/index.js')).analyze(text, meta);

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

/** Refuses empty, huge or binary text, and NUL in any field (the stores' rule), before any work (InputError). */
export function checkItem(item: IngestItem): void {
  checkText(item.text);
  checkStorable(item);
}

/** A checked item's metadata and its fingerprinted store input. */
export function prepareItem(
  item: IngestItem,
  fp: Fingerprinter,
  inputOrder: number,
): { meta: ArticleMeta; input: ArticleInput } {
  const meta = metaOf(item);
  return { meta, input: articleInput(item, meta, fp, inputOrder) };
}

/** The three steps of storing an article, as the caller runs them (in a transaction, with retries…). */
export interface StoreSteps<R> {
  classify(input: ArticleInput): Promise<Classification>;
  analyse(): Promise<Analysis>;
  put(input: ArticleInput, analysis: Analysis | null): Promise<R>;
}

/**
 * Classifies, analyses only an article the store does not hold (nor an exact copy of), and puts it.
 * Should a copy turn out to be new after all (its original gone in a race with another writer), the
 * put fails with MissingAnalysisError and the article is analysed then.
 */
export async function storeArticle<R>(
  input: ArticleInput,
  steps: StoreSteps<R>,
): Promise<{ result: R; analyzeMs: number }> {
  const c = await steps.classify(input);
  let analysis: Analysis | null = null;
  let analyzeMs = 0;
  const analyse = async () => {
    const t0 = performance.now();
    analysis = await steps.analyse();
    analyzeMs = performance.now() - t0;
    return analysis;
  };
  if (c.kind !== 'exists' && c.kind !== 'copy') await analyse();
  try {
    return { result: await steps.put(input, analysis), analyzeMs };
  } catch (err) {
    if (!(err instanceof MissingAnalysisError) || analysis !== null) throw err;
  }
  return { result: await steps.put(input, await analyse()), analyzeMs };
}

/**
 * Stores one item: fingerprints it, skips analysis when it is already stored or an exact copy, else
 * analyses it and stores article + analysis in one transaction. Safe to call again for the same item.
 */
export async function storeItem(
  store: Store,
  item: IngestItem,
  fp: Fingerprinter,
  analyzer: Analyzer = analyzeHere,
  inputOrder?: number,
): Promise<StoreItemResult> {
  checkItem(item);
  const { meta, input } = prepareItem(item, fp, inputOrder ?? (await store.nextInputOrder()));
  const { result, analyzeMs } = await storeArticle(input, {
    classify: (x) => store.classify(x),
    analyse: async () => analyzer(item.text, meta),
    put: (x, analysis) => store.putArticle(x, analysis),
  });
  return { ...result, analyzeMs };
}
