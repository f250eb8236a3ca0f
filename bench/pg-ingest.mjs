#!/usr/bin/env node
// Scale-out benchmark (run by hand, not in CI): enqueues the PolNeAR train texts
// (../shared/data/attribution/polnear-train.jsonl, 840 articles) into the PostgreSQL job queue and
// drains it with 1, 2 and 4 `newsgraph worker` processes, each run in a fresh schema. Prints JSON:
// articles/s per run (wall clock from start of the workers, and from the first claim to the last
// commit), a check that every article is stored exactly once, and bytes stored per article.
//
// Usage: npx tsx bench/pg-ingest.mjs --db postgres://… [--workers 1,2,4] [--limit N] [--concurrency C] [--keep]
//   (a throw-away server: eval "$(scripts/ci-postgres.sh start)" and --db "$NEWSGRAPH_TEST_PG")
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { arg, args, readPolnear, root } from './common.mjs';

const db = arg('--db') ?? process.env.NEWSGRAPH_TEST_PG ?? process.env.NEWSGRAPH_DB;
if (!db || !/^postgres(ql)?:\/\//.test(db)) {
  console.error('bench: give a PostgreSQL URL with --db postgres://… (or NEWSGRAPH_TEST_PG)');
  process.exit(2);
}
const workerCounts = (arg('--workers') ?? '1,2,4').split(',').map(Number);
const concurrency = arg('--concurrency') ?? '1';
const keep = args.includes('--keep');

const { JobQueue } = await import(path.join(root, 'src/queue/index.ts'));
const { createPool } = await import(path.join(root, 'src/store/postgres/index.ts'));

const { file, docs } = readPolnear();
const items = docs.map((d) => ({
  key: `polnear:${d.id}`,
  origin: 'jsonl',
  text: d.text,
  ...(d.title ? { title: d.title } : {}),
  ...(d.publisher ? { outlet: d.publisher } : {}),
  ...(/^\d{4}-\d{2}-\d{2}$/.test(d.date ?? '') ? { published: d.date } : {}),
}));
const chars = items.reduce((n, it) => n + it.text.length, 0);

const withSchema = (schema) => {
  const u = new URL(db);
  u.searchParams.set('schema', schema);
  return u.toString();
};
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

function runWorker(url) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'test/faults/worker-entry.ts'),
        'worker',
        '--db',
        url,
        '--until-idle',
        '--json',
        '--poll',
        '0.2',
        '--concurrency',
        concurrency,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()))
        : reject(new Error(`worker exited ${code}: ${err}`)),
    );
  });
}

const runs = [];
for (const n of workerCounts) {
  const schema = `bench_pg_${n}w_${Date.now().toString(36)}`;
  const url = withSchema(schema);
  const pool = await createPool(url);
  const queue = await JobQueue.open(pool);
  const t0 = performance.now();
  const enq = await queue.enqueueIngest(items);
  const enqueueSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const summaries = await Promise.all(Array.from({ length: n }, () => runWorker(url)));
  const wallSeconds = (performance.now() - t1) / 1000;
  const {
    rows: [span],
  } = await pool.query(
    `SELECT extract(epoch FROM max(finished_at) - min(started_at))::float8 AS s FROM jobs WHERE state = 'done'`,
  );
  const {
    rows: [check],
  } = await pool.query(`SELECT
    (SELECT count(*)::int FROM articles) AS articles,
    (SELECT count(*)::int FROM copies) AS copies,
    (SELECT count(DISTINCT key)::int FROM (SELECT key FROM articles UNION ALL SELECT key FROM copies) k) AS distinct_keys,
    (SELECT count(*)::int FROM jobs WHERE state = 'done') AS done,
    (SELECT count(*)::int FROM jobs WHERE state <> 'done') AS not_done,
    (SELECT count(*)::int FROM jobs WHERE state = 'failed') AS dead_lettered,
    (SELECT count(*)::int FROM quotes) AS quotes,
    (SELECT count(*)::int FROM events) AS events`);
  const { rows: sizes } = await pool.query(
    `SELECT c.relname AS t, pg_total_relation_size(c.oid)::float8 AS bytes FROM pg_class c
     JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = $1 AND c.relkind = 'r' ORDER BY bytes DESC`,
    [schema],
  );
  const storeBytes = sizes
    .filter((r) => r.t !== 'jobs' && r.t !== 'newsgraph_migrations')
    .reduce((a, r) => a + r.bytes, 0);
  const jobsBytes = sizes.find((r) => r.t === 'jobs')?.bytes ?? 0;
  const stored = check.articles + check.copies;
  runs.push({
    workers: n,
    concurrencyPerWorker: Number(concurrency),
    articles: items.length,
    enqueued: enq.enqueued,
    enqueueSeconds: round(enqueueSeconds, 2),
    wallSeconds: round(wallSeconds, 1),
    articlesPerSecondWall: round(items.length / wallSeconds),
    processingSeconds: round(span.s ?? 0, 1),
    // Jobs done per second from the first claim to the last commit (dead letters are not throughput).
    articlesPerSecond: span.s > 0 ? round(check.done / span.s) : 0,
    perWorker: summaries.map((s) => ({ done: s.done, seconds: round(s.seconds, 1) })),
    // Per article, summed over workers: analysis time, and the store transaction (insert + index + mark done).
    msPerArticle: {
      analyse: round((summaries.reduce((a, s) => a + s.analyseSeconds, 0) * 1000) / items.length),
      store: round((summaries.reduce((a, s) => a + s.storeSeconds, 0) * 1000) / items.length),
    },
    exactlyOnce:
      stored === items.length &&
      check.distinct_keys === items.length &&
      check.done === items.length &&
      check.not_done === 0,
    stored: check,
    bytes: {
      store: storeBytes,
      perArticle: Math.round(storeBytes / Math.max(1, check.articles)),
      perThousandChars: round((storeBytes / chars) * 1000, 0),
      jobsTableAfterDone: jobsBytes,
      tables: Object.fromEntries(sizes.map((r) => [r.t, r.bytes])),
    },
  });
  if (!keep) await pool.query(`DROP SCHEMA ${schema} CASCADE`);
  await pool.end();
  console.error(
    `bench: ${n} worker(s): ${runs.at(-1).articlesPerSecond} articles/s, exactly once: ${runs.at(-1).exactlyOnce}`,
  );
}

console.log(
  JSON.stringify(
    {
      corpus: path.basename(file),
      articles: items.length,
      chars,
      cores: availableParallelism(),
      node: process.version,
      runs,
    },
    null,
    1,
  ),
);
