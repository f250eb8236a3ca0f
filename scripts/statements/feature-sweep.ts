/**
 * Experiment (not shipped): candidate pair features added one at a time to the matcher's, scored by
 * the outer 5-fold CV's pooled out-of-fold scores — recall at precision ≥ 0.95 and average
 * precision, which do not depend on the threshold rule — and the direct P/R at each fold's threshold.
 *
 *   npx tsx scripts/statements/feature-sweep.ts --cache /tmp/<you>/reports.json [--only a,b]
 */
import { existsSync, readFileSync } from 'node:fs';
import { FEATURES, score, type Profile, type Report } from '../../src/corpus/statements/index.js';
import { fitModel, fitWeights } from '../../src/corpus/statements/fit.js';
import { goldPairs, idOf, FOLDS, type StatementsData } from '../../src/eval/statements.js';

const flag = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const cache = flag('--cache')!;
if (!existsSync(cache)) throw new Error('run threshold-rules.ts --cache first');
const raw = JSON.parse(readFileSync(cache, 'utf8')) as {
  pairs: StatementsData['pairs'];
  reports: [string, Report][];
};
const data = { pairs: raw.pairs, reports: new Map(raw.reports) };
const { profiles, x: base, y, foldOf } = goldPairs(data);
const A = data.pairs.map((p) => profiles.get(idOf(p.a))!);
const B = data.pairs.map((p) => profiles.get(idOf(p.b))!);

const at = (name: (typeof FEATURES)[number]) => FEATURES.indexOf(name);
const sharedIdx = (a: Profile, b: Profile) => {
  const sb = new Set(b.contentText);
  return a.contentText.map((w, i) => (sb.has(w) ? i : -1)).filter((i) => i >= 0);
};
const sharedStems = (a: Profile, b: Profile) => {
  const sb = new Set(b.stems);
  return Array.from(a.stems).filter((s) => sb.has(s)).length;
};
const days = (a: Profile, b: Profile) => (a.day !== null && b.day !== null ? Math.abs(a.day - b.day) : null);
const NUM = /^\d/;
const candidates: Record<string, (a: Profile, b: Profile, x: number[]) => number> = {
  rareSharedMax: (a, b) => Math.max(0, ...sharedIdx(a, b).map((i) => a.contentTextIdf[i])) / 8,
  rareShared2: (a, b) => (sharedIdx(a, b).filter((i) => a.contentTextIdf[i] >= 4.5).length >= 2 ? 1 : 0),
  daysOver30: (a, b) => ((days(a, b) ?? 0) > 30 ? 1 : 0),
  daysOver180: (a, b) => ((days(a, b) ?? 0) > 180 ? 1 : 0),
  logMinWords: (a, b) => Math.log1p(Math.min(a.contentWords.length, b.contentWords.length)),
  stemContainment: (a, b) => sharedStems(a, b) / Math.max(1, Math.min(a.stems.length, b.stems.length)),
  paraphraseDays: (_a, _b, x) => x[at('paraphrase')] * x[at('logDays')],
  containmentDays: (_a, _b, x) => x[at('stemIdfContainment')] * x[at('logDays')],
  shortContainment: (a, b, x) =>
    Math.min(a.contentWords.length, b.contentWords.length) <= 6 ? x[at('stemIdfContainment')] : 0,
  indirectDays: (a, b, x) => (!a.quoted && !b.quoted ? x[at('logDays')] : 0),
  numberClash: (a, b) => {
    const na = a.contentText.filter((w) => NUM.test(w));
    const nb = new Set(b.contentText.filter((w) => NUM.test(w)));
    return na.length && nb.size && !na.some((w) => nb.has(w)) ? 1 : 0;
  },
  paraphraseSq: (_a, _b, x) => x[at('paraphrase')] * x[at('paraphrase')],
  stemIdfSq: (_a, _b, x) => x[at('stemIdfContainment')] * x[at('stemIdfContainment')],
  contextDays: (_a, _b, x) => x[at('context')] * x[at('logDays')],
};

const bag = Number(flag('--bag') ?? 1);
const l2 = Number(flag('--l2') ?? 0.001);
function evaluate(extra: string[]) {
  const x = base.map((v, i) => [...v, ...extra.map((n) => candidates[n](A[i], B[i], v))]);
  const oof = new Array<number>(x.length).fill(-Infinity);
  const t = { tp: 0, fp: 0, fn: 0 };
  const veto = (i: number) => A[i].speakerKey && B[i].speakerKey && A[i].speakerKey !== B[i].speakerKey;
  for (let f = 0; f < FOLDS; f++) {
    const train = x.map((_, i) => i).filter((i) => foldOf(i) !== f);
    const m = fitModel(
      train.map((i) => x[i]),
      train.map((i) => y[i]),
      { l2 },
    );
    if (bag > 1) {
      let state = 12345;
      const rnd = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
      const sum = new Array<number>(m.weights.length).fill(0);
      for (let r = 0; r < bag; r++) {
        const pick = train.map(() => train[Math.floor(rnd() * train.length)]);
        fitWeights(
          pick.map((i) => x[i]),
          pick.map((i) => y[i]),
          { l2 },
        ).forEach((w, k) => (sum[k] += w / bag));
      }
      m.weights = sum;
    }
    x.forEach((v, i) => {
      if (foldOf(i) !== f || veto(i)) return;
      if (A[i].contentWords.length < 3 || B[i].contentWords.length < 3 || A[i].namesOnly || B[i].namesOnly)
        return;
      oof[i] = score(m, v);
      const got = oof[i] >= m.threshold;
      if (got && y[i]) t.tp++;
      else if (got) t.fp++;
    });
  }
  const positives = y.filter(Boolean).length;
  t.fn = positives - t.tp;
  const order = oof
    .map((_, i) => i)
    .filter((i) => oof[i] > -Infinity)
    .sort((p, q) => oof[q] - oof[p]);
  let tp = 0;
  let r95 = 0;
  let r90 = 0;
  let ap = 0;
  order.forEach((i, k) => {
    if (y[i]) {
      tp++;
      ap += tp / (k + 1);
    }
    if (tp / (k + 1) >= 0.95) r95 = Math.max(r95, tp / positives);
    if (tp / (k + 1) >= 0.9) r90 = Math.max(r90, tp / positives);
  });
  return `r@P95 ${r95.toFixed(3)} r@P90 ${r90.toFixed(3)} AP ${(ap / positives).toFixed(3)} direct P ${(t.tp / Math.max(1, t.tp + t.fp)).toFixed(3)} R ${(t.tp / positives).toFixed(3)}`;
}

const only = flag('--only');
const sets = only
  ? only.split(';').map((s) => s.split(',').filter(Boolean))
  : [[], ...Object.keys(candidates).map((k) => [k])];
for (const s of sets) process.stdout.write(`${(s.join('+') || 'base').padEnd(28)} ${evaluate(s)}\n`);
