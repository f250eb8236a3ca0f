/*
 * The write path, one article per transaction: deduplication, the originals rule for exact copies
 * (an article that precedes the stored original of its copies takes its place) and for stories
 * (`../stories.ts`), whatever order articles arrive in and however many writers store at once.
 */
import type { Analysis } from '../../model/index.js';
import { precedes, checkStorable } from '../rules.js';
import { memberOf, nearDuplicatesOf, planStory, STORY_MEMBER_COLUMNS, storedResult } from '../stories.js';
import { MissingAnalysisError, type ArticleInput, type Classification, type PutResult } from '../types.js';
import { inList, type Row, type SqlRunner } from './adapter.js';
import { classify, lshCandidates } from './classify.js';
import { deleteIndexRows, writeArticle, type WriteContext } from './index-rows.js';

/** The lock that serialises changes to other articles' stories (a merge, a new original). */
const STORIES_LOCK = 'newsgraph:stories';

/** Stores one article inside the caller's transaction; see `Store.putArticle`. */
export async function putArticle(
  w: WriteContext,
  input: ArticleInput,
  analysis: Analysis | null,
): Promise<PutResult> {
  checkStorable(input);
  // Writers of the same key, text, canonical URL or LSH band wait for each other.
  const names = [`k:${input.key}`, `h:${input.contentHash}`];
  if (input.canonicalUrl) names.push(`u:${input.canonicalUrl}`);
  for (const band of new Set(input.lshKeys ?? [])) names.push(`b:${band}`);
  await w.db.dialect.lock(w.db, names);
  const c = await classify(w.db, input);
  if (c.kind === 'exists') {
    const row = await w.db.get('SELECT story_id FROM articles WHERE id = ?', [c.articleId]);
    return { status: 'exists', articleId: c.articleId, storyId: String(row?.story_id ?? c.articleId) };
  }
  if (c.kind === 'copy') return putCopy(w, c, input, analysis);
  if (!analysis) throw new MissingAnalysisError(input.key);
  const id = await newArticleId(w.db, input.contentHash);
  await writeArticle(w, id, input, analysis, 'insert');
  return placeInStory(w, id, input);
}

/** An exact copy: recorded as such, unless it precedes the stored original, whose place it then takes. */
async function putCopy(
  w: WriteContext,
  c: Extract<Classification, { kind: 'copy' }>,
  input: ArticleInput,
  analysis: Analysis | null,
): Promise<PutResult> {
  const held = (await w.db.get(
    'SELECT id, key, published, input_order, url, canonical_url, title, outlet FROM articles WHERE id = ?',
    [c.of],
  ))!;
  const heldKey = {
    key: String(held.key),
    published: nullable(held.published),
    inputOrder: num(held.input_order),
  };
  const mine = { key: input.key, published: input.published ?? null, inputOrder: input.inputOrder ?? null };
  if (!precedes(mine, heldKey)) {
    await insertCopy(w, input.key, c.of, c.reason, input, analysis?.meta.title ?? null);
    return {
      status: 'copy',
      articleId: c.of,
      storyId: c.storyId,
      copyOf: { articleId: c.of, reason: c.reason },
    };
  }
  if (!analysis) throw new MissingAnalysisError(input.key);
  await w.db.dialect.lock(w.db, [STORIES_LOCK]);
  return replace(w, held, c.reason, input, analysis);
}

async function insertCopy(
  w: WriteContext,
  key: string,
  of: string,
  reason: string,
  meta: Partial<ArticleInput>,
  fallbackTitle: string | null,
): Promise<void> {
  await w.db.run(
    `INSERT INTO copies (key, article_id, reason, url, canonical_url, title, outlet, published, ingested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      key,
      of,
      reason,
      meta.url ?? null,
      meta.canonicalUrl ?? null,
      meta.title ?? fallbackTitle,
      meta.outlet ?? null,
      meta.published ?? null,
      w.now,
    ],
  );
}

/** The stored article `held` becomes a copy of `input`, which is stored in its place. */
async function replace(
  w: WriteContext,
  held: Row,
  reason: string,
  input: ArticleInput,
  analysis: Analysis,
): Promise<PutResult> {
  const oldId = String(held.id);
  const old = (await w.db.get('SELECT story_id, content_hash FROM articles WHERE id = ?', [oldId]))!;
  await deleteIndexRows(w.db, oldId);
  let id = oldId;
  if (String(old.content_hash) === input.contentHash) {
    // Same text, same id: the row is rewritten in place (its exact copies keep pointing at it).
    await writeArticle(w, oldId, input, analysis, 'update');
  } else {
    id = await newArticleId(w.db, input.contentHash);
    await writeArticle(w, id, input, analysis, 'insert');
    await w.db.run('UPDATE copies SET article_id = ? WHERE article_id = ?', [id, oldId]);
    await w.db.run('DELETE FROM articles WHERE id = ?', [oldId]);
    for (const hook of w.hooks) await hook.removed(w.db, oldId);
  }
  await insertCopy(
    w,
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
  );
  return placeInStory(w, id, input, [String(old.story_id)]);
}

/**
 * Puts a newly written article in its story: every stored near-duplicate's story and the `extra`
 * stories are merged into one, planned around its rule-original.
 */
async function placeInStory(
  w: WriteContext,
  id: string,
  input: ArticleInput,
  extra: string[] = [],
): Promise<PutResult> {
  const stories = new Set<string>(extra);
  if (input.signature && input.lshKeys && input.lshKeys.length > 0) {
    const candidates = await lshCandidates(w.db, input.lshKeys, id);
    for (const s of nearDuplicatesOf(input.signature, candidates)) stories.add(s);
  }
  if (stories.size === 0) return { status: 'stored', articleId: id, storyId: id };
  await w.db.dialect.lock(w.db, [STORIES_LOCK]);
  const list = [...stories];
  const members = (
    await w.db.all(
      `SELECT ${STORY_MEMBER_COLUMNS} FROM articles WHERE story_id IN ${inList(list)} OR id = ?`,
      [...list, id],
    )
  ).map(memberOf);
  const plan = planStory(members);
  for (const u of plan.updates)
    await w.db.run(
      'UPDATE articles SET story_id = ?, copy_of = ?, copy_reason = ?, similarity = ? WHERE id = ?',
      [u.storyId, u.copyOf, u.copyOf ? 'near-duplicate' : null, u.similarity, u.id],
    );
  return storedResult(id, plan, members);
}

/** A short id from the content hash; a (vanishingly rare) prefix clash gets a longer prefix. */
async function newArticleId(db: SqlRunner, contentHash: string): Promise<string> {
  const hex = contentHash.replace(/[^0-9a-f]/gi, '').toLowerCase() || 'x';
  for (let n = 16; n <= hex.length; n += 8) {
    const id = `a${hex.slice(0, n)}`;
    if (!(await db.get('SELECT 1 AS x FROM articles WHERE id = ?', [id]))) return id;
  }
  const count = Number((await db.get('SELECT count(*) AS n FROM articles'))?.n ?? 0);
  return `a${hex.slice(0, 16)}-${count + 1}`;
}

function nullable(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}

function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}
