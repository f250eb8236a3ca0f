// Scale of the statement index (src/corpus/statements): the cost of adding one article as the index
// grows to 10k, 100k and 1M reports. Reports are synthetic (bench/statements-corpus.mjs). In memory
// (the pure index) by default: time per new article (20 reports) and memory after GC (the JS heap plus
// the typed arrays the index keeps outside it; reports not kept unless --keep-reports). With --store, the
// statements corpus analysis in a store (a PostgreSQL URL, or a SQLite file path): the store is filled
// to each size in bulk (reports and LSH keys, without linking), then each probe article is filed,
// linked and settled in one transaction as `stored` does; time per article and database bytes.
//
//   npm run bench:statements [-- --sizes 10000,100000,1000000 --probe 200 --keep-reports]
//   npm run bench:statements -- --store "$NEWSGRAPH_TEST_PG" --sizes 10000,100000 --probe 50
import { StatementIndex } from '../dist/corpus/statements/index.js';
import { arg, args } from './common.mjs';
import { article, describeBases, PER_ARTICLE, stats } from './statements-corpus.mjs';

const sizes = (arg('--sizes') ?? '10000,100000,1000000').split(',').map(Number);
const probeArticles = Number(arg('--probe') ?? 200);
const storeSpec = arg('--store');
console.log(describeBases());
if (storeSpec) {
  const { benchStore } = await import('./statements-store.mjs');
  await benchStore(storeSpec, sizes, probeArticles);
  process.exit(0);
}

const keepReports = args.includes('--keep-reports');
const index = new StatementIndex({ keepReports });
// Typed arrays live outside the JS heap (`external`): both count.
const memoryMb = () => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { used: (m.heapUsed + m.external) / 2 ** 20, rss: m.rss / 2 ** 20 };
};
const heap0 = memoryMb().used;
console.log(
  `memory before the index (bases, vocabulary): ${heap0.toFixed(0)} MB; reports kept: ${keepReports}`,
);
console.log(
  'reports in index | build s | ms per new article (20 reports) | comparisons per report | heap+external MB | rss MB | index bytes per report | LSH postings per report',
);
for (const size of sizes) {
  const t0 = performance.now();
  while (index.size < size) index.addArticle(article(index.size));
  const build = (performance.now() - t0) / 1000;
  const { used: heap, rss } = memoryMb();
  let comparisons = 0;
  const t1 = performance.now();
  for (let i = 0; i < probeArticles; i++) {
    for (const r of article(index.size)) {
      index.add(r);
      comparisons += index.lastComparisons;
    }
  }
  const perArticle = (performance.now() - t1) / probeArticles;
  console.log(
    `${String(size).padStart(16)} | ${build.toFixed(1).padStart(7)} | ${perArticle.toFixed(2).padStart(32)} | ${(comparisons / probeArticles / PER_ARTICLE).toFixed(1).padStart(22)} | ${heap.toFixed(0).padStart(16)} | ${rss.toFixed(0).padStart(6)} | ${(((heap - heap0) * 2 ** 20) / size).toFixed(0).padStart(22)} | ${(index.keyCount.postings / index.size).toFixed(1).padStart(23)}`,
  );
}
console.log(
  `${stats.utterances} synthetic utterances, ${index.statements(2).length} statements with ≥ 2 reports`,
);
