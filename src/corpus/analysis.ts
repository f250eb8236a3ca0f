import type { Migration, SqlRunner, StoredAnalysis } from '../store/index.js';

/**
 * An analysis across articles (who is quoted by which outlets, a claim's spread, a statement's
 * first appearance…): it reads stored analyses and keeps its results in tables it owns.
 *
 * Its contract:
 * - `migrations` create and change its tables (names prefixed with its `name`); they run once per
 *   database, recorded under the component `corpus:<name>`, on SQLite and PostgreSQL alike, so use
 *   SQL both accept (`?` placeholders, TEXT/INTEGER/REAL columns, ON CONFLICT upserts).
 * - `stored` is the incremental step: it runs inside the transaction that stores an article, so its
 *   results commit (or roll back) with the article. It must be idempotent: an article stored again
 *   (a re-run, a later original replacing a copy) runs it again.
 * - `removed` undoes an article's contribution when the article leaves the store.
 * - `reset` empties its tables. A batch rebuild is `reset`, then `stored` for every stored article;
 *   its results must equal those the incremental steps built, whatever order articles came in. So
 *   results are a function of the set of stored articles, never of arrival order or time.
 * - `version` is the version of its results: raise it when `stored` changes what it writes, and the
 *   next open of the database rebuilds them.
 */
export interface CorpusAnalysis {
  readonly name: string;
  readonly version: number;
  readonly migrations: readonly Migration[];
  stored(tx: SqlRunner, article: StoredAnalysis): Promise<void>;
  removed(tx: SqlRunner, articleId: string): Promise<void>;
  reset(tx: SqlRunner): Promise<void>;
}
