/**
 * The matcher against a re-annotated sample of the statements gold (issue 17, session 15): the
 * eval's own outer CV (pair folds, src/eval/statements.ts `outOfFold`) is run once on the gold as
 * cached, and its out-of-fold decisions and scores on the sample's pairs are scored against each
 * label set — the gold's labels, the gold with `--relabel` applied (the adjudicated labels), and the
 * reader's blind labels (undecidable left out). Figures are given raw and weighted back to the
 * gold's strata (the sample draws same, hard and other different pairs at different rates).
 * `--convention FILE` (pair ids, one a line) also prints the full eval's figures with those pairs
 * relabelled `different`, for a convention that would flip them.
 *
 *   npx tsx scripts/statements/audit-score.ts --cache /tmp/<you>/reports.json --key KEY --labels LABELS
 *     [--relabel FILE] [--convention FILE]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  buildStatementIndex,
  drift,
  driftKinds,
  sameStatement,
  shippedModel,
  type Report,
} from '../../src/corpus/statements/index.js';
import { sharedRoot } from '../../src/eval/index.js';
import {
  evaluateStatements,
  goldPairs,
  idOf,
  loadStatementsData,
  operatingPoints,
  outOfFold,
  type StatementsData,
} from '../../src/eval/statements.js';
import { stratumOf, type Stratum } from './audit-lib.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const tsv = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));

function loadData(): StatementsData {
  const cache = arg('--cache');
  if (cache && existsSync(cache)) {
    const raw = JSON.parse(readFileSync(cache, 'utf8')) as {
      pairs: StatementsData['pairs'];
      reports: [string, Report][];
    };
    return { pairs: raw.pairs, reports: new Map(raw.reports) };
  }
  const data = loadStatementsData(sharedRoot(arg('--data')).data);
  if (cache) writeFileSync(cache, JSON.stringify({ pairs: data.pairs, reports: [...data.reports] }));
  return data;
}

interface Scored {
  i: number;
  label: boolean;
  weight: number;
}
/** Precision and recall of a decision over labelled pairs, each counted with its weight. */
function tally(rows: Scored[], decided: boolean[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    if (decided[r.i] && r.label) tp += r.weight;
    else if (decided[r.i]) fp += r.weight;
    else if (r.label) fn += r.weight;
  }
  return { p: tp + fp ? tp / (tp + fp) : 0, r: tp + fn ? tp / (tp + fn) : 0 };
}
/** Recall at precision ≥ 0.95 over the out-of-fold scores, each pair counted with its weight. */
function recallAtP95(rows: Scored[], scores: number[]): number {
  const order = rows.filter((r) => scores[r.i] > -Infinity).sort((a, b) => scores[b.i] - scores[a.i]);
  const positives = rows.filter((r) => r.label).reduce((s, r) => s + r.weight, 0) || 1;
  let tp = 0;
  let all = 0;
  let best = 0;
  for (const r of order) {
    all += r.weight;
    if (r.label) tp += r.weight;
    if (tp / all >= 0.95) best = Math.max(best, tp / positives);
  }
  return best;
}

function main(): void {
  const data = loadData();
  const index = new Map(data.pairs.map((p, i) => [p.id, i]));
  const key = JSON.parse(readFileSync(arg('--key')!, 'utf8')) as Record<string, string>;
  const reader = new Map(tsv(arg('--labels')!).map(([auditId, label]) => [key[auditId], label]));
  const relabel = new Map(arg('--relabel') ? tsv(arg('--relabel')!).map(([id, label]) => [id, label]) : []);
  const sample = [...reader.keys()].map((id) => index.get(id)!);
  const strata = (pairs: StatementsData['pairs'], s: Stratum) =>
    pairs.filter((p) => stratumOf(p) === s).length;
  const weightOf = (i: number) => {
    const s = stratumOf(data.pairs[i]);
    return (
      strata(data.pairs, s) /
      strata(
        sample.map((k) => data.pairs[k]),
        s,
      )
    );
  };
  const gold = goldPairs(data);
  const oof = outOfFold(data, gold, gold.foldOf);
  console.log(`whole gold, the eval's CV: ${JSON.stringify(operatingPoints(oof.scores, gold.y))}`);
  // The committed matcher (data/statements/matcher.json), fitted on the whole gold: in-sample.
  const shipped = shippedModel();
  const shippedIndex = buildStatementIndex([...data.reports.values()], {
    model: shipped,
    keepReports: false,
  });
  const shippedGrouped = data.pairs.map((p) => shippedIndex.together(idOf(p.a), idOf(p.b)));
  const shippedDirect = data.pairs.map((p) =>
    sameStatement(shipped, gold.profiles.get(idOf(p.a))!, gold.profiles.get(idOf(p.b))!),
  );
  const labelSets: Record<string, (i: number) => string | undefined> = {
    gold: (i) => data.pairs[i].label,
    adjudicated: (i) => relabel.get(data.pairs[i].id) ?? data.pairs[i].label,
    reader: (i) => reader.get(data.pairs[i].id),
  };
  for (const [name, labelOf] of Object.entries(labelSets)) {
    const decided = sample.filter((i) => labelOf(i) === 'same' || labelOf(i) === 'different');
    for (const weighted of [false, true]) {
      const rows = decided.map((i) => ({
        i,
        label: labelOf(i) === 'same',
        weight: weighted ? weightOf(i) : 1,
      }));
      const g = tally(rows, oof.grouped);
      const d = tally(rows, oof.direct);
      const sg = tally(rows, shippedGrouped);
      const sd = tally(rows, shippedDirect);
      console.log(
        `${name.padEnd(11)} ${weighted ? 'weighted' : 'raw     '} n ${rows.length}: CV grouped P ${g.p.toFixed(3)} R ${g.r.toFixed(3)}` +
          `  direct P ${d.p.toFixed(3)} R ${d.r.toFixed(3)}  r@P95 ${recallAtP95(rows, oof.scores).toFixed(3)}` +
          `  | shipped threshold ${shipped.threshold.toFixed(3)} grouped P ${sg.p.toFixed(3)} R ${sg.r.toFixed(3)} direct P ${sd.p.toFixed(3)} R ${sd.r.toFixed(3)}`,
      );
    }
  }
  for (const [id, label] of relabel)
    if (label === 'same') {
      const p = data.pairs[index.get(id)!];
      const kinds = driftKinds(drift(data.reports.get(idOf(p.a))!, data.reports.get(idOf(p.b))!));
      console.log(`${id} relabelled same: drift by the procedure ${JSON.stringify(kinds)}`);
    }
  const convention = arg('--convention');
  if (convention) {
    const flip = new Set(tsv(convention).map(([id]) => id));
    for (const [name, base] of [
      ['gold', (p: StatementsData['pairs'][number]) => p.label],
      ['adjudicated', (p: StatementsData['pairs'][number]) => relabel.get(p.id) ?? p.label],
    ] as const) {
      const pairs = data.pairs.map((p) => {
        const label = flip.has(p.id) ? 'different' : (base(p) as 'same' | 'different');
        // A pair relabelled different keeps one speaker and topic, so it is hard (README).
        return { ...p, label, hard: label === 'different' && (p.hard || p.label === 'same') };
      });
      const { figures } = evaluateStatements({ pairs, reports: data.reports }, false);
      const shown = Object.entries(figures).map(([k, v]) => `${k}=${v.toFixed(3)}`);
      console.log(`${name} with ${flip.size} pairs flipped to different: ${shown.join('  ')}`);
    }
  }
}

main();
