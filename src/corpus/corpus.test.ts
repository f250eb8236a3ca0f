import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureAnalysis, inputOf } from '../store/fixtures.js';
import { openStore } from '../store/open.js';
import { TEST_PG, testSchemaUrl } from '../store/postgres/test-support.js';
import type { Store } from '../store/types.js';
import { attachCorpus, builtVersion, rebuildCorpus, type CorpusAnalysis } from './index.js';
import { scratchForStores } from '../store/__fixtures__/scratch.js';

const dir = scratchForStores('corpus floor tests on PostgreSQL', 'newsgraph-corpus-');

/** A small analysis across articles, for the tests: how many quotes each outlet printed. */
function quotesPerOutlet(version = 1, fail = false): CorpusAnalysis {
  return {
    name: 'example_quotes',
    version,
    migrations: [
      {
        version: 1,
        sql: `CREATE TABLE example_quotes (article_id TEXT PRIMARY KEY, outlet TEXT, quotes INTEGER NOT NULL)`,
      },
    ],
    async stored(tx, article) {
      if (fail) throw new Error('corpus step failed');
      await tx.run(
        `INSERT INTO example_quotes (article_id, outlet, quotes) VALUES (?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET outlet = excluded.outlet, quotes = excluded.quotes`,
        [article.id, article.outlet, article.analysis.attributions.length],
      );
    },
    async removed(tx, id) {
      await tx.run('DELETE FROM example_quotes WHERE article_id = ?', [id]);
    },
    async reset(tx) {
      await tx.run('DELETE FROM example_quotes');
    },
  };
}

const totals = (store: Store) =>
  store.sql.read(async (db) =>
    (await db.all('SELECT outlet, sum(quotes) AS n FROM example_quotes GROUP BY outlet ORDER BY outlet')).map(
      (r) => `${String(r.outlet)}:${Number(r.n)}`,
    ),
  );

const QUOTED = 'Minister Ana Lopes said "the border opens on Monday" after the talks.';
const PLAIN = 'The harbour of Valmora was quiet on Sunday morning.';
const OTHER = 'Officials in Valmora said "talks will go on" late on Friday.';

async function storeArticles(store: Store): Promise<void> {
  const quote = (speaker: string, content: string) => ({ speaker, cue: 'said', content });
  await store.putArticle(
    inputOf('w:1', QUOTED, { outlet: 'Wire', published: '2025-04-01' }),
    fixtureAnalysis(QUOTED, {
      meta: { outlet: 'Wire' },
      quote: quote('Ana Lopes', 'the border opens on Monday'),
    }),
  );
  await store.putArticle(
    inputOf('w:2', PLAIN, { outlet: 'Wire' }),
    fixtureAnalysis(PLAIN, { meta: { outlet: 'Wire' } }),
  );
  await store.putArticle(
    inputOf('d:1', OTHER, { outlet: 'Daily' }),
    fixtureAnalysis(OTHER, { meta: { outlet: 'Daily' }, quote: quote('Officials', 'talks will go on') }),
  );
  // The same text again under another key: a copy, which adds no analysis of its own.
  await store.putArticle(inputOf('m:1', QUOTED, { outlet: 'Mirror', published: '2025-04-05' }), null);
}

function defineCorpusSuite(name: string, open: () => Promise<Store>): void {
  describe(`corpus floor on ${name}`, () => {
    it('the incremental steps and a batch rebuild give the same results', async () => {
      const store = await open();
      try {
        await attachCorpus(store, [quotesPerOutlet()]);
        expect(await builtVersion(store, 'example_quotes')).toBe(1);
        await storeArticles(store);
        const incremental = await totals(store);
        expect(incremental).toEqual(['Daily:1', 'Wire:1']);
        await rebuildCorpus(store, quotesPerOutlet());
        expect(await totals(store)).toEqual(incremental);
      } finally {
        await store.close();
      }
    });

    it('rebuilds results of an older version when attached, and migrates its tables once', async () => {
      const store = await open();
      try {
        await attachCorpus(store, [quotesPerOutlet()]);
        await storeArticles(store);
        await store.sql.transaction((tx) => tx.run('DELETE FROM example_quotes'));
        await attachCorpus(store, [quotesPerOutlet(1)]);
        expect(await totals(store)).toEqual([]);
        await attachCorpus(store, [quotesPerOutlet(2)]);
        expect(await builtVersion(store, 'example_quotes')).toBe(2);
        expect(await totals(store)).toEqual(['Daily:1', 'Wire:1']);
      } finally {
        await store.close();
      }
    });

    it('a failing step rolls the article back with it: results never out of step with articles', async () => {
      const store = await open();
      try {
        await attachCorpus(store, [quotesPerOutlet(1, true)]);
        await expect(
          store.putArticle(
            inputOf('w:1', QUOTED, { outlet: 'Wire' }),
            fixtureAnalysis(QUOTED, { meta: { outlet: 'Wire' } }),
          ),
        ).rejects.toThrow(/corpus step failed/);
        expect((await store.stats()).articles).toBe(0);
      } finally {
        await store.close();
      }
    });
  });
}

let n = 0;
defineCorpusSuite('SQLite', () => openStore(path.join(dir, `c${++n}.db`)));
if (TEST_PG) defineCorpusSuite('PostgreSQL', () => openStore(testSchemaUrl('corpus')));
