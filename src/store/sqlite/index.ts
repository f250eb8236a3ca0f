import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { Analysis, Role } from '../../model/index.js';
import {
  pageOf,
  type ActorDetail,
  type ActorSummary,
  type ArticleInput,
  type ArticleSummary,
  type Classification,
  type CopyRecord,
  type EventHit,
  type EventQuery,
  type FeedCheckpoint,
  type LayerWindow,
  type Network,
  type Page,
  type PutResult,
  type QuoteHit,
  type QuoteQuery,
  type SearchHit,
  type Store,
  type StoreStats,
  type StoredArticle,
  type Story,
  type StorySummary,
  type TimelinePoint,
  type TimelineQuery,
} from '../types.js';
import { checkStorable, isBusyError, searchTerms, StoreBusyError } from '../rules.js';
import { ftsQuery, likePattern } from './fts.js';
import { excerpt, firstMatch } from './snippet.js';
import { SqliteWriter } from './write.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
import {
  ARTICLE_SUMMARY_COLUMNS,
  MAX_CANDIDATES,
  nearestDuplicate,
  RolesSchema,
  storedArticleOf,
  summaryOfStory,
  toActorSummary,
  toCopy,
  toEvent,
  toQuote,
  toSummary,
  type Row,
} from '../row-mappers.js';

export interface SqliteStoreOptions {
  /** Open read-only (the server's read path); migrations are not applied. */
  readonly?: boolean;
  /**
   * How long one statement waits, blocking its thread, for a lock another connection holds (SQLite
   * busy_timeout). Default 5000 ms: right for the CLI. The server uses 0 and `busyRetryMs` instead.
   */
  busyTimeoutMs?: number;
  /**
   * How long a call keeps retrying a locked database without blocking the thread (timers between
   * tries) before it fails with StoreBusyError. Default 0: no retries.
   */
  busyRetryMs?: number;
}

/** Every method of the contract: each is retried as a whole while the database is locked. */
const STORE_METHODS = [
  'classify',
  'putArticle',
  'getArticle',
  'listArticles',
  'searchArticles',
  'listStories',
  'getStory',
  'listActors',
  'getActor',
  'searchQuotes',
  'searchEvents',
  'timeline',
  'network',
  'stats',
  'getCheckpoint',
  'putCheckpoint',
  'nextInputOrder',
] as const satisfies readonly (keyof Store)[];

/** The SQLite store: one file, WAL journal, FTS5 over article text and quote text. */
export class SqliteStore implements Store {
  readonly db: Database.Database;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    if (file !== ':memory:' && !options.readonly)
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file, {
      readonly: options.readonly === true,
      fileMustExist: options.readonly === true,
    });
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    this.busyRetryMs = Math.max(0, options.busyRetryMs ?? 0);
    for (const name of STORE_METHODS) {
      const method = (this[name] as (...args: unknown[]) => Promise<unknown>).bind(this);
      Object.defineProperty(this, name, {
        value: (...args: unknown[]) => this.retryingBusy(() => method(...args)),
      });
    }
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      // WAL + NORMAL survives a process kill (SIGKILL) without losing committed transactions.
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      migrate(this.db);
    } else {
      const version = this.db.pragma('user_version', { simple: true }) as number;
      if (version !== SCHEMA_VERSION) {
        this.db.close();
        throw new Error(
          version === 0
            ? `${file} is not a newsgraph database (no schema): run newsgraph ingest --db ${file} first`
            : `${file} has schema version ${version}, this newsgraph reads ${SCHEMA_VERSION}: open it once for writing to migrate`,
        );
      }
    }
  }

  private readonly statements = new Map<string, Database.Statement>();
  private readonly writer = new SqliteWriter(
    (sql) => this.stmt(sql),
    (input) => this.classifySync(input),
  );
  private readonly busyRetryMs: number;

  /**
   * Runs a call, and while the database is locked by another connection runs it again after a pause
   * (the event loop stays free meanwhile), up to `busyRetryMs`; then fails with StoreBusyError. A
   * failed call changed nothing: every write is one transaction.
   */
  private async retryingBusy<T>(call: () => Promise<T>): Promise<T> {
    const deadline = performance.now() + this.busyRetryMs;
    for (let pause = 10; ; pause = Math.min(200, pause * 2)) {
      try {
        return await call();
      } catch (err) {
        if (!isBusyError(err)) throw err;
        if (performance.now() + pause > deadline) throw new StoreBusyError();
        await sleep(pause);
      }
    }
  }

  /** Prepared statements are cached by their SQL: ingest runs the same dozen statements per article. */
  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.statements.size < 500) this.statements.set(sql, s);
    }
    return s;
  }

  private get(sql: string, ...params: unknown[]): Row | undefined {
    return this.stmt(sql).get(...params) as Row | undefined;
  }

  private all(sql: string, ...params: unknown[]): Row[] {
    return this.stmt(sql).all(...params) as Row[];
  }

  private classifySync(input: ArticleInput): Classification {
    const byKey = this.get('SELECT id FROM articles WHERE key = ?', input.key);
    if (byKey) return { kind: 'exists', articleId: String(byKey.id) };
    const copyByKey = this.get('SELECT article_id FROM copies WHERE key = ?', input.key);
    if (copyByKey) return { kind: 'exists', articleId: String(copyByKey.article_id) };

    if (input.canonicalUrl) {
      const hit =
        this.get('SELECT id, story_id FROM articles WHERE canonical_url = ? LIMIT 1', input.canonicalUrl) ??
        this.get(
          `SELECT a.id, a.story_id FROM copies c JOIN articles a ON a.id = c.article_id
           WHERE c.canonical_url = ? LIMIT 1`,
          input.canonicalUrl,
        );
      if (hit)
        return { kind: 'copy', of: String(hit.id), reason: 'canonical-url', storyId: String(hit.story_id) };
    }
    const byHash = this.get('SELECT id, story_id FROM articles WHERE content_hash = ?', input.contentHash);
    if (byHash)
      return {
        kind: 'copy',
        of: String(byHash.id),
        reason: 'content-hash',
        storyId: String(byHash.story_id),
      };

    if (input.signature && input.lshKeys && input.lshKeys.length > 0) {
      const bands = [...new Set(input.lshKeys)];
      const candidates = this.all(
        `SELECT DISTINCT a.id, a.story_id, a.signature FROM lsh l JOIN articles a ON a.id = l.article_id
         WHERE l.band IN (${bands.map(() => '?').join(',')}) LIMIT ${MAX_CANDIDATES}`,
        ...bands,
      );
      const near = nearestDuplicate(input.signature, candidates);
      if (near) return near;
    }
    return { kind: 'new' };
  }

  async classify(input: ArticleInput): Promise<Classification> {
    return this.classifySync(input);
  }

  async putArticle(input: ArticleInput, analysis: Analysis | null): Promise<PutResult> {
    checkStorable(input);
    const now = new Date().toISOString();
    // IMMEDIATE takes the write lock up front, so two writers never interleave a classify and an insert.
    // Foreign keys are checked at commit: an original giving way to an earlier one is replaced in place.
    return this.db
      .transaction((): PutResult => {
        this.db.pragma('defer_foreign_keys = ON');
        return this.writer.put(input, analysis, now);
      })
      .immediate();
  }

  async nextInputOrder(): Promise<number> {
    const r = this.get('SELECT max(input_order) AS n FROM articles');
    return r?.n === null || r?.n === undefined ? 1 : Number(r.n) + 1;
  }

  async getArticle(id: string, options?: { layers?: LayerWindow }): Promise<StoredArticle | null> {
    const row = this.get(`SELECT ${ARTICLE_SUMMARY_COLUMNS}, a.analysis FROM articles a WHERE a.id = ?`, id);
    if (!row) return null;
    return storedArticleOf(row, this.copiesOf(id), options?.layers);
  }

  private copiesOf(id: string): CopyRecord[] {
    const exact = this.all(
      `SELECT key, article_id, NULL AS self_id, reason, url, outlet, title, published FROM copies
       WHERE article_id = ? ORDER BY published, key`,
      id,
    );
    const near = this.all(
      `SELECT key, copy_of AS article_id, id AS self_id, copy_reason AS reason, similarity, url, outlet, title, published
       FROM articles WHERE copy_of = ? ORDER BY published, key`,
      id,
    );
    return [...exact, ...near].map(toCopy);
  }

  async listArticles(page?: Page & { outlet?: string }): Promise<{ total: number; items: ArticleSummary[] }> {
    const { limit, offset } = pageOf(page);
    const where = page?.outlet ? 'WHERE a.outlet = ? COLLATE NOCASE' : '';
    const params = page?.outlet ? [page.outlet] : [];
    const total = Number(this.get(`SELECT count(*) AS n FROM articles a ${where}`, ...params)?.n ?? 0);
    const items = this.all(
      `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a ${where}
       ORDER BY a.published DESC NULLS LAST, a.rowid DESC LIMIT ? OFFSET ?`,
      ...params,
      limit,
      offset,
    ).map(toSummary);
    return { total, items };
  }

  async searchArticles(query: string, page?: Page): Promise<{ total: number; items: SearchHit[] }> {
    const match = ftsQuery(query);
    if (!match) return { total: 0, items: [] };
    const { limit, offset } = pageOf(page);
    const total = Number(
      this.get('SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?', match)?.n ?? 0,
    );
    const rows = this.all(
      `SELECT ${ARTICLE_SUMMARY_COLUMNS}, a.rowid AS row_id
       FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
       WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ? OFFSET ?`,
      match,
      limit,
      offset,
    );
    const terms = searchTerms(query);
    const items = rows.map((r) => ({ ...toSummary(r), snippet: this.snippet(Number(r.row_id), terms) }));
    return { total, items };
  }

  /** The excerpt around the first match: the article's head is read first, the whole text only if needed. */
  private snippet(rowid: number, terms: readonly string[]): string {
    const head = String(
      this.get('SELECT substr(text, 1, 65536) AS t FROM articles WHERE rowid = ?', rowid)?.t ?? '',
    );
    const inHead = firstMatch(head, terms);
    if (inHead || head.length < 65536) return excerpt(head, inHead);
    const text = String(this.get('SELECT text AS t FROM articles WHERE rowid = ?', rowid)?.t ?? '');
    return excerpt(text, firstMatch(text, terms));
  }

  async listStories(page?: Page): Promise<{ total: number; items: StorySummary[] }> {
    const { limit, offset } = pageOf(page);
    const total = Number(this.get('SELECT count(DISTINCT story_id) AS n FROM articles')?.n ?? 0);
    const ids = this.all(
      `SELECT a.story_id, (SELECT count(*) FROM articles b WHERE b.story_id = a.story_id)
         + (SELECT count(*) FROM copies c JOIN articles b ON b.id = c.article_id WHERE b.story_id = a.story_id) AS copies
       FROM articles a WHERE a.id = a.story_id ORDER BY copies DESC, a.published DESC NULLS LAST LIMIT ? OFFSET ?`,
      limit,
      offset,
    );
    const items: StorySummary[] = [];
    for (const r of ids) {
      const story = this.storySync(String(r.story_id));
      if (story) items.push(summaryOfStory(story));
    }
    return { total, items };
  }

  private storySync(id: string): Story | null {
    const root = this.get('SELECT id, title FROM articles WHERE id = ? AND story_id = id', id);
    if (!root) return null;
    const articles = this.all(
      `SELECT key, coalesce(copy_of, id) AS article_id, id AS self_id, coalesce(copy_reason, 'original') AS reason,
         similarity, url, outlet, title, published
       FROM articles WHERE story_id = ? ORDER BY id <> story_id, published IS NULL, published, input_order, key`,
      id,
    );
    const copies = this.all(
      `SELECT c.key, c.article_id, NULL AS self_id, c.reason, NULL AS similarity, c.url, c.outlet, c.title, c.published
       FROM copies c JOIN articles a ON a.id = c.article_id WHERE a.story_id = ? ORDER BY c.published IS NULL, c.published, c.key`,
      id,
    );
    // The original's own record points at itself; copies point at what they copy.
    const members = [...articles, ...copies].map(toCopy);
    const dates = members
      .map((m) => m.published)
      .filter((d): d is string => d !== null)
      .sort();
    return {
      id,
      title: (root.title as string | null) ?? null,
      copies: members.length,
      outlets: [...new Set(members.map((m) => m.outlet).filter((o): o is string => o !== null))].sort(),
      first: dates[0] ?? null,
      last: dates[dates.length - 1] ?? null,
      members,
    };
  }

  async getStory(id: string): Promise<Story | null> {
    return this.storySync(id);
  }

  async listActors(page?: Page & { q?: string }): Promise<{ total: number; items: ActorSummary[] }> {
    const { limit, offset } = pageOf(page);
    const where = page?.q ? `WHERE x.name LIKE ? ESCAPE '\\' OR x.id = ?` : '';
    const params = page?.q ? [likePattern(page.q), page.q] : [];
    const total = Number(this.get(`SELECT count(*) AS n FROM actors x ${where}`, ...params)?.n ?? 0);
    const items = this.all(
      `SELECT x.id, x.name, x.type, x.cameo,
         (SELECT count(DISTINCT article_id) FROM article_actors aa WHERE aa.actor_id = x.id) AS articles,
         (SELECT count(*) FROM quotes q WHERE q.speaker_actor = x.id) AS quotes,
         (SELECT count(*) FROM events e WHERE e.source_actor = x.id OR e.target_actor = x.id) AS events
       FROM actors x ${where} ORDER BY articles DESC, quotes DESC, x.name LIMIT ? OFFSET ?`,
      ...params,
      limit,
      offset,
    ).map(toActorSummary);
    return { total, items };
  }

  async getActor(id: string): Promise<ActorDetail | null> {
    const row = this.get(
      `SELECT x.id, x.name, x.type, x.cameo,
         (SELECT count(DISTINCT article_id) FROM article_actors aa WHERE aa.actor_id = x.id) AS articles,
         (SELECT count(*) FROM quotes q WHERE q.speaker_actor = x.id) AS quotes,
         (SELECT count(*) FROM events e WHERE e.source_actor = x.id OR e.target_actor = x.id) AS events
       FROM actors x WHERE x.id = ?`,
      id,
    );
    if (!row) return null;
    const roles: Role[] = [];
    const seen = new Set<string>();
    for (const r of this.all('SELECT roles FROM article_actors WHERE actor_id = ?', id)) {
      for (const role of RolesSchema.parse(JSON.parse(String(r.roles)))) {
        const k = `${role.title}|${role.affiliation ?? ''}`;
        if (seen.has(k)) continue;
        seen.add(k);
        roles.push(role);
      }
    }
    const quotes = this.all(
      `SELECT q.*, x.name AS actor_name FROM quotes q JOIN actors x ON x.id = q.speaker_actor
       WHERE q.speaker_actor = ? ORDER BY q.published NULLS LAST, q.rowid LIMIT 500`,
      id,
    ).map(toQuote);
    const given = this.all(
      `SELECT * FROM events WHERE source_actor = ? ORDER BY day NULLS LAST LIMIT 500`,
      id,
    ).map(toEvent);
    const received = this.all(
      `SELECT * FROM events WHERE target_actor = ? ORDER BY day NULLS LAST LIMIT 500`,
      id,
    ).map(toEvent);
    return { ...toActorSummary(row), roles, quotes, eventsGiven: given, eventsReceived: received };
  }

  async searchQuotes(query: QuoteQuery): Promise<{ total: number; items: QuoteHit[] }> {
    const { limit, offset } = pageOf(query);
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.text) {
      const match = ftsQuery(query.text);
      if (!match) return { total: 0, items: [] };
      where.push('q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)');
      params.push(`content : (${match})`);
    }
    if (query.speaker) {
      where.push(`(q.speaker_actor = ? OR q.speaker LIKE ? ESCAPE '\\'
        OR q.speaker_actor IN (SELECT id FROM actors WHERE name LIKE ? ESCAPE '\\'))`);
      params.push(query.speaker, likePattern(query.speaker), likePattern(query.speaker));
    }
    if (query.outlet) {
      where.push('q.outlet = ? COLLATE NOCASE');
      params.push(query.outlet);
    }
    if (query.stance) {
      where.push('q.stance = ?');
      params.push(query.stance);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = Number(this.get(`SELECT count(*) AS n FROM quotes q ${w}`, ...params)?.n ?? 0);
    const items = this.all(
      `SELECT q.*, x.name AS actor_name FROM quotes q LEFT JOIN actors x ON x.id = q.speaker_actor ${w}
       ORDER BY q.published DESC NULLS LAST, q.rowid LIMIT ? OFFSET ?`,
      ...params,
      limit,
      offset,
    ).map(toQuote);
    return { total, items };
  }

  private eventWhere(query: EventQuery & TimelineQuery): { w: string; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.actor) {
      where.push('(e.source_actor = ? OR e.target_actor = ? OR e.source_code = ? OR e.target_code = ?)');
      params.push(query.actor, query.actor, query.actor, query.actor);
    }
    if (query.code) {
      where.push('e.cameo = ?');
      params.push(query.code);
    }
    if (query.root) {
      where.push('e.root = ?');
      params.push(query.root.padStart(2, '0'));
    }
    if (query.quadClass !== undefined) {
      where.push('e.quad_class = ?');
      params.push(query.quadClass);
    }
    if (query.from) {
      where.push('e.day >= ?');
      params.push(query.from.slice(0, 10));
    }
    if (query.to) {
      where.push('e.day <= ?');
      params.push(query.to.slice(0, 10));
    }
    return { w: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  async searchEvents(query: EventQuery): Promise<{ total: number; items: EventHit[] }> {
    const { limit, offset } = pageOf(query);
    const { w, params } = this.eventWhere(query);
    const total = Number(this.get(`SELECT count(*) AS n FROM events e ${w}`, ...params)?.n ?? 0);
    const items = this.all(
      `SELECT e.* FROM events e ${w} ORDER BY e.day NULLS LAST, e.article_id, e.start LIMIT ? OFFSET ?`,
      ...params,
      limit,
      offset,
    ).map(toEvent);
    return { total, items };
  }

  async timeline(query: TimelineQuery): Promise<TimelinePoint[]> {
    const { w, params } = this.eventWhere(query);
    const cond = w ? `${w} AND e.day IS NOT NULL` : 'WHERE e.day IS NOT NULL';
    return this.all(
      `SELECT e.day, coalesce(e.source_actor, e.source_code, '?') AS source,
         coalesce(e.target_actor, e.target_code, '?') AS target, count(*) AS n, avg(e.goldstein) AS g
       FROM events e ${cond} GROUP BY e.day, source, target ORDER BY e.day, source, target LIMIT 5000`,
      ...params,
    ).map((r) => ({
      day: String(r.day),
      source: String(r.source),
      target: String(r.target),
      count: Number(r.n),
      meanGoldstein: Math.round(Number(r.g) * 100) / 100,
    }));
  }

  async network(query?: { limit?: number }): Promise<Network> {
    const limit = Math.max(1, Math.min(2000, Math.floor(query?.limit ?? 200)));
    const edges = this.all(
      `SELECT source_actor AS s, target_actor AS t, count(*) AS n, avg(goldstein) AS g FROM events
       WHERE source_actor IS NOT NULL AND target_actor IS NOT NULL AND source_actor <> target_actor
       GROUP BY s, t ORDER BY n DESC, s, t LIMIT ?`,
      limit,
    ).map((r) => ({
      source: String(r.s),
      target: String(r.t),
      count: Number(r.n),
      meanGoldstein: Math.round(Number(r.g) * 100) / 100,
    }));
    const ids = new Set<string>();
    for (const e of edges) ids.add(e.source).add(e.target);
    // Quoted speakers are nodes too, so a corpus with quotes but no events still shows its actors.
    for (const r of this.all(
      `SELECT speaker_actor AS id FROM quotes WHERE speaker_actor IS NOT NULL GROUP BY speaker_actor
       ORDER BY count(*) DESC LIMIT ?`,
      limit,
    ))
      ids.add(String(r.id));
    const nodes = [...ids].map((id) => {
      const a = this.get(
        `SELECT x.name, x.cameo,
           (SELECT count(*) FROM events e WHERE e.source_actor = x.id OR e.target_actor = x.id) AS events,
           (SELECT count(*) FROM quotes q WHERE q.speaker_actor = x.id) AS quotes
         FROM actors x WHERE x.id = ?`,
        id,
      );
      return {
        id,
        name: String(a?.name ?? id),
        cameo: (a?.cameo as string | null) ?? null,
        events: Number(a?.events ?? 0),
        quotes: Number(a?.quotes ?? 0),
      };
    });
    return { nodes, edges };
  }

  async stats(): Promise<StoreStats> {
    const n = (sql: string) => Number(this.get(sql)?.n ?? 0);
    return {
      articles: n('SELECT count(*) AS n FROM articles'),
      duplicateCopies:
        n('SELECT count(*) AS n FROM copies') +
        n('SELECT count(*) AS n FROM articles WHERE copy_of IS NOT NULL'),
      stories: n('SELECT count(DISTINCT story_id) AS n FROM articles'),
      actors: n('SELECT count(*) AS n FROM actors'),
      attributions: n('SELECT count(*) AS n FROM quotes'),
      events: n('SELECT count(*) AS n FROM events'),
    };
  }

  async getCheckpoint(feed: string): Promise<FeedCheckpoint | null> {
    const r = this.get('SELECT feed, etag, last_modified, last_poll FROM feeds WHERE feed = ?', feed);
    if (!r) return null;
    return {
      feed: String(r.feed),
      etag: (r.etag as string | null) ?? null,
      lastModified: (r.last_modified as string | null) ?? null,
      lastPoll: (r.last_poll as string | null) ?? null,
    };
  }

  async putCheckpoint(c: FeedCheckpoint): Promise<void> {
    this.stmt(
      `INSERT INTO feeds (feed, etag, last_modified, last_poll) VALUES (?, ?, ?, ?)
         ON CONFLICT(feed) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
           last_poll = excluded.last_poll`,
    ).run(c.feed, c.etag, c.lastModified, c.lastPoll);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Opens (creating and migrating) the SQLite store at `file`. */
export function openSqliteStore(file: string, options?: SqliteStoreOptions): SqliteStore {
  return new SqliteStore(file, options);
}
