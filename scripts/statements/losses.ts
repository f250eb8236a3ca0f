/**
 * Where the same-statement pairs of the statements gold are lost: too short to match, speaker
 * blocking (two named speakers with different keys — for a same pair an upstream attribution error,
 * the gold's same pairs credit one speaker), LSH retrieval (fewer than the required shared bands),
 * or the matcher's cross-validated score (fold models as `newsgraph eval statements` fits them); and
 * of the pairs stopped anywhere, those the grouping still joins through other reports (the fold's
 * statement index over all gold reports). Prints a table and, with --list, each lost pair.
 *
 *   npx tsx scripts/statements/losses.ts [--data ../shared/data] [--list]
 */
import { buildStatementIndex, score, type Profile } from '../../src/corpus/statements/index.js';
import { fitModel } from '../../src/corpus/statements/fit.js';
import { blockKeys, DEFAULT_LSH, MIN_SHARED_BANDS } from '../../src/corpus/statements/grouping.js';
import { matchable } from '../../src/corpus/statements/similarity.js';
import { goldPairs, idOf, FOLDS, loadStatementsData } from '../../src/eval/statements.js';
import { sharedRoot } from '../../src/eval/index.js';

const dataFlag = process.argv.indexOf('--data');
const { data: dataDir } = sharedRoot(dataFlag > 0 ? process.argv[dataFlag + 1] : undefined);
const data = loadStatementsData(dataDir);
const { profiles, x, y, foldOf } = goldPairs(data);
const id = idOf;
const models = Array.from({ length: FOLDS }, (_, f) => {
  const train = data.pairs.map((_, i) => i).filter((i) => foldOf(i) !== f);
  return fitModel(
    train.map((i) => x[i]),
    train.map((i) => y[i]),
  );
});
const indexes = models.map((model) =>
  buildStatementIndex([...data.reports.values()], { model, keepReports: false }),
);

function sharedBands(a: Profile, b: Profile): number {
  const m = models[0];
  const ka = blockKeys(a, DEFAULT_LSH, m);
  const kb = blockKeys(b, DEFAULT_LSH, m);
  const fileB = new Set(kb.file);
  const fileA = new Set(ka.file);
  return Math.max(ka.look.filter((k) => fileB.has(k)).length, kb.look.filter((k) => fileA.has(k)).length);
}

const stages = ['too short', 'speaker blocking', 'LSH retrieval', 'matcher score', 'found'] as const;
const joinedByGrouping = { same: 0, different: 0 };
type Stage = (typeof stages)[number];
const tally = { same: new Map<Stage, number>(), different: new Map<Stage, number>() };
const lost: string[] = [];
const matcherWouldTake = new Map<string, number>();
data.pairs.forEach((p, i) => {
  const a = profiles.get(id(p.a))!;
  const b = profiles.get(id(p.b))!;
  const m = models[foldOf(i)];
  let stage: Stage;
  if (!matchable(m, a) || !matchable(m, b)) stage = 'too short';
  else if (a.speakerKey && b.speakerKey && a.speakerKey !== b.speakerKey) stage = 'speaker blocking';
  else if (sharedBands(a, b) < MIN_SHARED_BANDS) stage = 'LSH retrieval';
  else if (score(m, x[i]) < m.threshold) stage = 'matcher score';
  else stage = 'found';
  // Would the matcher have taken the pairs the earlier stages stopped?
  if ((stage === 'LSH retrieval' || stage === 'speaker blocking') && score(m, x[i]) >= m.threshold)
    matcherWouldTake.set(p.label, (matcherWouldTake.get(p.label) ?? 0) + 1);
  if (stage !== 'found' && indexes[foldOf(i)].together(id(p.a), id(p.b))) joinedByGrouping[p.label]++;
  const t = tally[p.label];
  t.set(stage, (t.get(stage) ?? 0) + 1);
  if (p.label === 'same' && stage !== 'found')
    lost.push(
      `${p.id} ${stage.padEnd(16)} ${a.speaker ?? '∅'} | ${b.speaker ?? '∅'}  bands=${sharedBands(a, b)} ` +
        `score=${score(m, x[i]).toFixed(2)}/${m.threshold.toFixed(2)} words=${a.contentWords.length}/${b.contentWords.length}`,
    );
});
process.stdout.write(`| stage | same pairs lost there | different pairs stopped there |\n|---|---|---|\n`);
for (const s of stages)
  process.stdout.write(`| ${s} | ${tally.same.get(s) ?? 0} | ${tally.different.get(s) ?? 0} |\n`);
process.stdout.write(
  `stopped before the matcher but scoring above its threshold: same ${matcherWouldTake.get('same') ?? 0}, different ${matcherWouldTake.get('different') ?? 0}\n`,
);
process.stdout.write(
  `stopped before 'found' but joined by the grouping through other reports: same ${joinedByGrouping.same}, different ${joinedByGrouping.different}\n`,
);
if (process.argv.includes('--list')) process.stdout.write(lost.join('\n') + '\n');
