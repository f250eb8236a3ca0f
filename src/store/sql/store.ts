/**
 * The one SQL store: the `Store` contract written once over the adapter (`./adapter.ts`). SQLite and
 * PostgreSQL supply a `SqlDatabase` (connection, migrations, search dialect, bulk insert) and pass
 * the same suite (`../store.suite.ts`).
 */
import type pg from 'pg';
import type { Analysis } from '../../model/index.js';
import { str } from '../row-mappers.js';
import { queryText } from '../rules.js';
import type {
  ArticleHook,
  ArticleInput,
  ArticleSummary,
  Classification,
  FeedCheckpoint,
  LayerWindow,
  Page,
  PutResult,
  SearchHit,
  Store,
  StoreStats,
  StoredArticle,
  Story,
  StorySummary,
  ActorDetail,
  ActorSummary,
  QuoteHit,
  QuoteQuery,
  EventHit,
  EventQuery,
  TimelinePoint,
  TimelineQuery,
  Network,
} from '../types.js';
import type { SqlDatabase, SqlRunner } from './adapter.js';
import { getActor, listActors, searchQuotes } from './actors.js';
import { getArticle, listArticles, searchArticles } from './articles.js';
import { classify } from './classify.js';
import { network, searchEvents, timeline } from './events.js';
import { getStory, listStories } from './stories.js';
import { putArticle } from './write.js';

export class SqlStore implements Store {
  private readonly hooks: ArticleHook[] = [];
  private closed = false;

  constructor(readonly sql: SqlDatabase) {}

  get sharedPool(): pg.Pool | null {
    return null;
  }

  onArticleStored(hook: ArticleHook): void {
    if (!this.hooks.some((h) => h.name === hook.name)) this.hooks.push(hook);
  }

  classify(input: ArticleInput): Promise<Classification> {
    return this.sql.read((db) => classify(db, input));
  }

  putArticle(input: ArticleInput, analysis: Analysis | null): Promise<PutResult> {
    return this.sql.transaction((tx) => this.putArticleWith(tx, input, analysis));
  }

  /** `putArticle` inside a transaction the caller holds (the job queue finishes its job in the same one). */
  protected putArticleWith(
    tx: SqlRunner,
    input: ArticleInput,
    analysis: Analysis | null,
  ): Promise<PutResult> {
    return putArticle({ db: tx, now: new Date().toISOString(), hooks: this.hooks }, input, analysis);
  }

  nextInputOrder(): Promise<number> {
    return this.sql.read(async (db) => {
      const r = await db.get('SELECT max(input_order) AS n FROM articles');
      return r?.n === null || r?.n === undefined ? 1 : Number(r.n) + 1;
    });
  }

  getArticle(id: string, options?: { layers?: LayerWindow }): Promise<StoredArticle | null> {
    return this.sql.read((db) => getArticle(db, id, options?.layers));
  }

  listArticles(page?: Page & { outlet?: string }): Promise<{ total: number; items: ArticleSummary[] }> {
    return this.sql.read((db) => listArticles(db, page));
  }

  searchArticles(query: string, page?: Page): Promise<{ total: number; items: SearchHit[] }> {
    return this.sql.read((db) => searchArticles(db, query, page));
  }

  listStories(page?: Page): Promise<{ total: number; items: StorySummary[] }> {
    return this.sql.read((db) => listStories(db, page));
  }

  getStory(id: string): Promise<Story | null> {
    return this.sql.read((db) => getStory(db, id));
  }

  listActors(page?: Page & { q?: string }): Promise<{ total: number; items: ActorSummary[] }> {
    return this.sql.read((db) => listActors(db, page));
  }

  getActor(id: string): Promise<ActorDetail | null> {
    return this.sql.read((db) => getActor(db, id));
  }

  searchQuotes(query: QuoteQuery): Promise<{ total: number; items: QuoteHit[] }> {
    return this.sql.read((db) => searchQuotes(db, query));
  }

  searchEvents(query: EventQuery): Promise<{ total: number; items: EventHit[] }> {
    return this.sql.read((db) => searchEvents(db, query));
  }

  timeline(query: TimelineQuery): Promise<TimelinePoint[]> {
    return this.sql.read((db) => timeline(db, query));
  }

  network(query?: { limit?: number }): Promise<Network> {
    return this.sql.read((db) => network(db, query));
  }

  stats(): Promise<StoreStats> {
    return this.sql.read(async (db) => {
      const r = await db.get(`SELECT
        (SELECT count(*) FROM articles) AS articles,
        (SELECT count(*) FROM copies) + (SELECT count(*) FROM articles WHERE copy_of IS NOT NULL) AS duplicate_copies,
        (SELECT count(DISTINCT story_id) FROM articles) AS stories,
        (SELECT count(*) FROM actors) AS actors,
        (SELECT count(*) FROM quotes) AS attributions,
        (SELECT count(*) FROM events) AS events`);
      return {
        articles: Number(r?.articles ?? 0),
        duplicateCopies: Number(r?.duplicate_copies ?? 0),
        stories: Number(r?.stories ?? 0),
        actors: Number(r?.actors ?? 0),
        attributions: Number(r?.attributions ?? 0),
        events: Number(r?.events ?? 0),
      };
    });
  }

  getCheckpoint(feed: string): Promise<FeedCheckpoint | null> {
    return this.sql.read(async (db) => {
      const r = await db.get('SELECT feed, etag, last_modified, last_poll FROM feeds WHERE feed = ?', [
        queryText(feed),
      ]);
      if (!r) return null;
      return {
        feed: String(r.feed),
        etag: str(r.etag),
        lastModified: str(r.last_modified),
        lastPoll: str(r.last_poll),
      };
    });
  }

  putCheckpoint(c: FeedCheckpoint): Promise<void> {
    const text = (v: string | null) => (v === null ? null : queryText(v));
    return this.sql.transaction((tx) =>
      tx.run(
        `INSERT INTO feeds (feed, etag, last_modified, last_poll) VALUES (?, ?, ?, ?)
         ON CONFLICT (feed) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
           last_poll = excluded.last_poll`,
        [text(c.feed), text(c.etag), text(c.lastModified), text(c.lastPoll)],
      ),
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.sql.close();
  }
}
