/*
 * Rules both stores apply the same way, kept in one place: what text a store accepts, when the
 * database is busy, and which of several copies of a story is its original.
 */
import { InputError } from '../model/input.js';
import type { ArticleInput } from './types.js';

/**
 * The one NUL rule of both stores: a NUL character is refused in every stored field (PostgreSQL text
 * cannot hold it, and in SQLite it would cut C-string comparisons short), with a message naming
 * the field and the offset. An InputError, so the API answers 422 and a queue job is not retried.
 */
export function checkStorable(input: Pick<ArticleInput, 'key'> & Partial<ArticleInput>): void {
  for (const [field, value] of Object.entries(input)) {
    if (typeof value !== 'string') continue;
    const at = value.indexOf('\u0000');
    if (at < 0) continue;
    const which = field === 'key' ? 'the key' : `the ${field}`;
    throw new InputError(
      `article ${JSON.stringify(input.key.replaceAll('\u0000', '\\0').slice(0, 200))}: ${which} contains a NUL character at offset ${at}; NUL is not text and no store keeps it`,
    );
  }
}

/** Most terms one search uses, and longest term: bound the work a hostile query can ask for. */
const MAX_TERMS = 16;
const MAX_TERM_CHARS = 64;

/** The words of a user's search string (letters and digits after NFKC), bounded in number and length. */
export function searchTerms(input: string): string[] {
  return (input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [])
    .slice(0, MAX_TERMS)
    .map((t) => t.slice(0, MAX_TERM_CHARS));
}

/** A user's query string as a store parameter: NUL (never text) is dropped, in both stores alike. */
export function queryText(input: string): string {
  return input.replaceAll('\u0000', '');
}

/** A `%…%` pattern for `LIKE`/`ILIKE … ESCAPE '\'`: `%`, `_` and `\` are literal, NUL is dropped. */
export function likePattern(input: string): string {
  return `%${queryText(input).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The database is locked by another writer (SQLite) and stayed so for the wait allowed: the caller
 * may retry after `retryAfterSeconds`. The API answers 503 with Retry-After.
 */
export class StoreBusyError extends Error {
  readonly retryAfterSeconds: number;
  constructor(
    message = 'the database is busy (another process holds its lock); retry shortly',
    retryAfter = 1,
  ) {
    super(message);
    this.name = 'StoreBusyError';
    this.retryAfterSeconds = retryAfter;
  }
}

/** SQLite's "database is locked / busy" result codes (extended codes included). */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/**
 * A failure of the database itself (disk full, locked past every wait, corrupt), not of the article
 * being stored: it would fail every article alike, so a run stops at it rather than skipping items.
 */
export function isStorageFailure(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') && code !== 'SQLITE_CONSTRAINT';
}

/** What decides which of two copies of a story is the original. */
export interface OriginalKey {
  key: string;
  published: string | null;
  /** Position in the input (lower is earlier); null for articles stored before input order was kept. */
  inputOrder: number | null;
}

/** A publication date as a number for comparing (ms since epoch); unknown or unparseable dates last. */
export function publishedRank(published: string | null | undefined): number {
  if (!published) return Number.POSITIVE_INFINITY;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(published) ? `${published}T00:00:00Z` : published);
  return Number.isFinite(t) ? t : Number.POSITIVE_INFINITY;
}

/**
 * The originals rule, a rule of the data and never of arrival time: the earlier publication is the
 * original; on the same date (or none), the earlier input; then the smaller key. So any number of
 * workers, storing in any order, ends with the same originals.
 */
export function comparePrecedence(a: OriginalKey, b: OriginalKey): number {
  const pa = publishedRank(a.published);
  const pb = publishedRank(b.published);
  if (pa !== pb) return pa < pb ? -1 : 1;
  // Rows stored before input order was recorded came first.
  const oa = a.inputOrder ?? Number.NEGATIVE_INFINITY;
  const ob = b.inputOrder ?? Number.NEGATIVE_INFINITY;
  if (oa !== ob) return oa < ob ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function precedes(a: OriginalKey, b: OriginalKey): boolean {
  return comparePrecedence(a, b) < 0;
}
