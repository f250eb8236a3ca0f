// `npm run bench:api`: load on the HTTP API, on loopback only, every loop bounded in time and count.
/* global fetch, AbortSignal */
//
//   1. req/s and p50/p99 latency of the main read endpoints (a store of the sample corpus);
//   2. search on a store holding one very long article (4 M characters), and /api/health meanwhile;
//   3. /api/health while a 4 MB article posted to the server is analysed and stored;
//   4. reads while `newsgraph ingest` writes 200 articles into the same database.
//
// Options: --seconds N (per measurement, default 3), --long-chars N (default 4,000,000),
// --post-chars N (default 4,000,000), --json (one JSON line instead of the table).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const SECONDS = arg('seconds', 3);
const LONG_CHARS = arg('long-chars', 4_000_000);
const POST_CHARS = arg('post-chars', 4_000_000);
const MAX_REQUESTS = 20_000; // per measurement, whatever the speed
const HEALTH_TARGET_MS = 100;

const { startServer } = await import(path.join(root, 'dist/server/index.js'));
const { openSqliteStore } = await import(path.join(root, 'dist/store/index.js'));
const { loadIngestApi, storeItem } = await import(path.join(root, 'dist/service/index.js'));
const { fixtureAnalysis } = await import(path.join(root, 'dist/store/fixtures.js'));

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-api-'));
const results = { machine: `${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`, endpoints: [] };

function quantile(sorted, q) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** `concurrency` loops requesting `next()` for SECONDS (at most MAX_REQUESTS); latencies in ms. */
async function load(base, next, concurrency = 4, seconds = SECONDS) {
  const lat = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && lat.length < MAX_REQUESTS) {
        const t0 = performance.now();
        try {
          const res = await fetch(base + next());
          await res.arrayBuffer();
          if (res.status >= 500) errors++;
        } catch {
          errors++;
        }
        lat.push(performance.now() - t0);
      }
    }),
  );
  const seconds_ = (performance.now() - started) / 1000;
  lat.sort((a, b) => a - b);
  return {
    requests: lat.length,
    rps: Math.round(lat.length / seconds_),
    p50: +quantile(lat, 0.5).toFixed(1),
    p99: +quantile(lat, 0.99).toFixed(1),
    max: +(lat[lat.length - 1] ?? 0).toFixed(1),
    errors,
  };
}

/** Polls /api/health every `everyMs` until `done` settles; its latencies in ms. */
async function healthDuring(base, done, everyMs = 20) {
  const lat = [];
  let finished = false;
  done.finally(() => (finished = true)).catch(() => undefined);
  while (!finished && lat.length < MAX_REQUESTS) {
    const t0 = performance.now();
    await (await fetch(`${base}/api/health`)).arrayBuffer();
    lat.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  lat.sort((a, b) => a - b);
  return {
    probes: lat.length,
    p50: +quantile(lat, 0.5).toFixed(1),
    p99: +quantile(lat, 0.99).toFixed(1),
    max: +(lat[lat.length - 1] ?? 0).toFixed(1),
  };
}

/** Long text of the benchmark's own sentences, varied so no two paragraphs are equal. */
function longText(chars, seed) {
  const parts = [];
  let n = 0;
  let i = 0;
  while (n < chars) {
    const p =
      `Paragraph ${seed}-${i}: the alliance of Valmora and Ostria met on day ${i % 365} to discuss border trade. ` +
      `Minister Ana Lopes said the talks on crossing ${i} had gone well, while Bo Varga warned of delays.\n\n`;
    parts.push(p);
    n += p.length;
    i++;
  }
  return parts.join('').slice(0, chars);
}

function syntheticJsonl(n) {
  const places = ['Valmora', 'Ostria', 'Kelden', 'Marisol', 'Tarn'];
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      id: `bench-${i}`,
      published: `2030-05-${String((i % 28) + 1).padStart(2, '0')}`,
      outlet: `Outlet ${i % 4}`,
      text:
        `Minister Ana Lopes met officials from ${places[i % places.length]} on Monday, report ${i} said. ` +
        `"We agreed to reopen crossing number ${i}," Lopes told reporters after the talks. ` +
        `The opposition leader Bo Varga criticised deal ${i}, according to state media.`,
    }),
  ).join('\n');
}

const db = path.join(dir, 'bench.db');
let app;
try {
  // The store: the sample corpus, then one very long article (stored with a hand-built analysis:
  // the search path is what is measured, not analysis).
  const store = openSqliteStore(db);
  const fp = await loadIngestApi();
  const sample = readFileSync(path.join(root, 'data/sample/articles.jsonl'), 'utf8').trim().split('\n');
  for (const line of sample) {
    const r = JSON.parse(line);
    await storeItem(
      store,
      {
        key: `sample:${r.id}`,
        origin: 'jsonl',
        text: r.text,
        title: r.title,
        outlet: r.outlet,
        published: r.published,
      },
      fp,
    );
  }
  const long = longText(LONG_CHARS, 'long');
  const longId = (
    await store.putArticle(
      { key: 'long', text: long, contentHash: 'bench-long-article', title: 'A very long article' },
      { ...fixtureAnalysis('A very long article.'), text: long },
    )
  ).articleId;
  const someId = (await store.listArticles({ limit: 1 })).items[0].id;
  await store.close();

  const started = await startServer({ db, host: '127.0.0.1', port: 0, webRoot: null });
  app = started.app;
  const base = started.url;
  const log = (line) => (process.argv.includes('--json') ? undefined : process.stdout.write(line + '\n'));
  log(
    `bench:api on ${base} (${results.machine}); ${SECONDS} s per measurement, at most ${MAX_REQUESTS} requests`,
  );

  // 1. Main endpoints.
  const endpoints = [
    ['/api/health', () => '/api/health'],
    ['/api/articles', () => '/api/articles'],
    ['/api/articles?q=', () => '/api/articles?q=valmora'],
    ['/api/articles/:id', () => `/api/articles/${someId}`],
    ['/api/quotes', () => '/api/quotes?text=talks'],
    ['/api/events', () => '/api/events'],
    ['/api/actors', () => '/api/actors'],
    ['/api/stats', () => '/api/stats'],
  ];
  for (const [name, next] of endpoints) {
    const r = await load(base, next);
    results.endpoints.push({ endpoint: name, ...r });
    log(
      `${name.padEnd(22)} ${String(r.rps).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  (${r.requests} requests, ${r.errors} errors)`,
    );
  }

  // 2. Search over the very long article, /api/health meanwhile.
  const searching = load(base, () => `/api/articles?q=alliance&offset=${Math.floor(Math.random() * 2)}`, 2);
  const healthSearch = await healthDuring(base, searching);
  const search = await searching;
  results.longSearch = { chars: LONG_CHARS, search, health: healthSearch };
  log(
    `search, ${LONG_CHARS.toLocaleString('en')}-char article: ${search.rps} req/s p99 ${search.p99} ms; /api/health meanwhile p99 ${healthSearch.p99} ms, max ${healthSearch.max} ms (${healthSearch.probes} probes)`,
  );
  const longRead = await load(base, () => `/api/articles/${longId}`, 2);
  results.longArticleRead = longRead;
  log(`GET the long article: ${longRead.rps} req/s p99 ${longRead.p99} ms`);

  // 3. A 4 MB post analysed and stored while /api/health is probed.
  const postText = longText(POST_CHARS, 'post');
  const t0 = performance.now();
  const posting = fetch(`${base}/api/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: postText, title: 'A 4 MB post', key: 'bench-post' }),
    signal: AbortSignal.timeout(600_000),
  }).then(async (r) => ({ status: r.status, body: (await r.text()).slice(0, 200) }));
  const healthPost = await healthDuring(base, posting, 50);
  const post = await posting;
  results.largePost = {
    chars: POST_CHARS,
    status: post.status,
    seconds: +((performance.now() - t0) / 1000).toFixed(1),
    health: healthPost,
  };
  log(
    `POST of ${POST_CHARS.toLocaleString('en')} characters: ${post.status} in ${results.largePost.seconds} s; /api/health meanwhile p99 ${healthPost.p99} ms, max ${healthPost.max} ms (${healthPost.probes} probes)`,
  );

  // 4. Reads while another process ingests into the same database.
  const jsonl = path.join(dir, 'ingest.jsonl');
  writeFileSync(jsonl, syntheticJsonl(200));
  const ingest = spawn(
    process.execPath,
    [path.join(root, 'bin/newsgraph.js'), 'ingest', jsonl, '--db', db, '--json', '--no-progress'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let ingestOut = '';
  ingest.stdout.on('data', (d) => (ingestOut += d));
  const ingestDone = new Promise((resolve) => ingest.on('exit', resolve));
  const during = [];
  for (const [name, next] of [
    ['/api/articles', () => '/api/articles'],
    ['/api/articles?q=', () => '/api/articles?q=crossing'],
    ['/api/articles/:id', () => `/api/articles/${someId}`],
  ]) {
    const r = await load(base, next, 4, SECONDS);
    during.push({ endpoint: name, ...r });
    log(
      `during ingest ${name.padEnd(18)} ${String(r.rps).padStart(6)} req/s  p99 ${r.p99} ms  (${r.errors} errors)`,
    );
  }
  const code = await Promise.race([ingestDone, new Promise((r) => setTimeout(() => r('timeout'), 300_000))]);
  if (code === 'timeout') ingest.kill('SIGTERM');
  let summary = null;
  try {
    summary = JSON.parse(ingestOut.trim().split('\n').pop());
  } catch {
    /* reported as null */
  }
  results.readsDuringIngest = {
    reads: during,
    ingest: summary && { stored: summary.stored, seconds: summary.seconds },
  };
  log(
    `the ingest: ${summary ? `${summary.stored} stored in ${summary.seconds.toFixed(1)} s` : `exit ${code}`}`,
  );

  results.targets = {
    healthDuringLongSearchMs: healthSearch.max,
    healthDuringLargePostMs: healthPost.max,
    met: healthSearch.max < HEALTH_TARGET_MS && healthPost.max < HEALTH_TARGET_MS,
  };
  log(
    `target /api/health < ${HEALTH_TARGET_MS} ms during the long search and the 4 MB post: ${results.targets.met ? 'met' : 'NOT met'} (max ${healthSearch.max} ms and ${healthPost.max} ms)`,
  );
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(results) + '\n');
} finally {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
}
