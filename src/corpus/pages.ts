import type { Store } from '../store/index.js';
import { getStatement, listStatements, type StatementDetail } from './statements/read.js';

/**
 * Every statement with at least `minReports` reports, with its reports and drift, a page at a time
 * (for exports: memory holds one page).
 */
export async function* statementPages(
  store: Store,
  q: { minReports: number; minOutlets?: number },
  pageSize = 100,
): AsyncGenerator<StatementDetail[]> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await listStatements(store, { ...q, limit: pageSize, offset });
    const details: StatementDetail[] = [];
    for (const item of page.items) {
      const d = await getStatement(store, item.id);
      if (d) details.push(d);
    }
    if (details.length) yield details;
    if (page.items.length < pageSize) break;
  }
}
