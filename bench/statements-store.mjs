// The store half of bench/statements.mjs: the statements corpus analysis on PostgreSQL or SQLite.
// Each size is reached by bulk-filing synthetic reports (their rows and LSH keys, unlinked: linking
// is what the probe measures), then each probe article's reports are filed, compared with their
// candidates, linked and settled in one transaction, as the `stored` step does for a new article.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../dist/store/open.js';
import { attachCorpus, statementsAnalysis } from '../dist/corpus/index.js';
import { fileReports, KEY_COLUMNS, REPORT_COLUMNS, reportRow } from '../dist/corpus/statements/analysis.js';
import { blockKeys, DEFAULT_LSH } from '../dist/corpus/statements/grouping.js';
import { profile, shippedModel, Vocabulary } from '../dist/corpus/statements/similarity.js';
import { article, PER_ARTICLE } from './statements-corpus.mjs';

/** Rows of a batch of reports: their report rows and their filed LSH keys. */
function rowsOf(reports, model) {
  const vocab = new Vocabulary();
  const reportRows = [];
  const keyRows = [];
  for (const r of reports) {
    const p = profile(r, vocab);
    reportRows.push(reportRow(r, p.words.length));
    for (const key of new Set(blockKeys(p, DEFAULT_LSH, model).file.map(String))) keyRows.push([key, r.id]);
  }
  return { reportRows, keyRows };
}

async function databaseBytes(store, file) {
  if (file) return statSync(file).size + (safeSize(`${file}-wal`) ?? 0);
  const row = await store.sql.read((db) =>
    db.get(
      `SELECT sum(pg_total_relation_size(c.oid)) AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
       WHERE s.nspname = current_schema() AND c.relkind = 'r'`,
    ),
  );
  return Number(row?.n ?? 0);
}
const safeSize = (f) => {
  try {
    return statSync(f).size;
  } catch {
    return undefined;
  }
};

export async function benchStore(spec, sizes, probeArticles) {
  const postgres = /^postgres(ql)?:\/\//.test(spec);
  let dir;
  let target = spec;
  if (postgres) {
    const u = new URL(spec);
    u.searchParams.set('schema', `bench_statements_${process.pid}`);
    target = u.toString();
  } else {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-statements-'));
    target = path.join(dir, 'bench.db');
  }
  const store = await openStore(target);
  const model = shippedModel();
  try {
    await attachCorpus(store, [statementsAnalysis(model)]);
    const analysis = statementsAnalysis(model);
    await store.sql.transaction((tx) => analysis.reset(tx));
    console.log(`statements corpus analysis on ${postgres ? 'PostgreSQL' : 'SQLite'}`);
    console.log(
      'reports in store | fill s | ms per new article (20 reports) | comparisons per report | rss MB | database bytes per report',
    );
    let filed = 0;
    for (const size of sizes) {
      const t0 = performance.now();
      while (filed < size) {
        const batch = [];
        for (let i = 0; i < 100 && filed + batch.length < size; i++)
          batch.push(...article(filed + batch.length));
        const { reportRows, keyRows } = rowsOf(batch, model);
        await store.sql.transaction(async (tx) => {
          await tx.dialect.insertRows(tx, 'statements_reports', REPORT_COLUMNS, reportRows);
          await tx.dialect.insertRows(tx, 'statements_keys', KEY_COLUMNS, keyRows, 'ON CONFLICT DO NOTHING');
        });
        filed += batch.length;
      }
      const fill = (performance.now() - t0) / 1000;
      let comparisons = 0;
      const t1 = performance.now();
      for (let i = 0; i < probeArticles; i++) {
        const reports = article(filed);
        comparisons += await store.sql.transaction(async (tx) => {
          await tx.dialect.lock(tx, ['newsgraph:statements']);
          return fileReports(tx, model, reports);
        });
        filed += reports.length;
      }
      const perArticle = (performance.now() - t1) / probeArticles;
      const bytes = await databaseBytes(store, postgres ? undefined : target);
      console.log(
        `${String(size).padStart(16)} | ${fill.toFixed(1).padStart(6)} | ${perArticle.toFixed(2).padStart(32)} | ${(comparisons / probeArticles / PER_ARTICLE).toFixed(1).padStart(22)} | ${(process.memoryUsage().rss / 2 ** 20).toFixed(0).padStart(6)} | ${(bytes / filed).toFixed(0).padStart(25)}`,
      );
    }
  } finally {
    if (postgres)
      await store.sql.transaction((tx) =>
        tx.run('DROP SCHEMA IF EXISTS ' + new URL(target).searchParams.get('schema') + ' CASCADE'),
      );
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
