/**
 * ingest: pages, feeds and files in; article extraction; dedup helpers. The public entry of the
 * module: the store, server and CLI use only what is exported here.
 */
/** Item and problem types (and the item's zod schema) that `readSources` yields. */
export { IngestItemSchema, IngestOriginSchema, IngestError, isIngestProblem } from './types.js';
export type { IngestItem, IngestOrigin, IngestProblem } from './types.js';
/** Files, directories and URLs → items; `feedItems` turns a parsed feed into items. */
export { readSources, feedItems } from './sources.js';
export type { ReadOptions, Fetcher } from './sources.js';
/** Article extraction from HTML (Readability + metadata + boilerplate cleanup + fallbacks). */
export { extractArticle, MAX_HTML_CHARS } from './extract.js';
export type { ExtractedArticle } from './extract.js';
/** Feed and OPML parsing, and document sniffing. */
export { parseFeed, parseOpml, sniffDocument } from './feeds.js';
export type { FeedEntry, ParsedFeed, OpmlFeed, DocumentKind } from './feeds.js';
/** Dedup: canonical URLs, content hashes, MinHash + LSH. */
export {
  canonicalizeUrl,
  contentHash,
  normalizeForHash,
  minhashSignature,
  lshBandKeys,
  estimateSimilarity,
  MINHASH_SIZE,
  SHINGLE_WORDS,
  LSH_BANDS,
  LSH_ROWS,
  NEAR_DUPLICATE_THRESHOLD,
} from './dedup.js';
/** Feed polling with conditional requests and backoff. */
export { FeedPoller } from './poller.js';
export type { FeedPollerOptions, FeedState } from './poller.js';
/** SSRF-safe, size- and time-capped HTTP fetching. */
export { safeFetch, isPublicAddress, closeFetchAgents, DEFAULT_MAX_BYTES } from './fetch.js';
export type { SafeFetchOptions, FetchedResource } from './fetch.js';
/** Bytes → text with charset detection. */
export { decodeHtmlBytes } from './encoding.js';
export type { DecodedText, DecodeOptions } from './encoding.js';
/** Language detection (eld). */
export { detectLanguage } from './language.js';
