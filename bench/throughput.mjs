#!/usr/bin/env node
// Throughput benchmark: analyses the PolNeAR train texts (../shared/data/attribution/polnear-train.jsonl,
// 840 articles) in one process and prints JSON — articles/s, tokens/s, peak RSS, each stage's share of
// analyze's time, serial and on a worker-thread pool — and the same figures for a reference run of wink-nlp tokenise + POS on the same texts.
// Rates are steady-state, measured on a second pass; the first (warm-up) pass is reported as `cold`.
// `--unseen-warmup` warms up on up to 100 other articles of the file (after the first --limit) instead of the
// measured ones, so what the stages remember of words read (the events tagger's learnt words, lookup caches)
// comes from other articles, as in a stream of new ones; by default the measured articles are read twice.
// Usage: npm run bench [-- --limit N] [-- --file other.jsonl] [-- --threads N] [-- --rounds N | --no-pool]
//                      [-- --unseen-warmup]
import { existsSync } from 'node:fs';
import path from 'node:path';
import { arg, args, readPolnear, root } from './common.mjs';

const { file, docs: lines, rest } = readPolnear();
if (!existsSync(path.join(root, 'dist/index.js'))) {
  console.error('bench: dist/ is missing — run npm run build first');
  process.exit(1);
}
const asDoc = (d) => ({
  id: d.id,
  text: d.text,
  published: /^\d{4}-\d{2}-\d{2}$/.test(d.date ?? '') ? d.date : undefined,
});
const docs = lines.map(asDoc);
const unseenWarmup = args.includes('--unseen-warmup');
const warmDocs = unseenWarmup ? rest().slice(0, 100).map(asDoc) : docs;
if (unseenWarmup && warmDocs.length === 0) {
  console.error('bench: --unseen-warmup needs articles after the first --limit in the file');
  process.exit(1);
}

const { analyze } = await import(path.join(root, 'dist/index.js'));
const { tokenize } = await import(path.join(root, 'dist/text/index.js'));

const mb = (kb) => Math.round((kb / 1024) * 10) / 10;
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const tokens = docs.reduce((n, d) => n + tokenize(d.text).length, 0);

// Warm-up: one untimed pass loads every model and lexicon and lets V8 finish compiling the hot code (on
// the first pass its compiler threads take a third of a second core). Its rate is reported as `cold`.
let t0 = performance.now();
for (const d of warmDocs) JSON.stringify(analyze(d.text, { published: d.published }));
const coldSeconds = (performance.now() - t0) / 1000;
globalThis.gc?.();

const timings = new Map();
let counts = { mentions: 0, actors: 0, attributions: 0, events: 0, times: 0 };
const serialJson = [];
t0 = performance.now();
for (const d of docs) {
  const a = analyze(d.text, { published: d.published }, { id: d.id, timings });
  serialJson.push(JSON.stringify(a));
  counts.mentions += a.mentions.length;
  counts.actors += a.actors.length;
  counts.attributions += a.attributions.length;
  counts.events += a.events.length;
  counts.times += a.times.length;
}
const seconds = (performance.now() - t0) / 1000;
const newsgraphPeak = process.resourceUsage().maxRSS;
const stageTotal = [...timings.values()].reduce((a, b) => a + b, 0);
const stages = Object.fromEntries(
  [...timings].map(([name, ms]) => [
    name,
    { ms: Math.round(ms), share: round(ms / stageTotal, 3), tokensPerSec: Math.round(tokens / (ms / 1000)) },
  ]),
);

/** One timed serial pass, as above, without the stage timings; returns seconds. */
const serialPass = () => {
  const start = performance.now();
  for (const d of docs) JSON.stringify(analyze(d.text, { published: d.published }, { id: d.id }));
  return (performance.now() - start) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The same texts on a worker-thread pool (one thread per core), each analysis serialised to a JSON line in its
// worker as `analyze --jsonl --workers` writes it; output order as the serial run. This machine's speed drifts
// by up to 20% within minutes, so serial and pool passes alternate for `--rounds` rounds and the speed-up is
// the median of each round's ratio.
let pool;
if (!args.includes('--no-pool')) {
  const { AnalysisPool } = await import(path.join(root, 'dist/pipeline/pool.js'));
  const { availableParallelism } = await import('node:os');
  const threads = Number(arg('--threads') ?? availableParallelism());
  const rounds = Math.max(1, Number(arg('--rounds') ?? 3));
  const analysisPool = new AnalysisPool(threads);
  const tasks = docs.map((d) => ({ id: d.id, text: d.text, meta: { published: d.published } }));
  let same = 0;
  /** One timed pool pass; counts analyses byte-identical to the serial one at the same position. */
  const poolPass = async () => {
    const start = performance.now();
    let i = 0;
    for await (const r of analysisPool.mapJson(tasks)) {
      if (r.json === serialJson[i]) same++;
      i++;
    }
    return (performance.now() - start) / 1000;
  };
  // Warm-up as for the serial run: one untimed pass, so every thread has loaded and compiled.
  const poolColdSeconds = await poolPass();
  const serialSeconds = [seconds];
  const poolSeconds = [];
  for (let r = 0; r < rounds; r++) {
    if (r > 0) serialSeconds.push(serialPass());
    poolSeconds.push(await poolPass());
  }
  await analysisPool.close();
  const speedups = poolSeconds.map((p, r) => serialSeconds[r] / p);
  pool = {
    threads,
    rounds,
    articlesPerSec: round(docs.length / median(poolSeconds)),
    serialArticlesPerSec: round(docs.length / median(serialSeconds)),
    speedup: round(median(speedups), 2),
    speedups: speedups.map((x) => round(x, 2)),
    cold: {
      articlesPerSec: round(docs.length / poolColdSeconds),
      speedup: round(docs.length / poolColdSeconds / (warmDocs.length / coldSeconds), 2),
    },
    /** Every pooled analysis, in every pass, is byte-identical to the serial one at the same position. */
    identicalToSerial: same === docs.length * (rounds + 1),
  };
}

// Reference: wink-nlp tokenise + POS on the same texts in the same process.
const winkNLP = (await import('wink-nlp')).default;
const model = (await import('wink-eng-lite-web-model')).default;
const nlp = winkNLP(model);
const its = nlp.its;
for (const d of docs.slice(0, 3)) nlp.readDoc(d.text).tokens().out(its.pos);
globalThis.gc?.();
let winkTokens = 0;
t0 = performance.now();
for (const d of docs) winkTokens += nlp.readDoc(d.text).tokens().out(its.pos).length;
const winkSeconds = (performance.now() - t0) / 1000;

const result = {
  corpus: path.relative(process.cwd(), file),
  articles: docs.length,
  tokens,
  newsgraph: {
    seconds: round(seconds, 2),
    articlesPerSec: round(docs.length / seconds),
    tokensPerSec: Math.round(tokens / seconds),
    peakRssMB: mb(newsgraphPeak),
    cold: {
      articlesPerSec: round(warmDocs.length / coldSeconds),
      ...(unseenWarmup ? { unseenWarmup: warmDocs.length } : {}),
    },
    stages,
    found: counts,
  },
  pool,
  winkNlpTokenizePos: {
    seconds: round(winkSeconds, 2),
    articlesPerSec: round(docs.length / winkSeconds),
    tokensPerSec: Math.round(winkTokens / winkSeconds),
    peakRssMB: mb(process.resourceUsage().maxRSS),
  },
  ratio: round(docs.length / seconds / (docs.length / winkSeconds), 3),
  note: "ratio = newsgraph articles/s ÷ wink-nlp articles/s; peak RSS is the process high-water mark (the wink run comes second, so its figure includes newsgraph's)",
};
console.log(JSON.stringify(result, null, 2));
