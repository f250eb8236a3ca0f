import type pg from 'pg';
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
import { createPool, isConnectionError, isRetryableTransactionError, type PoolOptions } from './connect.js';
import { migrate } from './migrate.js';
import { STORE_MIGRATIONS } from './migrations.js';
import { checkStorable } from '../rules.js';
import { writeArticle } from './write.js';
import { likePattern, textParam, textQuery, tsquerySql } from './search.js';
import {
  ARTICLE_SUMMARY_COLUMNS,
  MAX_CANDIDATES,
  nearestDuplicate,
  RolesSchema,
  str,
  storedArticleOf,
  summaryOfStory,
  toActorSummary,
  toCopy,
  toEvent,
  toQuote,
  toSummary,
  type Row,
} from '../row-mappers.js';

/** Anything that runs a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Tries of a transaction that lost a deadlock or serialization race before giving up. */
const TRANSACTION_TRIES = 5;

export interface PostgresStoreOptions extends PoolOptions {
  /** Skip migrations (a read-only replica or a role without DDL rights); the schema must be current. */
  skipMigrations?: boolean;
}

/**
 * The PostgreSQL store: the same contract and the same suite as the SQLite store, safe for many
 * writers at once (several worker processes on several machines). Writers of the same article key,
 * text, canonical URL or LSH band are serialised by transaction-scoped advisory locks, so dedup stays
 * exact under concurrency; everything else runs in parallel.
 */
export class PostgresStore implements Store {
  private constructor(readonly pool: pg.Pool) {}

  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = await createPool(url, options);
    try {
      if (!options.skipMigrations) await migrate(pool, 'store', STORE_MIGRATIONS);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresStore(pool);
  }

  private async get(
    sql: string,
    params: unknown[] = [],
    db: Queryable = this.pool,
  ): Promise<Row | undefined> {
    return (await db.query(sql, params)).rows[0] as Row | undefined;
  }

  private async all(sql: string, params: unknown[] = [], db: Queryable = this.pool): Promise<Row[]> {
    return (await db.query(sql, params)).rows as Row[];
  }

  /**
   * Runs `fn` in one transaction on one connection, committing when it returns; a deadlock or
   * serialization failure runs it again from the start.
   */
  async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      // A connection dropped between two statements must reject this transaction, not crash the process.
      const onError = () => undefined;
      client.on('error', onError);
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        if (isConnectionError(err)) broken = err instanceof Error ? err : new Error(String(err));
        else await client.query('ROLLBACK').catch(() => undefined);
        if (!isRetryableTransactionError(err) || attempt >= TRANSACTION_TRIES) throw err;
      } finally {
        client.off('error', onError);
        // A broken connection is discarded rather than handed to the next caller.
        client.release(broken);
      }
    }
  }

  private async classifyWith(db: Queryable, input: ArticleInput): Promise<Classification> {
    const byKey = await this.get('SELECT id FROM articles WHERE key = $1', [input.key], db);
    if (byKey) return { kind: 'exists', articleId: String(byKey.id) };
    const copyByKey = await this.get('SELECT article_id FROM copies WHERE key = $1', [input.key], db);
    if (copyByKey) return { kind: 'exists', articleId: String(copyByKey.article_id) };

    if (input.canonicalUrl) {
      const hit =
        (await this.get(
          'SELECT id, story_id FROM articles WHERE canonical_url = $1 LIMIT 1',
          [input.canonicalUrl],
          db,
        )) ??
        (await this.get(
          `SELECT a.id, a.story_id FROM copies c JOIN articles a ON a.id = c.article_id
           WHERE c.canonical_url = $1 LIMIT 1`,
          [input.canonicalUrl],
          db,
        ));
      if (hit)
        return { kind: 'copy', of: String(hit.id), reason: 'canonical-url', storyId: String(hit.story_id) };
    }
    const byHash = await this.get(
      'SELECT id, story_id FROM articles WHERE content_hash = $1',
      [input.contentHash],
      db,
    );
    if (byHash)
      return {
        kind: 'copy',
        of: String(byHash.id),
        reason: 'content-hash',
        storyId: String(byHash.story_id),
      };

    if (input.signature && input.lshKeys && input.lshKeys.length > 0) {
      const candidates = await this.all(
        `SELECT DISTINCT a.id, a.story_id, a.signature FROM lsh l JOIN articles a ON a.id = l.article_id
         WHERE l.band = ANY($1::text[]) LIMIT ${MAX_CANDIDATES}`,
        [[...new Set(input.lshKeys)]],
        db,
      );
      const near = nearestDuplicate(input.signature, candidates);
      if (near) return near;
    }
    return { kind: 'new' };
  }

  async classify(input: ArticleInput): Promise<Classification> {
    return this.classifyWith(this.pool, input);
  }

  async putArticle(input: ArticleInput, analysis: Analysis | null): Promise<PutResult> {
    return this.transaction((client) => this.putArticleIn(client, input, analysis));
  }

  /**
   * `putArticle` inside a transaction the caller holds (the job queue marks its job done in the same
   * transaction, so an article is stored exactly once). Call only between BEGIN and COMMIT.
   */
  async putArticleIn(
    client: pg.PoolClient,
    input: ArticleInput,
    analysis: Analysis | null,
  ): Promise<PutResult> {
    checkStorable(input);
    // Serialise writers of the same key, text, canonical URL or LSH band, in one global order (no deadlock).
    const lockNames = [`k:${input.key}`, `h:${input.contentHash}`];
    if (input.canonicalUrl) lockNames.push(`u:${input.canonicalUrl}`);
    for (const band of new Set(input.lshKeys ?? [])) lockNames.push(`b:${band}`);
    await client.query(
      `SELECT pg_advisory_xact_lock(l) FROM (SELECT DISTINCT hashtextextended(n, 0) AS l FROM unnest($1::text[]) n) s ORDER BY l`,
      [lockNames],
    );
    const c = await this.classifyWith(client, input);
    return writeArticle(client, c, input, analysis);
  }

  async nextInputOrder(): Promise<number> {
    const r = await this.get('SELECT max(input_order) AS n FROM articles');
    return r?.n === null || r?.n === undefined ? 1 : Number(r.n) + 1;
  }

  async getArticle(id: string, options?: { layers?: LayerWindow }): Promise<StoredArticle | null> {
    const row = await this.get(
      `SELECT ${ARTICLE_SUMMARY_COLUMNS}, a.analysis FROM articles a WHERE a.id = $1`,
      [textParam(id)],
    );
    if (!row) return null;
    return storedArticleOf(row, await this.copiesOf(String(row.id)), options?.layers);
  }

  private async copiesOf(id: string): Promise<CopyRecord[]> {
    const exact = await this.all(
      `SELECT key, article_id, NULL AS self_id, reason, NULL::float8 AS similarity, url, outlet, title, published FROM copies
       WHERE article_id = $1 ORDER BY published, key`,
      [id],
    );
    const near = await this.all(
      `SELECT key, copy_of AS article_id, id AS self_id, copy_reason AS reason, similarity, url, outlet, title, published
       FROM articles WHERE copy_of = $1 ORDER BY published, key`,
      [id],
    );
    return [...exact, ...near].map(toCopy);
  }

  async listArticles(page?: Page & { outlet?: string }): Promise<{ total: number; items: ArticleSummary[] }> {
    const { limit, offset } = pageOf(page);
    const where = page?.outlet ? 'WHERE lower(a.outlet) = lower($1)' : '';
    const params = page?.outlet ? [textParam(page.outlet)] : [];
    const total = Number((await this.get(`SELECT count(*) AS n FROM articles a ${where}`, params))?.n ?? 0);
    const n = params.length;
    const items = (
      await this.all(
        `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a ${where}
         ORDER BY a.published DESC NULLS LAST, a.seq DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, limit, offset],
      )
    ).map(toSummary);
    return { total, items };
  }

  async searchArticles(query: string, page?: Page): Promise<{ total: number; items: SearchHit[] }> {
    const tq = textQuery(query);
    if (!tq) return { total: 0, items: [] };
    const { limit, offset } = pageOf(page);
    const params = [tq.words, tq.prefix];
    const total = Number(
      (await this.get(`SELECT count(*) AS n FROM articles a WHERE a.search @@ ${tsquerySql(1)}`, params))
        ?.n ?? 0,
    );
    if (total === 0) return { total, items: [] };
    // Rank and page first, then build snippets only for the page (ts_headline re-parses the text).
    const items = (
      await this.all(
        `WITH q AS (SELECT ${tsquerySql(1)} AS q),
         hits AS (SELECT a.seq, ts_rank(a.search, q.q) AS rank FROM articles a, q WHERE a.search @@ q.q
                  ORDER BY rank DESC, a.seq LIMIT $3 OFFSET $4)
         SELECT ${ARTICLE_SUMMARY_COLUMNS},
           ts_headline('english', left(a.text, 20000), q.q,
             'StartSel="", StopSel="", MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=" … "') AS snippet
         FROM hits JOIN articles a ON a.seq = hits.seq, q ORDER BY hits.rank DESC, a.seq`,
        [...params, limit, offset],
      )
    ).map((r) => ({ ...toSummary(r), snippet: String(r.snippet ?? '') }));
    return { total, items };
  }

  async listStories(page?: Page): Promise<{ total: number; items: StorySummary[] }> {
    const { limit, offset } = pageOf(page);
    const total = Number((await this.get('SELECT count(DISTINCT story_id) AS n FROM articles'))?.n ?? 0);
    const ids = await this.all(
      `SELECT a.story_id, (SELECT count(*) FROM articles b WHERE b.story_id = a.story_id)
         + (SELECT count(*) FROM copies c JOIN articles b ON b.id = c.article_id WHERE b.story_id = a.story_id) AS copies
       FROM articles a WHERE a.id = a.story_id ORDER BY copies DESC, a.published DESC NULLS LAST, a.seq LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    const items: StorySummary[] = [];
    for (const r of ids) {
      const story = await this.getStory(String(r.story_id));
      if (story) items.push(summaryOfStory(story));
    }
    return { total, items };
  }

  async getStory(id: string): Promise<Story | null> {
    const root = await this.get('SELECT id, title FROM articles WHERE id = $1 AND story_id = id', [
      textParam(id),
    ]);
    if (!root) return null;
    const storyId = String(root.id);
    const articles = await this.all(
      `SELECT key, coalesce(copy_of, id) AS article_id, id AS self_id, coalesce(copy_reason, 'original') AS reason,
         similarity, url, outlet, title, published
       FROM articles WHERE story_id = $1 ORDER BY id <> story_id, published NULLS LAST, input_order NULLS FIRST, key`,
      [storyId],
    );
    const copies = await this.all(
      `SELECT c.key, c.article_id, NULL AS self_id, c.reason, NULL::float8 AS similarity, c.url, c.outlet, c.title, c.published
       FROM copies c JOIN articles a ON a.id = c.article_id WHERE a.story_id = $1 ORDER BY c.published NULLS LAST, c.key`,
      [storyId],
    );
    // The original's own record points at itself; copies point at what they copy.
    const members = [...articles, ...copies].map(toCopy);
    const dates = members
      .map((m) => m.published)
      .filter((d): d is string => d !== null)
      .sort();
    return {
      id: storyId,
      title: str(root.title),
      copies: members.length,
      outlets: [...new Set(members.map((m) => m.outlet).filter((o): o is string => o !== null))].sort(),
      first: dates[0] ?? null,
      last: dates[dates.length - 1] ?? null,
      members,
    };
  }

  async listActors(page?: Page & { q?: string }): Promise<{ total: number; items: ActorSummary[] }> {
    const { limit, offset } = pageOf(page);
    const where = page?.q ? `WHERE x.name ILIKE $1 ESCAPE '\\' OR x.id = $2` : '';
    const params = page?.q ? [likePattern(page.q), textParam(page.q)] : [];
    const total = Number((await this.get(`SELECT count(*) AS n FROM actors x ${where}`, params))?.n ?? 0);
    const n = params.length;
    const items = (
      await this.all(
        `SELECT x.id, x.name, x.type, x.cameo, ${ACTOR_COUNTS}
         FROM actors x ${where} ORDER BY articles DESC, quotes DESC, x.name LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, limit, offset],
      )
    ).map(toActorSummary);
    return { total, items };
  }

  async getActor(id: string): Promise<ActorDetail | null> {
    const actorId = textParam(id);
    const row = await this.get(
      `SELECT x.id, x.name, x.type, x.cameo, ${ACTOR_COUNTS} FROM actors x WHERE x.id = $1`,
      [actorId],
    );
    if (!row) return null;
    const roles: Role[] = [];
    const seen = new Set<string>();
    for (const r of await this.all(
      'SELECT roles FROM article_actors WHERE actor_id = $1 ORDER BY article_id, local_id',
      [actorId],
    )) {
      for (const role of RolesSchema.parse(r.roles)) {
        const k = `${role.title}|${role.affiliation ?? ''}`;
        if (seen.has(k)) continue;
        seen.add(k);
        roles.push(role);
      }
    }
    const quotes = (
      await this.all(
        `SELECT q.*, x.name AS actor_name FROM quotes q JOIN actors x ON x.id = q.speaker_actor
         WHERE q.speaker_actor = $1 ORDER BY q.published NULLS LAST, q.seq LIMIT 500`,
        [actorId],
      )
    ).map(toQuote);
    const given = (
      await this.all(
        'SELECT * FROM events WHERE source_actor = $1 ORDER BY day NULLS LAST, article_id, start LIMIT 500',
        [actorId],
      )
    ).map(toEvent);
    const received = (
      await this.all(
        'SELECT * FROM events WHERE target_actor = $1 ORDER BY day NULLS LAST, article_id, start LIMIT 500',
        [actorId],
      )
    ).map(toEvent);
    return { ...toActorSummary(row), roles, quotes, eventsGiven: given, eventsReceived: received };
  }

  async searchQuotes(query: QuoteQuery): Promise<{ total: number; items: QuoteHit[] }> {
    const { limit, offset } = pageOf(query);
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.text) {
      const tq = textQuery(query.text);
      if (!tq) return { total: 0, items: [] };
      where.push(`q.search @@ ${tsquerySql(params.length + 1)}`);
      params.push(tq.words, tq.prefix);
    }
    if (query.speaker) {
      const n = params.length;
      where.push(`(q.speaker_actor = $${n + 1} OR q.speaker ILIKE $${n + 2} ESCAPE '\\'
        OR q.speaker_actor IN (SELECT id FROM actors WHERE name ILIKE $${n + 2} ESCAPE '\\'))`);
      params.push(textParam(query.speaker), likePattern(query.speaker));
    }
    if (query.outlet) {
      where.push(`lower(q.outlet) = lower($${params.length + 1})`);
      params.push(textParam(query.outlet));
    }
    if (query.stance) {
      where.push(`q.stance = $${params.length + 1}`);
      params.push(query.stance);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = Number((await this.get(`SELECT count(*) AS n FROM quotes q ${w}`, params))?.n ?? 0);
    const n = params.length;
    const items = (
      await this.all(
        `SELECT q.*, x.name AS actor_name FROM quotes q LEFT JOIN actors x ON x.id = q.speaker_actor ${w} ORDER BY q.published DESC NULLS LAST, q.seq LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, limit, offset],
      )
    ).map(toQuote);
    return { total, items };
  }

  private eventWhere(query: EventQuery & TimelineQuery): { where: string[]; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (query.actor) {
      const a = p(textParam(query.actor));
      where.push(
        `(e.source_actor = ${a} OR e.target_actor = ${a} OR e.source_code = ${a} OR e.target_code = ${a})`,
      );
    }
    if (query.code) where.push(`e.cameo = ${p(textParam(query.code))}`);
    if (query.root) where.push(`e.root = ${p(textParam(query.root).padStart(2, '0'))}`);
    if (query.quadClass !== undefined) where.push(`e.quad_class = ${p(Math.trunc(query.quadClass))}`);
    if (query.from) where.push(`e.day >= ${p(textParam(query.from).slice(0, 10))}`);
    if (query.to) where.push(`e.day <= ${p(textParam(query.to).slice(0, 10))}`);
    return { where, params };
  }

  async searchEvents(query: EventQuery): Promise<{ total: number; items: EventHit[] }> {
    const { limit, offset } = pageOf(query);
    const { where, params } = this.eventWhere(query);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = Number((await this.get(`SELECT count(*) AS n FROM events e ${w}`, params))?.n ?? 0);
    const n = params.length;
    const items = (
      await this.all(
        `SELECT e.* FROM events e ${w} ORDER BY e.day NULLS LAST, e.article_id, e.start LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, limit, offset],
      )
    ).map(toEvent);
    return { total, items };
  }

  async timeline(query: TimelineQuery): Promise<TimelinePoint[]> {
    const { where, params } = this.eventWhere(query);
    where.push('e.day IS NOT NULL');
    const rows = await this.all(
      `SELECT e.day, coalesce(e.source_actor, e.source_code, '?') AS src,
         coalesce(e.target_actor, e.target_code, '?') AS tgt, count(*) AS n, avg(e.goldstein) AS g
       FROM events e WHERE ${where.join(' AND ')} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LIMIT 5000`,
      params,
    );
    return rows.map((r) => ({
      day: String(r.day),
      source: String(r.src),
      target: String(r.tgt),
      count: Number(r.n),
      meanGoldstein: Math.round(Number(r.g) * 100) / 100,
    }));
  }

  async network(query?: { limit?: number }): Promise<Network> {
    const limit = Math.max(1, Math.min(2000, Math.floor(query?.limit ?? 200)));
    const edges = (
      await this.all(
        `SELECT source_actor AS s, target_actor AS t, count(*) AS n, avg(goldstein) AS g FROM events
         WHERE source_actor IS NOT NULL AND target_actor IS NOT NULL AND source_actor <> target_actor
         GROUP BY 1, 2 ORDER BY n DESC, s, t LIMIT $1`,
        [limit],
      )
    ).map((r) => ({
      source: String(r.s),
      target: String(r.t),
      count: Number(r.n),
      meanGoldstein: Math.round(Number(r.g) * 100) / 100,
    }));
    const ids = new Set<string>();
    for (const e of edges) ids.add(e.source).add(e.target);
    // Quoted speakers are nodes too, so a corpus with quotes but no events still shows its actors.
    for (const r of await this.all(
      `SELECT speaker_actor AS id FROM quotes WHERE speaker_actor IS NOT NULL GROUP BY speaker_actor
       ORDER BY count(*) DESC, speaker_actor LIMIT $1`,
      [limit],
    ))
      ids.add(String(r.id));
    const list = [...ids];
    const found = new Map<string, Row>();
    if (list.length > 0) {
      for (const r of await this.all(
        `SELECT x.id, x.name, x.cameo,
           (SELECT count(*) FROM events e WHERE e.source_actor = x.id OR e.target_actor = x.id) AS events,
           (SELECT count(*) FROM quotes q WHERE q.speaker_actor = x.id) AS quotes
         FROM actors x WHERE x.id = ANY($1::text[])`,
        [list],
      ))
        found.set(String(r.id), r);
    }
    const nodes = list.map((id) => {
      const a = found.get(id);
      return {
        id,
        name: String(a?.name ?? id),
        cameo: str(a?.cameo),
        events: Number(a?.events ?? 0),
        quotes: Number(a?.quotes ?? 0),
      };
    });
    return { nodes, edges };
  }

  async stats(): Promise<StoreStats> {
    const r = await this.get(`SELECT
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
  }

  async getCheckpoint(feed: string): Promise<FeedCheckpoint | null> {
    const r = await this.get('SELECT feed, etag, last_modified, last_poll FROM feeds WHERE feed = $1', [
      textParam(feed),
    ]);
    if (!r) return null;
    return {
      feed: String(r.feed),
      etag: str(r.etag),
      lastModified: str(r.last_modified),
      lastPoll: str(r.last_poll),
    };
  }

  async putCheckpoint(c: FeedCheckpoint): Promise<void> {
    await this.pool.query(
      `INSERT INTO feeds (feed, etag, last_modified, last_poll) VALUES ($1, $2, $3, $4)
       ON CONFLICT (feed) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
         last_poll = excluded.last_poll`,
      [c.feed, c.etag, c.lastModified, c.lastPoll].map((v) => (v === null ? null : textParam(v))),
    );
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

const ACTOR_COUNTS = `
  (SELECT count(DISTINCT article_id) FROM article_actors aa WHERE aa.actor_id = x.id) AS articles,
  (SELECT count(*) FROM quotes q WHERE q.speaker_actor = x.id) AS quotes,
  (SELECT count(*) FROM events e WHERE e.source_actor = x.id OR e.target_actor = x.id) AS events`;
