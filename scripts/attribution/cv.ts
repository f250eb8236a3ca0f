/**
 * K-fold cross-validation of the attribution model on PolNeAR's training split, split by article
 * (article i is in fold i mod K). For each fold it trains the cue-edge model and the tagger on the
 * other folds exactly as `npm run train:attribution` does (same options, scripts/attribution/
 * train-model.ts), predicts the held-out articles with the CLI (`node bin/newsgraph.js predict
 * attribution`, so `dist/` must be built) and scores them with ../shared/tools/score-attributions.mjs.
 * Prints each fold's figures, their mean and the score of all folds' predictions pooled.
 * The word classes are the committed data/attribution/word-classes.json (built from the whole
 * split by wink-nlp's tags, not from the gold roles) in every fold.
 *
 *   npm run cv:attribution -- --out /tmp/<you>/cv-attribution [--folds K] [--fold F]
 *        [--train-only | --score-only] [--shuffles N --epochs N --passes P --bits B --seed S]
 *
 * --fold F trains (or scores) one fold only, so folds can be trained by separate processes;
 * --score-only scores fold models already in --out (for instance trained by another checkout).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/util/data.js';
import { prepare, readPolnear } from '../../src/attribution/train.js';
import { attributionModelFile, cueSpansFile, DEFAULT_TRAIN_OPTIONS } from './train-model.js';

const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i < 0 ? undefined : argv[i + 1];
};
const num = (name: string, fallback: number): number => {
  const v = value(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`--${name} needs an integer`);
  return n;
};

const outArg = value('out');
if (!outArg) {
  console.error(
    'cv:attribution: --out DIR is required (a folder of your own, e.g. /tmp/<you>/cv-attribution)',
  );
  process.exit(2);
}
const out = path.resolve(outArg);
const shared = path.resolve(PROJECT_ROOT, '..', 'shared');
const trainFile = path.join(shared, 'data', 'attribution', 'polnear-train.jsonl');
const scorer = path.join(shared, 'tools', 'score-attributions.mjs');
const K = num('folds', 4);
const only = value('fold') === undefined ? undefined : num('fold', 0);
const folds = Array.from({ length: K }, (_, f) => f).filter((f) => only === undefined || f === only);
const foldDir = (f: number) => path.join(out, `fold-${f + 1}-of-${K}`);

const lines = readPolnear(trainFile);
const rawLines = readFileSync(trainFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim());
const t0 = performance.now();
const seconds = () => ((performance.now() - t0) / 1000).toFixed(0);

if (!argv.includes('--score-only')) {
  const opts = {
    bits: num('bits', DEFAULT_TRAIN_OPTIONS.bits),
    epochs: num('epochs', DEFAULT_TRAIN_OPTIONS.epochs),
    passes: num('passes', DEFAULT_TRAIN_OPTIONS.passes),
    folds: num('jackknife-folds', DEFAULT_TRAIN_OPTIONS.folds),
    shuffles: num('shuffles', DEFAULT_TRAIN_OPTIONS.shuffles),
    seed: num('seed', DEFAULT_TRAIN_OPTIONS.seed),
  };
  for (const f of folds) {
    const dir = foldDir(f);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'gold.jsonl'), rawLines.filter((_, i) => i % K === f).join('\n') + '\n');
    const docs = lines.filter((_, i) => i % K !== f).map(prepare);
    writeFileSync(path.join(dir, 'cue-spans.bin'), cueSpansFile(docs));
    writeFileSync(path.join(dir, 'attribution.bin'), attributionModelFile(docs, opts));
    console.log(`fold ${f + 1}/${K}: trained on ${docs.length} articles (${seconds()} s)`);
  }
}
if (!argv.includes('--train-only')) await score();

async function score(): Promise<void> {
  const { attributionFigures } = await import('../../src/eval/runs.js');
  const cli = path.join(PROJECT_ROOT, 'bin', 'newsgraph.js');
  if (!existsSync(path.join(PROJECT_ROOT, 'dist')))
    throw new Error('dist/ not found: npm run -s build first');
  const rows: Array<Record<string, number>> = [];
  const pooled: string[] = [];
  for (const f of folds) {
    const dir = foldDir(f);
    const gold = path.join(dir, 'gold.jsonl');
    const predicted = spawnSync('node', [cli, 'predict', 'attribution', gold], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: {
        ...process.env,
        NEWSGRAPH_ATTRIBUTION_MODEL: path.join(dir, 'attribution.bin'),
        NEWSGRAPH_CUE_SPANS_MODEL: path.join(dir, 'cue-spans.bin'),
      },
    });
    if (predicted.status !== 0) throw new Error(`fold ${f + 1}: predict failed\n${predicted.stderr}`);
    const pred = path.join(dir, 'pred.jsonl');
    writeFileSync(pred, predicted.stdout);
    pooled.push(predicted.stdout.trimEnd());
    const figures = attributionFigures(runScorer(gold, pred));
    rows.push(figures);
    console.log(`fold ${f + 1}/${K}: ${format(figures)}`);
  }
  const names = Object.keys(rows[0] ?? {});
  const mean = Object.fromEntries(names.map((n) => [n, rows.reduce((s, r) => s + r[n], 0) / rows.length]));
  console.log(`mean of ${rows.length} folds: ${format(mean)}`);
  let pooledFigures: Record<string, number> | undefined;
  if (folds.length === K) {
    const pred = path.join(out, 'pred-all.jsonl');
    writeFileSync(pred, pooled.join('\n') + '\n');
    pooledFigures = attributionFigures(runScorer(trainFile, pred));
    console.log(`pooled (all ${lines.length} articles): ${format(pooledFigures)}`);
  }
  writeFileSync(
    path.join(out, 'summary.json'),
    JSON.stringify({ folds: rows, mean, pooled: pooledFigures }, null, 1),
  );
}

function runScorer(gold: string, pred: string): string {
  const run = spawnSync('node', [scorer, '--gold', gold, '--pred', pred, '--quiet'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`scorer failed: ${run.stderr}`);
  return run.stdout;
}

function format(figures: Record<string, number>): string {
  return Object.entries(figures)
    .map(([k, v]) => `${k}=${v.toFixed(4)}`)
    .join('  ');
}
