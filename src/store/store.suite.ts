import { describe } from 'vitest';
import type { Store } from './types.js';
import { freshStorePerTest } from './suite/context.suite.js';
import { refusesBadInputAndKeepsState, storesArticles } from './suite/articles.suite.js';
import { linksNearDuplicates, recordsExactCopies } from './suite/stories.suite.js';
import { searchesArticlesAndQuotes } from './suite/search.suite.js';
import { aggregatesActors, queriesEvents } from './suite/aggregates.suite.js';

export { AGREED_EVENT, bulkAnalysis, fixtureAnalysis, inputOf, nestedReportAnalysis } from './fixtures.js';

/**
 * The behaviour every Store must have. Each implementation runs it with its own factory:
 * `defineStoreSuite('sqlite', () => new SqliteStore(tmpfile))`, later the same for PostgreSQL.
 * The tests are grouped by theme under `suite/`, in this order.
 */
export function defineStoreSuite(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    const ctx = freshStorePerTest(makeStore);
    storesArticles(ctx);
    recordsExactCopies(ctx);
    linksNearDuplicates(ctx);
    searchesArticlesAndQuotes(ctx);
    aggregatesActors(ctx);
    queriesEvents(ctx);
    refusesBadInputAndKeepsState(ctx);
  });
}
