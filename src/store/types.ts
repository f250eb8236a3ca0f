import { z } from 'zod';
import type { Analysis, Role, Stance } from '../model/index.js';
import type pg from 'pg';
import type { SqlDatabase, SqlRunner } from './sql/adapter.js';

/**
 * The storage contract. Every method is async so a PostgreSQL implementation (node-postgres) can
 * satisfy the same interface and pass the same suite (`store.suite.ts`) as the SQLite one.
 */

/** One article to store: its text, its identity for deduplication, and its analysis. */
export interface ArticleInput {
  /** Stable source key (canonical URL, `file:line`, …): storing the same key twice is a no-op. */
  key: string;
  text: string;
  /** Hex digest of the normalised text: an exact republication has the same hash. */
  contentHash: string;
  url?: string;
  canonicalUrl?: string;
  title?: string;
  outlet?: string;
  /** ISO date or date-time. */
  published?: string;
  language?: string;
  feed?: string;
  /** MinHash signature of the text, for near-duplicate lookup. */
  signature?: Uint32Array;
  /** LSH band keys of the signature: articles sharing one are near-duplicate candidates. */
  lshKeys?: readonly string[];
  /**
   * Where the article came in its input (lower is earlier): with the publication date, it decides
   * which of several copies is the original (`rules.ts`), whatever order they are stored in.
   */
  inputOrder?: number;
}

/** How an incoming article relates to what is stored. */
export type CopyReason = 'canonical-url' | 'content-hash' | 'near-duplicate';

export type Classification =
  /** The key is already stored: nothing to do. */
  | { kind: 'exists'; articleId: string }
  /** Same canonical URL or same text as a stored article: recorded as a copy, not analysed again. */
  | { kind: 'copy'; of: string; reason: 'canonical-url' | 'content-hash'; storyId: string }
  /** New text, near-identical to a stored article: stored with its own analysis, in that article's story. */
  | { kind: 'near-duplicate'; of: string; similarity: number; storyId: string }
  | { kind: 'new' };

export interface PutResult {
  status: 'stored' | 'exists' | 'copy';
  /** The stored article (for a copy, the article it copies). */
  articleId: string;
  storyId: string;
  copyOf?: { articleId: string; reason: CopyReason; similarity?: number };
}

export interface Page {
  limit?: number;
  offset?: number;
}

export interface ArticleSummary {
  id: string;
  key: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  storyId: string;
  copyOf: string | null;
  copyReason: CopyReason | null;
  chars: number;
  counts: { actors: number; attributions: number; events: number };
}

export interface CopyRecord {
  key: string;
  /** The stored article this is a copy of (for a story's original: itself). */
  of: string;
  /** This copy's own stored article: the original and near-duplicates have one, exact copies do not. */
  articleId: string | null;
  reason: CopyReason | 'original';
  similarity: number | null;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
}

export interface StoredArticle extends ArticleSummary {
  analysis: Analysis;
  /** Every known copy of this article: exact republications and near-duplicates pointing at it. */
  copies: CopyRecord[];
  /**
   * Set when the analysis was read through a layer window (`getArticle(id, {layers})`): each list
   * layer's size and the part returned. `truncated` is true when any layer holds more than returned.
   */
  layers?: { truncated: boolean; offset: number; limit: number; sizes: Record<string, LayerSize> };
}

/** One list layer of an analysis read through a window. */
export interface LayerSize {
  total: number;
  returned: number;
}

/** The part of every list layer (mentions, sentences, events…) to read: items [offset, offset+limit). */
export interface LayerWindow {
  offset?: number;
  limit: number;
}

export interface SearchHit extends ArticleSummary {
  /** A short excerpt around the match, plain text. */
  snippet: string;
}

export interface StorySummary {
  id: string;
  title: string | null;
  /** Every copy of the story: stored articles plus exact republications. */
  copies: number;
  outlets: string[];
  first: string | null;
  last: string | null;
}

export interface Story extends StorySummary {
  members: CopyRecord[];
}

export interface ActorSummary {
  /** Store-wide actor id: the knowledge-base id when known, otherwise the normalised name. */
  id: string;
  name: string;
  type: string;
  cameo: string | null;
  counts: { articles: number; quotes: number; events: number };
}

export interface QuoteHit {
  articleId: string;
  attributionId: string;
  /** The source as the article words it ("he", "the minister"). */
  speaker: string | null;
  speakerActor: string | null;
  /** The name of the actor the source resolves to, when it does ("Mark Rutte" for "he"). */
  speakerName: string | null;
  cue: string | null;
  content: string;
  kind: 'direct' | 'mixed' | 'indirect';
  stance: Stance;
  outlet: string | null;
  published: string | null;
  title: string | null;
  /** Character offsets of the first content span in the article. */
  start: number;
  end: number;
  /** The attribution whose content holds this report (a report nested in another's words), if any. */
  within: string | null;
}

export interface EventHit {
  articleId: string;
  eventId: string;
  cameo: string;
  root: string;
  quadClass: number;
  goldstein: number;
  source: string | null;
  sourceActor: string | null;
  sourceCode: string | null;
  target: string | null;
  targetActor: string | null;
  targetCode: string | null;
  trigger: string;
  start: number;
  end: number;
  /** The event's own date when stated, otherwise the article's publication date. */
  date: string | null;
  outlet: string | null;
  title: string | null;
}

export interface ActorDetail extends ActorSummary {
  roles: Role[];
  /** The actor's quotes, oldest first. */
  quotes: QuoteHit[];
  eventsGiven: EventHit[];
  eventsReceived: EventHit[];
}

export interface QuoteQuery extends Page {
  speaker?: string;
  text?: string;
  outlet?: string;
  stance?: Stance;
}

export interface EventQuery extends Page {
  actor?: string;
  code?: string;
  root?: string;
  quadClass?: number;
  from?: string;
  to?: string;
}

export interface TimelinePoint {
  day: string;
  source: string;
  target: string;
  count: number;
  meanGoldstein: number;
}

export interface TimelineQuery {
  actor?: string;
  from?: string;
  to?: string;
}

export interface Network {
  nodes: { id: string; name: string; cameo: string | null; events: number; quotes: number }[];
  edges: { source: string; target: string; count: number; meanGoldstein: number }[];
}

export interface StoreStats {
  articles: number;
  /** Copies beyond the first of each story: exact republications plus near-duplicates. */
  duplicateCopies: number;
  stories: number;
  actors: number;
  attributions: number;
  events: number;
}

export const FeedCheckpointSchema = z.object({
  feed: z.string(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  lastPoll: z.string().nullable(),
});
export type FeedCheckpoint = z.infer<typeof FeedCheckpointSchema>;

/** A stored article with its analysis, as the store's hooks see it. */
export interface StoredAnalysis {
  id: string;
  key: string;
  outlet: string | null;
  published: string | null;
  analysis: Analysis;
}

/**
 * Work a floor above the store does on tables of its own inside the transaction that stores an
 * article (the corpus analyses, `src/corpus/`), so what it derives is never out of step with the
 * articles: committed together, rolled back together.
 */
export interface ArticleHook {
  readonly name: string;
  /** The article was stored with this analysis (new, or replacing an earlier one): idempotent. */
  stored(tx: SqlRunner, article: StoredAnalysis): Promise<void>;
  /** The article left the store (an earlier original with other text took its place). */
  removed(tx: SqlRunner, articleId: string): Promise<void>;
}

export interface Store {
  /** The database the store runs on: for floors that keep tables beside it (src/corpus/). */
  readonly sql: SqlDatabase;
  /** Runs `hook` inside the transaction of every article stored from now on (once per name). */
  onArticleStored(hook: ArticleHook): void;
  /**
   * The connection pool of a database several processes share (PostgreSQL), where the job queue
   * lives beside the store; null when only this process writes the store (a SQLite file).
   */
  readonly sharedPool: pg.Pool | null;
  /** Where an article would go, without storing it: lets ingest skip analysing copies. */
  classify(input: ArticleInput): Promise<Classification>;
  /**
   * Stores the article, its dedup links and its analysis (indexed) in one transaction; idempotent.
   * `analysis` may be null when `classify` said exists or copy; should the article be new after all
   * (a race with another writer), the put fails with MissingAnalysisError and the caller analyses.
   */
  putArticle(input: ArticleInput, analysis: Analysis | null): Promise<PutResult>;
  /** The article with its analysis; with `layers`, each list layer only in that window (large analyses). */
  getArticle(id: string, options?: { layers?: LayerWindow }): Promise<StoredArticle | null>;
  listArticles(page?: Page & { outlet?: string }): Promise<{ total: number; items: ArticleSummary[] }>;
  /** Full-text search over article text; any user string is safe (no query syntax errors). */
  searchArticles(query: string, page?: Page): Promise<{ total: number; items: SearchHit[] }>;
  listStories(page?: Page): Promise<{ total: number; items: StorySummary[] }>;
  getStory(id: string): Promise<Story | null>;
  listActors(page?: Page & { q?: string }): Promise<{ total: number; items: ActorSummary[] }>;
  getActor(id: string): Promise<ActorDetail | null>;
  searchQuotes(query: QuoteQuery): Promise<{ total: number; items: QuoteHit[] }>;
  searchEvents(query: EventQuery): Promise<{ total: number; items: EventHit[] }>;
  timeline(query: TimelineQuery): Promise<TimelinePoint[]>;
  network(query?: { limit?: number }): Promise<Network>;
  stats(): Promise<StoreStats>;
  getCheckpoint(feed: string): Promise<FeedCheckpoint | null>;
  putCheckpoint(checkpoint: FeedCheckpoint): Promise<void>;
  /** An input order after every stored article's: the base of a new run's `inputOrder`s. */
  nextInputOrder(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Near-duplicate threshold on the MinHash estimate of 5-word-shingle Jaccard similarity (as src/ingest
 * computes it): a wire story with a new lead or a trimmed paragraph stays above it, a different story on
 * the same topic falls far below.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

export const MAX_PAGE = 500;

export function pageOf(page: Page | undefined, defaultLimit = 50): { limit: number; offset: number } {
  const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(page?.limit ?? defaultLimit)));
  const offset = Math.max(0, Math.floor(page?.offset ?? 0));
  return { limit, offset };
}

export class MissingAnalysisError extends Error {
  constructor(key: string) {
    super(`article ${key} is new to the store but was given no analysis`);
    this.name = 'MissingAnalysisError';
  }
}
