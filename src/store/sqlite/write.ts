/**
 * The SQLite store's write path: one article per transaction, its index rows, and the originals rule
 * (`../stories.ts`): an article that precedes the stored original of its exact copies takes its place,
 * and every story is re-planned around its rule-original whatever the order articles arrive in.
 */
import type Database from 'better-sqlite3';
import type { Analysis } from '../../model/index.js';
import { indexAnalysis } from '../rows.js';
import { articleRow, MAX_CANDIDATES, type Row } from '../row-mappers.js';
import { precedes } from '../rules.js';
import { memberOf, nearDuplicatesOf, planStory, STORY_MEMBER_COLUMNS, storedResult } from '../stories.js';
import { MissingAnalysisError, type ArticleInput, type Classification, type PutResult } from '../types.js';
import { ARTICLE_INSERT_COLUMNS } from '../row-mappers.js';

type Stmt = (sql: string) => Database.Statement;

export class SqliteWriter {
  constructor(
    private readonly stmt: Stmt,
    private readonly classify: (input: ArticleInput) => Classification,
  ) {}

  private get(sql: string, ...params: unknown[]): Row | undefined {
    return this.stmt(sql).get(...params) as Row | undefined;
  }

  private all(sql: string, ...params: unknown[]): Row[] {
    return this.stmt(sql).all(...params) as Row[];
  }

  /** Stores one article (inside the caller's transaction); see `Store.putArticle`. */
  put(input: ArticleInput, analysis: Analysis | null, now: string): PutResult {
    const c = this.classify(input);
    if (c.kind === 'exists') {
      const row = this.get('SELECT story_id FROM articles WHERE id = ?', c.articleId);
      return { status: 'exists', articleId: c.articleId, storyId: String(row?.story_id ?? c.articleId) };
    }
    if (c.kind === 'copy') {
      const held = this.get(
        'SELECT id, key, published, input_order, url, canonical_url, title, outlet FROM articles WHERE id = ?',
        c.of,
      )!;
      const heldKey = {
        key: String(held.key),
        published: nullable(held.published),
        inputOrder: num(held.input_order),
      };
      const mine = {
        key: input.key,
        published: input.published ?? null,
        inputOrder: input.inputOrder ?? null,
      };
      if (!precedes(mine, heldKey)) {
        this.insertCopy(input.key, c.of, c.reason, input, analysis?.meta.title ?? null, now);
        return {
          status: 'copy',
          articleId: c.of,
          storyId: c.storyId,
          copyOf: { articleId: c.of, reason: c.reason },
        };
      }
      // This article is the original of the exact copies: it takes the stored one's place.
      if (!analysis) throw new MissingAnalysisError(input.key);
      return this.replace(held, c.reason, input, analysis, now);
    }
    if (!analysis) throw new MissingAnalysisError(input.key);
    const id = this.newArticleId(input.contentHash);
    this.insertArticle(id, input, analysis, now);
    return this.placeInStory(id, input);
  }

  private insertCopy(
    key: string,
    of: string,
    reason: string,
    meta: Partial<ArticleInput>,
    fallbackTitle: string | null,
    now: string,
  ): void {
    this.stmt(
      `INSERT INTO copies (key, article_id, reason, url, canonical_url, title, outlet, published, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      key,
      of,
      reason,
      meta.url ?? null,
      meta.canonicalUrl ?? null,
      meta.title ?? fallbackTitle,
      meta.outlet ?? null,
      meta.published ?? null,
      now,
    );
  }

  /** The stored article `held` becomes a copy of `input`, which is stored in its place. */
  private replace(
    held: Row,
    reason: string,
    input: ArticleInput,
    analysis: Analysis,
    now: string,
  ): PutResult {
    const oldId = String(held.id);
    const oldStory = String(this.get('SELECT story_id FROM articles WHERE id = ?', oldId)!.story_id);
    const sameText = this.get(
      'SELECT 1 FROM articles WHERE id = ? AND content_hash = ?',
      oldId,
      input.contentHash,
    );
    this.deleteIndexRows(oldId);
    let id = oldId;
    if (sameText) {
      this.stmt('DELETE FROM articles WHERE id = ?').run(oldId);
      this.insertArticle(oldId, input, analysis, now);
    } else {
      id = this.newArticleId(input.contentHash);
      this.insertArticle(id, input, analysis, now);
      this.stmt('UPDATE copies SET article_id = ? WHERE article_id = ?').run(id, oldId);
      this.stmt('DELETE FROM articles WHERE id = ?').run(oldId);
    }
    this.insertCopy(
      String(held.key),
      id,
      reason,
      {
        url: nullable(held.url) ?? undefined,
        canonicalUrl: nullable(held.canonical_url) ?? undefined,
        title: nullable(held.title) ?? undefined,
        outlet: nullable(held.outlet) ?? undefined,
        published: nullable(held.published) ?? undefined,
      },
      null,
      now,
    );
    return this.placeInStory(id, input, [oldStory]);
  }

  /**
   * Puts a newly inserted article in its story: every stored near-duplicate's story and the
   * `extra` stories are merged into one, planned around its rule-original.
   */
  private placeInStory(id: string, input: ArticleInput, extra: string[] = []): PutResult {
    const stories = new Set<string>([id, ...extra]);
    if (input.signature && input.lshKeys && input.lshKeys.length > 0) {
      const bands = [...new Set(input.lshKeys)];
      const candidates = this.all(
        `SELECT DISTINCT a.id, a.story_id, a.signature FROM lsh l JOIN articles a ON a.id = l.article_id
         WHERE l.band IN (${bands.map(() => '?').join(',')}) AND a.id <> ? ORDER BY a.id LIMIT ${MAX_CANDIDATES}`,
        ...bands,
        id,
      );
      for (const s of nearDuplicatesOf(input.signature, candidates)) stories.add(s);
    }
    const list = [...stories];
    const members = this.all(
      `SELECT ${STORY_MEMBER_COLUMNS} FROM articles WHERE story_id IN (${list.map(() => '?').join(',')}) OR id = ?`,
      ...list,
      id,
    ).map(memberOf);
    const plan = planStory(members);
    const update = this.stmt(
      `UPDATE articles SET story_id = ?, copy_of = ?, copy_reason = ?, similarity = ? WHERE id = ?`,
    );
    for (const u of plan.updates)
      update.run(u.storyId, u.copyOf, u.copyOf ? 'near-duplicate' : null, u.similarity, u.id);
    return storedResult(id, plan, members);
  }

  /** The article row and its index rows (full text, LSH bands, actors, quotes, events); a story of its own. */
  private insertArticle(id: string, input: ArticleInput, analysis: Analysis, now: string): void {
    const indexed = indexAnalysis(analysis);
    const row = articleRow(id, input, analysis, { kind: 'new' }, indexed.quotes.length);
    const { title, published, outlet } = row;
    const info = this.stmt(
      `INSERT INTO articles (${ARTICLE_INSERT_COLUMNS}, input_order, ingested_at)
         VALUES (${row.values.map(() => '?').join(', ')}, ?, ?)`,
    ).run(...row.values, input.inputOrder ?? null, now);
    this.stmt('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)').run(
      info.lastInsertRowid,
      title ?? '',
      input.text,
    );
    if (input.lshKeys) {
      const band = this.stmt('INSERT OR IGNORE INTO lsh (band, article_id) VALUES (?, ?)');
      for (const k of new Set(input.lshKeys)) band.run(k, id);
    }
    const upsertActor = this.stmt(
      `INSERT INTO actors (id, name, type, cameo) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET cameo = coalesce(excluded.cameo, actors.cameo)`,
    );
    const linkActor = this.stmt(
      'INSERT OR REPLACE INTO article_actors (article_id, local_id, actor_id, roles) VALUES (?, ?, ?, ?)',
    );
    for (const a of indexed.actors) {
      upsertActor.run(a.actorId, a.name, a.type, a.cameo);
      linkActor.run(id, a.localId, a.actorId, JSON.stringify(a.roles));
    }
    const quote = this.stmt(
      `INSERT INTO quotes (article_id, attribution_id, speaker, speaker_actor, cue, content, kind, stance, start, "end",
         outlet, published, title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const quoteFts = this.stmt('INSERT INTO quotes_fts (rowid, content, speaker) VALUES (?, ?, ?)');
    for (const q of indexed.quotes) {
      const r = quote.run(
        id,
        q.attributionId,
        q.speaker,
        q.speakerActor,
        q.cue,
        q.content,
        q.kind,
        q.stance,
        q.start,
        q.end,
        outlet,
        published,
        title,
      );
      quoteFts.run(r.lastInsertRowid, q.content, q.speaker ?? '');
    }
    const event = this.stmt(
      `INSERT OR IGNORE INTO events (article_id, event_id, cameo, root, quad_class, goldstein, source_text, source_actor,
         source_code, target_text, target_actor, target_code, trigger, start, "end", day, outlet, title)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const e of indexed.events) {
      event.run(
        id,
        e.eventId,
        e.cameo,
        e.root,
        e.quadClass,
        e.goldstein,
        e.sourceText,
        e.sourceActor,
        e.sourceCode,
        e.targetText,
        e.targetActor,
        e.targetCode,
        e.trigger,
        e.start,
        e.end,
        e.day,
        outlet,
        title,
      );
    }
  }

  /** Removes an article's index rows (full text of article and quotes, bands, actors, quotes, events). */
  private deleteIndexRows(id: string): void {
    const a = this.get('SELECT rowid, title, text FROM articles WHERE id = ?', id);
    if (a)
      this.stmt("INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)").run(
        a.rowid,
        a.title ?? '',
        a.text,
      );
    const dropQuote = this.stmt(
      "INSERT INTO quotes_fts (quotes_fts, rowid, content, speaker) VALUES ('delete', ?, ?, ?)",
    );
    for (const q of this.all('SELECT rowid, content, speaker FROM quotes WHERE article_id = ?', id))
      dropQuote.run(q.rowid, q.content, q.speaker ?? '');
    for (const table of ['quotes', 'events', 'article_actors', 'lsh'])
      this.stmt(`DELETE FROM ${table} WHERE article_id = ?`).run(id);
  }

  /** A short id from the content hash; a (vanishingly rare) prefix clash gets a longer prefix. */
  newArticleId(contentHash: string): string {
    const hex = contentHash.replace(/[^0-9a-f]/gi, '').toLowerCase() || 'x';
    for (let n = 16; n <= hex.length; n += 8) {
      const id = `a${hex.slice(0, n)}`;
      if (!this.get('SELECT 1 FROM articles WHERE id = ?', id)) return id;
    }
    const count = Number(this.get('SELECT count(*) AS n FROM articles')?.n ?? 0);
    return `a${hex.slice(0, 16)}-${count + 1}`;
  }
}

function nullable(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}
