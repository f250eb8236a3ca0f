/**
 * PostgreSQL's search dialect: generated tsvector columns with GIN indexes (so indexing is the
 * database's own work), queries built from the user's words only, excerpts by ts_headline.
 */
import { ARTICLE_SUMMARY_COLUMNS } from '../row-mappers.js';
import { searchTerms } from '../rules.js';
import type { SearchDialect } from '../sql/adapter.js';

export interface TextQuery {
  /** All words but the last, for `plainto_tsquery` (which never raises a syntax error). */
  words: string;
  /** The last word as a prefix term for `to_tsquery`: letters and digits only, so never syntax. */
  prefix: string;
}

/**
 * Turns any user string into the parameters of a safe text-search query: only the words are kept
 * (so quotes, `&`, `|`, `!`, `:`, parentheses and NUL in user input are never syntax), all required,
 * the last one also matching as a prefix (`valmor` finds `Valmora`). Null when there is no word.
 */
export function textQuery(input: string): TextQuery | null {
  const terms = searchTerms(input);
  if (terms.length === 0) return null;
  return { words: terms.slice(0, -1).join(' '), prefix: `${terms[terms.length - 1]}:*` };
}

/** The tsquery of a `TextQuery`'s two parameters (words, prefix). */
const TSQUERY = `(plainto_tsquery('english', ?) && to_tsquery('english', ?))`;

export const postgresSearch: SearchDialect = {
  async indexArticle() {},
  async unindexArticle() {},

  async articles(db, query, { limit, offset }) {
    const tq = textQuery(query);
    if (!tq) return { total: 0, rows: [] };
    const params = [tq.words, tq.prefix];
    const total = Number(
      (await db.get(`SELECT count(*) AS n FROM articles a WHERE a.search @@ ${TSQUERY}`, params))?.n ?? 0,
    );
    if (total === 0) return { total, rows: [] };
    // Rank and page first, then build snippets only for the page (ts_headline re-parses the text).
    const rows = await db.all(
      `WITH q AS (SELECT ${TSQUERY} AS q),
       hits AS (SELECT a.seq, ts_rank(a.search, q.q) AS rank FROM articles a, q WHERE a.search @@ q.q
                ORDER BY rank DESC, a.seq LIMIT ? OFFSET ?)
       SELECT ${ARTICLE_SUMMARY_COLUMNS},
         ts_headline('english', left(a.text, 20000), q.q,
           'StartSel="", StopSel="", MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=" … "') AS snippet
       FROM hits JOIN articles a ON a.seq = hits.seq, q ORDER BY hits.rank DESC, a.seq`,
      [...params, limit, offset],
    );
    return { total, rows };
  },

  quoteCondition(text) {
    const tq = textQuery(text);
    return tq ? { sql: `q.search @@ ${TSQUERY}`, params: [tq.words, tq.prefix] } : null;
  },
};
