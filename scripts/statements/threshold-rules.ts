/**
 * Threshold rules side by side on the outer 5-fold CV of `newsgraph eval statements`: for each rule
 * and number of inner folds, each outer fold's threshold and grouped precision/recall, and the
 * fold-to-fold spread. The rule is part of fitting (src/corpus/statements/fit.ts); this script only
 * shows how steady each is.
 *
 *   npx tsx scripts/statements/threshold-rules.ts [--data ../shared/data] [--cache /tmp/<you>/reports.json]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { buildStatementIndex, type Report } from '../../src/corpus/statements/index.js';
import { fitModel, THRESHOLD_RULES, type ThresholdRule } from '../../src/corpus/statements/fit.js';
import {
  goldPairs,
  idOf,
  FOLDS,
  loadStatementsData,
  type StatementsData,
} from '../../src/eval/statements.js';
import { sharedRoot } from '../../src/eval/index.js';

const flag = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const { data: dataDir } = sharedRoot(flag('--data'));
const cache = flag('--cache');
let data: StatementsData;
if (cache && existsSync(cache)) {
  const raw = JSON.parse(readFileSync(cache, 'utf8')) as {
    pairs: StatementsData['pairs'];
    reports: [string, Report][];
  };
  data = { pairs: raw.pairs, reports: new Map(raw.reports) };
} else {
  data = loadStatementsData(dataDir);
  if (cache) writeFileSync(cache, JSON.stringify({ pairs: data.pairs, reports: [...data.reports] }));
}
const { x, y, foldOf } = goldPairs(data);
const id = idOf;
const rules = (flag('--rules')?.split(',') ?? THRESHOLD_RULES) as ThresholdRule[];
const innerCounts = (flag('--inner') ?? '3,5,10').split(',').map(Number);
const reports = [...data.reports.values()];
const fmt = (v: number) => v.toFixed(3);
const sd = (xs: number[]) => {
  const m = xs.reduce((s, v) => s + v, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / (xs.length - 1));
};

for (const rule of rules)
  for (const inner of innerCounts) {
    const total = { tp: 0, fp: 0, fn: 0 };
    const perFold: string[] = [];
    const ps: number[] = [];
    const rs: number[] = [];
    for (let f = 0; f < FOLDS; f++) {
      const train = data.pairs.map((_, i) => i).filter((i) => foldOf(i) !== f);
      const model = fitModel(
        train.map((i) => x[i]),
        train.map((i) => y[i]),
        { thresholdRule: rule, thresholdFolds: inner },
      );
      const index = buildStatementIndex(reports, { model, keepReports: false });
      const t = { tp: 0, fp: 0, fn: 0 };
      data.pairs.forEach((p, i) => {
        if (foldOf(i) !== f) return;
        const got = index.together(id(p.a), id(p.b));
        if (got && y[i]) t.tp++;
        else if (got) t.fp++;
        else if (y[i]) t.fn++;
      });
      const p = t.tp / Math.max(1, t.tp + t.fp);
      const r = t.tp / Math.max(1, t.tp + t.fn);
      ps.push(p);
      rs.push(r);
      perFold.push(`${model.threshold.toFixed(2)}:${fmt(p)}/${fmt(r)}`);
      total.tp += t.tp;
      total.fp += t.fp;
      total.fn += t.fn;
    }
    const P = total.tp / Math.max(1, total.tp + total.fp);
    const R = total.tp / Math.max(1, total.tp + total.fn);
    process.stdout.write(
      `${rule.padEnd(11)} inner=${String(inner).padEnd(2)} P ${fmt(P)} R ${fmt(R)} ` +
        `fold sd P ${fmt(sd(ps))} R ${fmt(sd(rs))}  folds (threshold:P/R) ${perFold.join(' ')}\n`,
    );
  }
