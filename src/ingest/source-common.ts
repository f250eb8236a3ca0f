import { canonicalizeUrl } from './dedup.js';
import type { FetchedResource, SafeFetchOptions } from './fetch.js';
import type { IngestItem, IngestProblem } from './types.js';

/* What every reader of sources (sources.ts, feed-items.ts, jsonl.ts) shares: options and small helpers. */

/** Fetches a URL; `safeFetch` unless a test injects another. */
export type Fetcher = (url: string, options?: SafeFetchOptions) => Promise<FetchedResource>;

export interface ReadOptions {
  /** Options for every fetch (allowPrivate, caps, timeouts). */
  fetchOptions?: SafeFetchOptions;
  /** Fetch and extract a feed entry's page when the feed holds only a summary. Default true. */
  fetchLinks?: boolean;
  /** A feed entry whose own content has at least this many characters of text is used as is. Default 600. */
  fullContentChars?: number;
  /** Largest file read whole (text, HTML, feeds), in bytes. Default 20 MB. */
  maxFileBytes?: number;
  /** Longest JSONL line, in characters. Default 10 M. */
  maxLineChars?: number;
  /** Linked pages of a summary-only feed fetched at once. Default 4. */
  linkConcurrency?: number;
  /** Directory walking: skip deeper than this. Default 20. */
  maxDepth?: number;
  fetch?: Fetcher;
}

export type Out = IngestItem | IngestProblem;

export const problem = (where: string, err: unknown): IngestProblem => ({
  where,
  reason: err instanceof Error ? err.message : String(err),
});

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

export function safeCanonical(url: string): string | undefined {
  try {
    return canonicalizeUrl(url);
  } catch {
    return undefined;
  }
}

export function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}

export function normLang(lang: string | undefined): string | undefined {
  return lang ? /^[a-z]{2,3}\b/i.exec(lang.trim())?.[0].toLowerCase() : undefined;
}
