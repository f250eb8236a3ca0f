/**
 * The PostgreSQL store's write path, the same rules as the SQLite one (`../stories.ts`, `../rules.ts`):
 * one article per transaction, the originals rule for exact copies and for stories, whatever order
 * concurrent workers store articles in. Changes to other articles' stories (a merge, a new original)
 * are serialised by one transaction-scoped advisory lock, taken after the per-key locks.
 */
import type pg from 'pg';
import type { Analysis } from '../../model/index.js';
import { indexAnalysis } from '../rows.js';
import { ARTICLE_INSERT_COLUMNS, articleRow, MAX_CANDIDATES, type Row } from '../row-mappers.js';
import { precedes } from '../rules.js';
import { memberOf, nearDuplicatesOf, planStory, STORY_MEMBER_COLUMNS, storedResult } from '../stories.js';
import { MissingAnalysisError, type ArticleInput, type Classification, type PutResult } from '../types.js';

/** The advisory lock of story changes (any 64-bit number no other newsgraph lock hashes to). */
const STORIES_LOCK = "hashtextextended('newsgraph:stories', 0)";

type Client = Pick<pg.PoolClient, 'query'>;

async function get(db: Client, sql: string, params: unknown[] = []): Promise<Row | undefined> {
  return (await db.query(sql, params)).rows[0] as Row | undefined;
}

async function all(db: Client, sql: string, params: unknown[] = []): Promise<Row[]> {
  return (await db.query(sql, params)).rows as Row[];
}

/** Stores one article inside the caller's transaction, after the per-key advisory locks. */
export async function writeArticle(
  db: Client,
  c: Classification,
  input: ArticleInput,
  analysis: Analysis | null,
): Promise<PutResult> {
  if (c.kind === 'exists') {
    const row = await get(db, 'SELECT story_id FROM articles WHERE id = $1', [c.articleId]);
    return { status: 'exists', articleId: c.articleId, storyId: String(row?.story_id ?? c.articleId) };
  }
  if (c.kind === 'copy') {
    const held = (await get(
      db,
      'SELECT id, key, published, input_order, url, canonical_url, title, outlet FROM articles WHERE id = $1',
      [c.of],
    ))!;
    const heldKey = {
      key: String(held.key),
      published: held.published === null ? null : String(held.published),
      inputOrder: held.input_order === null ? null : Number(held.input_order),
    };
    const mine = { key: input.key, published: input.published ?? null, inputOrder: input.inputOrder ?? null };
    if (!precedes(mine, heldKey)) {
      await insertCopy(db, input.key, c.of, c.reason, input, analysis?.meta.title ?? null);
      return {
        status: 'copy',
        articleId: c.of,
        storyId: c.storyId,
        copyOf: { articleId: c.of, reason: c.reason },
      };
    }
    if (!analysis) throw new MissingAnalysisError(input.key);
    await db.query(`SELECT pg_advisory_xact_lock(${STORIES_LOCK})`);
    return replace(db, held, c.reason, input, analysis);
  }
  if (!analysis) throw new MissingAnalysisError(input.key);
  const id = await newArticleId(db, input.contentHash);
  await insertArticle(db, id, input, analysis);
  return placeInStory(db, id, input);
}

async function insertCopy(
  db: Client,
  key: string,
  of: string,
  reason: string,
  meta: Partial<ArticleInput>,
  fallbackTitle: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO copies (key, article_id, reason, url, canonical_url, title, outlet, published)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      key,
      of,
      reason,
      meta.url ?? null,
      meta.canonicalUrl ?? null,
      meta.title ?? fallbackTitle,
      meta.outlet ?? null,
      meta.published ?? null,
    ],
  );
}

/** The stored article `held` becomes a copy of `input`, which is stored in its place. */
async function replace(
  db: Client,
  held: Row,
  reason: string,
  input: ArticleInput,
  analysis: Analysis,
): Promise<PutResult> {
  const oldId = String(held.id);
  const old = (await get(db, 'SELECT story_id, content_hash FROM articles WHERE id = $1', [oldId]))!;
  for (const table of ['quotes', 'events', 'article_actors', 'lsh'])
    await db.query(`DELETE FROM ${table} WHERE article_id = $1`, [oldId]);
  let id = oldId;
  if (String(old.content_hash) === input.contentHash) {
    // Same text, same id: the row is rewritten in place (its exact copies keep pointing at it).
    const indexed = indexAnalysis(analysis);
    const row = articleRow(oldId, input, analysis, { kind: 'new' }, indexed.quotes.length);
    const columns = `${ARTICLE_INSERT_COLUMNS}, input_order, ingested_at`;
    await db.query(
      `UPDATE articles SET (${columns}) = (${row.values.map((_, k) => `$${k + 1}`).join(', ')}, $${row.values.length + 1}, now())
       WHERE id = $${row.values.length + 2}`,
      [...row.values, input.inputOrder ?? null, oldId],
    );
    await insertIndexRows(db, oldId, indexed, row);
  } else {
    id = await newArticleId(db, input.contentHash);
    await insertArticle(db, id, input, analysis);
    await db.query('UPDATE copies SET article_id = $1 WHERE article_id = $2', [id, oldId]);
    await db.query('DELETE FROM articles WHERE id = $1', [oldId]);
  }
  await insertCopy(
    db,
    String(held.key),
    id,
    reason,
    {
      url: (held.url as string | null) ?? undefined,
      canonicalUrl: (held.canonical_url as string | null) ?? undefined,
      title: (held.title as string | null) ?? undefined,
      outlet: (held.outlet as string | null) ?? undefined,
      published: (held.published as string | null) ?? undefined,
    },
    null,
  );
  return placeInStory(db, id, input, [String(old.story_id)], true);
}

/** Merges the article's near-duplicates' stories (and `extra`) into one, planned around its original. */
async function placeInStory(
  db: Client,
  id: string,
  input: ArticleInput,
  extra: string[] = [],
  locked = false,
): Promise<PutResult> {
  const stories = new Set<string>(extra);
  if (input.signature && input.lshKeys && input.lshKeys.length > 0) {
    const candidates = await all(
      db,
      `SELECT DISTINCT a.id, a.story_id, a.signature FROM lsh l JOIN articles a ON a.id = l.article_id
       WHERE l.band = ANY($1::text[]) AND a.id <> $2 ORDER BY a.id LIMIT ${MAX_CANDIDATES}`,
      [[...new Set(input.lshKeys)], id],
    );
    for (const s of nearDuplicatesOf(input.signature, candidates)) stories.add(s);
  }
  if (stories.size === 0) return { status: 'stored', articleId: id, storyId: id };
  if (!locked) await db.query(`SELECT pg_advisory_xact_lock(${STORIES_LOCK})`);
  const members = (
    await all(
      db,
      `SELECT ${STORY_MEMBER_COLUMNS} FROM articles WHERE story_id = ANY($1::text[]) OR id = $2`,
      [[...stories], id],
    )
  ).map(memberOf);
  const plan = planStory(members);
  for (const u of plan.updates)
    await db.query(
      'UPDATE articles SET story_id = $1, copy_of = $2, copy_reason = $3, similarity = $4 WHERE id = $5',
      [u.storyId, u.copyOf, u.copyOf ? 'near-duplicate' : null, u.similarity, u.id],
    );
  return storedResult(id, plan, members);
}

async function insertArticle(db: Client, id: string, input: ArticleInput, analysis: Analysis): Promise<void> {
  const indexed = indexAnalysis(analysis);
  const row = articleRow(id, input, analysis, { kind: 'new' }, indexed.quotes.length);
  await db.query(
    `INSERT INTO articles (${ARTICLE_INSERT_COLUMNS}, input_order)
     VALUES (${row.values.map((_, k) => `$${k + 1}`).join(', ')}, $${row.values.length + 1})`,
    [...row.values, input.inputOrder ?? null],
  );
  if (input.lshKeys && input.lshKeys.length > 0) {
    await db.query(
      'INSERT INTO lsh (band, article_id) SELECT b, $2 FROM unnest($1::text[]) b ON CONFLICT DO NOTHING',
      [[...new Set(input.lshKeys)], id],
    );
  }
  await insertIndexRows(db, id, indexed, row);
}

/** Actors, quotes and events of an article (its row and bands written by the caller). */
async function insertIndexRows(
  db: Client,
  id: string,
  indexed: ReturnType<typeof indexAnalysis>,
  row: { title: string | null; published: string | null; outlet: string | null },
): Promise<void> {
  const { title, published, outlet } = row;
  // Upserts in id order: two writers touching the same actors lock them in the same order.
  const actors = [...indexed.actors].sort((a, b) =>
    a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : 0,
  );
  const firstOfActor = new Map<string, (typeof actors)[number]>();
  for (const a of actors) if (!firstOfActor.has(a.actorId)) firstOfActor.set(a.actorId, a);
  if (firstOfActor.size > 0) {
    const list = [...firstOfActor.values()];
    await db.query(
      `INSERT INTO actors (id, name, type, cameo)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (id) DO UPDATE SET cameo = coalesce(excluded.cameo, actors.cameo)`,
      [
        list.map((a) => a.actorId),
        list.map((a) => a.name),
        list.map((a) => a.type),
        list.map((a) => a.cameo),
      ],
    );
  }
  if (actors.length > 0) {
    await db.query(
      `INSERT INTO article_actors (article_id, local_id, actor_id, roles)
       SELECT $1, l, a, r::jsonb FROM unnest($2::text[], $3::text[], $4::text[]) AS t(l, a, r)
       ON CONFLICT (article_id, local_id) DO UPDATE SET actor_id = excluded.actor_id, roles = excluded.roles`,
      [
        id,
        actors.map((a) => a.localId),
        actors.map((a) => a.actorId),
        actors.map((a) => JSON.stringify(a.roles)),
      ],
    );
  }
  const q = indexed.quotes;
  if (q.length > 0) {
    await db.query(
      `INSERT INTO quotes (article_id, attribution_id, speaker, speaker_actor, cue, content, kind, stance, start, "end",
         outlet, published, title)
       SELECT $1, * , $11, $12, $13 FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::text[], $9::int[], $10::int[])`,
      [
        id,
        q.map((x) => x.attributionId),
        q.map((x) => x.speaker),
        q.map((x) => x.speakerActor),
        q.map((x) => x.cue),
        q.map((x) => x.content),
        q.map((x) => x.kind),
        q.map((x) => x.stance),
        q.map((x) => x.start),
        q.map((x) => x.end),
        outlet,
        published,
        title,
      ],
    );
  }
  const e = indexed.events;
  if (e.length > 0) {
    await db.query(
      `INSERT INTO events (article_id, event_id, cameo, root, quad_class, goldstein, source_text, source_actor,
         source_code, target_text, target_actor, target_code, trigger, start, "end", day, outlet, title)
       SELECT $1, *, $17, $18 FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::float8[], $7::text[],
         $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::int[], $15::int[], $16::text[])
       ON CONFLICT DO NOTHING`,
      [
        id,
        e.map((x) => x.eventId),
        e.map((x) => x.cameo),
        e.map((x) => x.root),
        e.map((x) => x.quadClass),
        e.map((x) => x.goldstein),
        e.map((x) => x.sourceText),
        e.map((x) => x.sourceActor),
        e.map((x) => x.sourceCode),
        e.map((x) => x.targetText),
        e.map((x) => x.targetActor),
        e.map((x) => x.targetCode),
        e.map((x) => x.trigger),
        e.map((x) => x.start),
        e.map((x) => x.end),
        e.map((x) => x.day),
        outlet,
        title,
      ],
    );
  }
}

/** A short id from the content hash; a (vanishingly rare) prefix clash gets a longer prefix. */
async function newArticleId(db: Client, contentHash: string): Promise<string> {
  const hex = contentHash.replace(/[^0-9a-f]/gi, '').toLowerCase() || 'x';
  for (let n = 16; n <= hex.length; n += 8) {
    const id = `a${hex.slice(0, n)}`;
    if (!(await get(db, 'SELECT 1 FROM articles WHERE id = $1', [id]))) return id;
  }
  const seq = await get(db, "SELECT nextval(pg_get_serial_sequence('articles', 'seq')) AS n");
  return `a${hex.slice(0, 16)}-${String(seq?.n ?? Date.now())}`;
}
