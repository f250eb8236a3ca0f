import type { Analysis } from '../model/index.js';
import { articleId, eventRows } from './rows.js';

/** One JSON object per line per event: the model's Event (a reciprocal act once, with its participants) with its article id, date and URL. */
export function* toJsonl(analyses: Iterable<Analysis>): Generator<string> {
  const index = new Map<Analysis, number>();
  for (const { analysis, event } of eventRows(analyses, 'event')) {
    if (!index.has(analysis)) index.set(analysis, index.size);
    yield JSON.stringify({
      article: articleId(analysis, index.get(analysis)!),
      date: analysis.meta.published ?? null,
      url: analysis.meta.url ?? null,
      ...event,
    });
  }
}
