/** Reading stories: an article with every copy of it, exact and near, around its original. */
import { str, summaryOfStory, toCopy } from '../row-mappers.js';
import { queryText } from '../rules.js';
import { pageOf, type Page, type Story, type StorySummary } from '../types.js';
import type { SqlRunner } from './adapter.js';

export async function listStories(
  db: SqlRunner,
  page?: Page,
): Promise<{ total: number; items: StorySummary[] }> {
  const { limit, offset } = pageOf(page);
  const total = Number((await db.get('SELECT count(DISTINCT story_id) AS n FROM articles'))?.n ?? 0);
  const ids = await db.all(
    `SELECT a.story_id, (SELECT count(*) FROM articles b WHERE b.story_id = a.story_id)
       + (SELECT count(*) FROM copies c JOIN articles b ON b.id = c.article_id WHERE b.story_id = a.story_id) AS copies
     FROM articles a WHERE a.id = a.story_id
     ORDER BY copies DESC, a.published DESC NULLS LAST, a.${db.dialect.insertionOrder} LIMIT ? OFFSET ?`,
    [limit, offset],
  );
  const items: StorySummary[] = [];
  for (const r of ids) {
    const story = await getStory(db, String(r.story_id));
    if (story) items.push(summaryOfStory(story));
  }
  return { total, items };
}

export async function getStory(db: SqlRunner, id: string): Promise<Story | null> {
  const root = await db.get('SELECT id, title FROM articles WHERE id = ? AND story_id = id', [queryText(id)]);
  if (!root) return null;
  const storyId = String(root.id);
  const articles = await db.all(
    `SELECT key, coalesce(copy_of, id) AS article_id, id AS self_id, coalesce(copy_reason, 'original') AS reason,
       similarity, url, outlet, title, published
     FROM articles WHERE story_id = ?
     ORDER BY id <> story_id, published NULLS LAST, input_order NULLS FIRST, key`,
    [storyId],
  );
  const copies = await db.all(
    `SELECT c.key, c.article_id, NULL AS self_id, c.reason, NULL AS similarity, c.url, c.outlet, c.title, c.published
     FROM copies c JOIN articles a ON a.id = c.article_id WHERE a.story_id = ?
     ORDER BY c.published NULLS LAST, c.key`,
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
