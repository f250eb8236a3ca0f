/**
 * How corpus analyses run beside the store: attached when a workspace opens (their tables migrated,
 * their incremental step hooked into every article's transaction), rebuilt in batch when their
 * results are missing or of an older version.
 */
import type { Migration, Store, StoredAnalysis } from '../store/index.js';
import type { CorpusAnalysis } from './analysis.js';

/** The corpus floor's own table: which version of each analysis's results the database holds. */
const CORPUS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `CREATE TABLE IF NOT EXISTS corpus_analyses (name TEXT PRIMARY KEY, version INTEGER NOT NULL,
      built_at TEXT NOT NULL)`,
  },
];

/** Articles read per page during a rebuild. */
const REBUILD_PAGE = 100;

/**
 * Attaches analyses to a writable store: migrates their tables, runs each one's incremental step in
 * the transaction of every article stored from now on, and rebuilds results the database does not
 * hold at the analysis's current version. Attaching twice is harmless.
 */
export async function attachCorpus(store: Store, analyses: readonly CorpusAnalysis[]): Promise<void> {
  if (analyses.length === 0) return;
  await store.sql.migrate('corpus', CORPUS_MIGRATIONS);
  for (const analysis of analyses) {
    await store.sql.migrate(`corpus:${analysis.name}`, analysis.migrations);
    store.onArticleStored({
      name: `corpus:${analysis.name}`,
      stored: (tx, article) => analysis.stored(tx, article),
      removed: (tx, id) => analysis.removed(tx, id),
    });
    if ((await builtVersion(store, analysis.name)) !== analysis.version) await rebuildCorpus(store, analysis);
  }
}

/** The version of an analysis's results in the database, or null when they were never built. */
export async function builtVersion(store: Store, name: string): Promise<number | null> {
  const row = await store.sql.read((db) =>
    db.get('SELECT version FROM corpus_analyses WHERE name = ?', [name]),
  );
  return row ? Number(row.version) : null;
}

/**
 * The batch rebuild: empties the analysis's tables, then runs its step for every stored article, a
 * page per transaction, and records the version built. An article stored meanwhile is counted once:
 * the hook runs for it after the reset, and its step is idempotent should the listing meet it too.
 */
export async function rebuildCorpus(store: Store, analysis: CorpusAnalysis): Promise<void> {
  await store.sql.transaction((tx) => analysis.reset(tx));
  for (let offset = 0; ; offset += REBUILD_PAGE) {
    const page = await store.listArticles({ limit: REBUILD_PAGE, offset });
    const articles: StoredAnalysis[] = [];
    for (const item of page.items) {
      const article = await store.getArticle(item.id);
      if (article)
        articles.push({
          id: item.id,
          key: item.key,
          outlet: item.outlet,
          published: item.published,
          analysis: article.analysis,
        });
    }
    await store.sql.transaction(async (tx) => {
      for (const article of articles) await analysis.stored(tx, article);
    });
    if (page.items.length < REBUILD_PAGE) break;
  }
  await store.sql.transaction((tx) =>
    tx.run(
      `INSERT INTO corpus_analyses (name, version, built_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, built_at = excluded.built_at`,
      [analysis.name, analysis.version, new Date().toISOString()],
    ),
  );
}
