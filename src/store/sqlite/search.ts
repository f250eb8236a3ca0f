/**
 * SQLite's search dialect: FTS5 tables kept beside `articles` and `quotes` (external content, so the
 * text is stored once), queries built by `ftsQuery`, excerpts cut by `snippet.ts`.
 */
import { ARTICLE_SUMMARY_COLUMNS } from '../row-mappers.js';
import { searchTerms } from '../rules.js';
import type { SearchDialect, SqlRunner } from '../sql/adapter.js';
import { ftsQuery } from './fts.js';
import { excerpt, firstMatch } from './snippet.js';

/** Characters of an article read first for its excerpt; the whole text only when the match lies further. */
const HEAD_CHARS = 65536;

export const sqliteSearch: SearchDialect = {
  async indexArticle(db, id) {
    await db.run(
      `INSERT INTO articles_fts (rowid, title, text) SELECT rowid, coalesce(title, ''), text FROM articles WHERE id = ?`,
      [id],
    );
    await db.run(
      `INSERT INTO quotes_fts (rowid, content, speaker)
       SELECT rowid, content, coalesce(speaker, '') FROM quotes WHERE article_id = ? ORDER BY rowid`,
      [id],
    );
  },

  async unindexArticle(db, id) {
    await db.run(
      `INSERT INTO articles_fts (articles_fts, rowid, title, text)
       SELECT 'delete', rowid, coalesce(title, ''), text FROM articles WHERE id = ?`,
      [id],
    );
    await db.run(
      `INSERT INTO quotes_fts (quotes_fts, rowid, content, speaker)
       SELECT 'delete', rowid, content, coalesce(speaker, '') FROM quotes WHERE article_id = ?`,
      [id],
    );
  },

  async articles(db, query, { limit, offset }) {
    const match = ftsQuery(query);
    if (!match) return { total: 0, rows: [] };
    const total = Number(
      (await db.get('SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?', [match]))?.n ?? 0,
    );
    const rows = await db.all(
      `SELECT ${ARTICLE_SUMMARY_COLUMNS}, a.rowid AS row_id
       FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
       WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ? OFFSET ?`,
      [match, limit, offset],
    );
    const terms = searchTerms(query);
    for (const r of rows) r.snippet = await snippet(db, Number(r.row_id), terms);
    return { total, rows };
  },

  quoteCondition(text) {
    const match = ftsQuery(text);
    if (!match) return null;
    return {
      sql: 'q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)',
      params: [`content : (${match})`],
    };
  },
};

/** The excerpt around the first match: the article's head is read first, the whole text only if needed. */
async function snippet(db: SqlRunner, rowid: number, terms: readonly string[]): Promise<string> {
  const head = String(
    (await db.get(`SELECT substr(text, 1, ${HEAD_CHARS}) AS t FROM articles WHERE rowid = ?`, [rowid]))?.t ??
      '',
  );
  const inHead = firstMatch(head, terms);
  if (inHead || head.length < HEAD_CHARS) return excerpt(head, inHead);
  const text = String((await db.get('SELECT text AS t FROM articles WHERE rowid = ?', [rowid]))?.t ?? '');
  return excerpt(text, firstMatch(text, terms));
}
