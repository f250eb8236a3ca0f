/** Reading articles: one with its analysis and copies, a page of them, a full-text search. */
import { ARTICLE_SUMMARY_COLUMNS, storedArticleOf, toCopy, toSummary } from '../row-mappers.js';
import { queryText } from '../rules.js';
import {
  pageOf,
  type ArticleSummary,
  type CopyRecord,
  type LayerWindow,
  type Page,
  type SearchHit,
  type StoredArticle,
} from '../types.js';
import type { SqlRunner } from './adapter.js';

export async function getArticle(
  db: SqlRunner,
  id: string,
  layers?: LayerWindow,
): Promise<StoredArticle | null> {
  const row = await db.get(`SELECT ${ARTICLE_SUMMARY_COLUMNS}, a.analysis FROM articles a WHERE a.id = ?`, [
    queryText(id),
  ]);
  if (!row) return null;
  return storedArticleOf(row, await copiesOf(db, String(row.id)), layers);
}

/** Every known copy of an article: exact republications, then near-duplicates pointing at it. */
async function copiesOf(db: SqlRunner, id: string): Promise<CopyRecord[]> {
  const exact = await db.all(
    `SELECT key, article_id, NULL AS self_id, reason, NULL AS similarity, url, outlet, title, published
     FROM copies WHERE article_id = ? ORDER BY published, key`,
    [id],
  );
  const near = await db.all(
    `SELECT key, copy_of AS article_id, id AS self_id, copy_reason AS reason, similarity, url, outlet, title, published
     FROM articles WHERE copy_of = ? ORDER BY published, key`,
    [id],
  );
  return [...exact, ...near].map(toCopy);
}

export async function listArticles(
  db: SqlRunner,
  page?: Page & { outlet?: string },
): Promise<{ total: number; items: ArticleSummary[] }> {
  const { limit, offset } = pageOf(page);
  const where = page?.outlet ? 'WHERE lower(a.outlet) = lower(?)' : '';
  const params = page?.outlet ? [queryText(page.outlet)] : [];
  const total = Number((await db.get(`SELECT count(*) AS n FROM articles a ${where}`, params))?.n ?? 0);
  const items = (
    await db.all(
      `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a ${where}
       ORDER BY a.published DESC NULLS LAST, a.${db.dialect.insertionOrder} DESC LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    )
  ).map(toSummary);
  return { total, items };
}

export async function searchArticles(
  db: SqlRunner,
  query: string,
  page?: Page,
): Promise<{ total: number; items: SearchHit[] }> {
  const { total, rows } = await db.dialect.search.articles(db, query, pageOf(page));
  return { total, items: rows.map((r) => ({ ...toSummary(r), snippet: String(r.snippet ?? '') })) };
}
