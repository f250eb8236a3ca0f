/**
 * Where the right type of a missed PLV gold event sits among its record's candidates, and which
 * candidate wins instead. For each fold's records, with the fold's model (kept by `npm run cv:events
 * -- --models DIR`) and its predictions (`--pred DIR`, the same run's `--out`), every gold event
 * without a predicted event of its type is put in one class by its likely trigger (the allowed
 * candidate, as training chooses it, scoring the gold type highest):
 *   no-candidate          the record has no candidate trigger near the marked words;
 *   governed              the likely trigger's best type is the gold type, but it is left to compose.ts;
 *   below-none/outranked  … best type is the gold type, under NONE, while another candidate is typed;
 *   below-none/alone      … best type is the gold type, under NONE, and nothing else is typed;
 *   outranked             … beats NONE but another candidate's margin is higher and it misses the
 *                           secondary margin;
 *   kept-lost             … typed and kept, then lost (modality, no source, news filter, passive …);
 *   wrong-type/2nd        its best type is another, the gold type second among the types;
 *   wrong-type/far        its best type is another, the gold type third or lower;
 * and, beside the class, whether another candidate of the record has the gold type as its best
 * type (the right type on another trigger), and what the winning candidate (the strongest typed
 * one of the record) is: a statement verb (CAMEO 01x), a noun, the likely trigger's governor, a verb
 * before or after it.
 *
 *   npx tsx scripts/events/rank-misses.ts --models DIR --pred DIR [--show N]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deserialiseEventModel, typeScores } from '../../src/events/model.js';
import { foldType, TYPES, typeFeatures } from '../../src/events/features.js';
import { decodeSentence } from '../../src/events/decode.js';
import { isAsserted, reportedObligation, type PreparedSentence } from '../../src/events/sentence.js';
import { wordKnowledge } from '../../src/events/knowledge.js';
import { prepareSentence } from '../../src/events/sentence.js';
import { allowedTriggers } from '../../src/events/train.js';
import { foldPredictions, plvFolds, plvSentence, plvTrainEvent, readPlv } from './corpus.js';
import { numArg, strArg } from './options.js';

const modelDir = strArg('models', '');
const predDir = strArg('pred', '');
const folds = numArg('folds', 5);
const show = numArg('show', 0);
if (!modelDir || !predDir)
  throw new Error('--models DIR and --pred DIR (from one npm run cv:events) are required');
const records = readPlv();
const foldOf = plvFolds(records.length, folds);

const counts = new Map<string, number>();
const add = (k: string, n = 1) => counts.set(k, (counts.get(k) ?? 0) + n);
const examples = new Map<string, string[]>();
const gaps: number[] = [];
let total = 0;
let hits = 0;

interface Scored {
  s: PreparedSentence;
  k: number;
  best: number;
  margin: number;
  scores: Float64Array;
}

/** What a winning candidate is, seen from the likely trigger at token i of the same text. */
function winnerKind(w: Scored, tcAt: number | undefined, tcGovernor: number | undefined): string {
  const c = w.s.candidates[w.k]!;
  const t = w.s.toks[c.i]!;
  const at = t.start;
  const statement = wordKnowledge().word(c.lemma).cameo.startsWith('01');
  const kind = c.noun ? 'noun' : statement ? 'statement-verb' : 'verb';
  if (tcAt === undefined) return kind;
  if (tcGovernor !== undefined && tcGovernor === at) return `${kind}/governs-it`;
  if (c.modality.governor && w.s.toks[c.modality.governor.i]?.start === tcAt) return `${kind}/governed-by-it`;
  return `${kind}/${at < tcAt ? 'before' : 'after'}`;
}

for (let f = 0; f < folds; f++) {
  const model = deserialiseEventModel(readFileSync(path.join(modelDir, `fold${f}.bin.gz`)));
  const preds = foldPredictions(predDir, f);
  records.forEach((r, idx) => {
    if (foldOf[idx] !== f) return;
    const { doc, actorsById, whole } = plvSentence(r.text);
    const predTypes = new Set((preds.get(r.id) ?? []).map((e) => foldType(e.code) ?? e.code));
    // Every candidate of every sentence as run time sees them, scored.
    const all: Scored[] = [];
    const kept = new Set<string>();
    for (const sent of doc.sentences) {
      const inside = doc.mentions.filter((m) => m.start >= sent.start && m.end <= sent.end);
      const s = prepareSentence(r.text, sent, inside, actorsById, doc.byline, doc.tokens, doc.pos);
      s.candidates.forEach((c, k) => {
        const scores = typeScores(model, typeFeatures(s, c), new Float64Array(TYPES.length));
        let best = 1;
        for (let l = 2; l < TYPES.length; l++) if (scores[l]! > scores[best]!) best = l;
        all.push({ s, k, best, margin: scores[best]! - scores[0]!, scores });
      });
      for (const d of decodeSentence(s, model)) kept.add(`${s.toks[d.c.i]!.start}|${d.type}`);
    }
    const typed = all.filter((x) => kept.has(`${x.s.toks[x.s.candidates[x.k]!.i]!.start}|${TYPES[x.best]}`));
    const winner = typed.reduce<Scored | undefined>((a, x) => (!a || x.margin > a.margin ? x : a), undefined);
    for (const e of r.expected) {
      const gold = foldType(e.type);
      if (!gold) continue;
      total++;
      if (predTypes.has(gold)) {
        hits++;
        continue;
      }
      const g = TYPES.indexOf(gold);
      const allowed = allowedTriggers(whole, plvTrainEvent(whole, e)!);
      const allowedAt = new Set(allowed.map((k) => whole.toks[whole.candidates[k]!.i]!.start));
      // The likely trigger, among the run-time candidates at the allowed offsets.
      let tc: Scored | undefined;
      for (const x of all) {
        const at = x.s.toks[x.s.candidates[x.k]!.i]!.start;
        if (allowedAt.has(at) && (!tc || x.scores[g]! > tc.scores[g]!)) tc = x;
      }
      const onOther = all.some((x) => x !== tc && x.best === g);
      let cls: string;
      if (!tc) cls = 'no-candidate';
      else {
        const c = tc.s.candidates[tc.k]!;
        const at = tc.s.toks[c.i]!.start;
        if (tc.best === g) {
          if (!isAsserted(c) || reportedObligation(tc.s, c.i)) cls = 'governed';
          else if (kept.has(`${at}|${gold}`)) cls = 'kept-lost';
          else if (tc.margin <= model.threshold) cls = winner ? 'below-none/outranked' : 'below-none/alone';
          else cls = 'outranked';
        } else {
          const order = [...tc.scores.keys()]
            .filter((l) => l > 0)
            .sort((a, b) => tc!.scores[b]! - tc!.scores[a]!);
          cls = order.indexOf(g) === 1 ? 'wrong-type/2nd' : 'wrong-type/far';
          add(`confusion ${gold}→${TYPES[tc.best]}`);
        }
      }
      add(`class ${cls}`);
      add(`class ${cls} | right type on another trigger: ${onOther ? 'yes' : 'no'}`);
      const tcAt = tc ? tc.s.toks[tc.s.candidates[tc.k]!.i]!.start : undefined;
      const gov = tc?.s.candidates[tc.k]!.modality.governor;
      const govAt = tc && gov ? tc.s.toks[gov.i]?.start : undefined;
      const winnerIsTc = winner && tc && winner === tc;
      const wk = !winner
        ? 'nothing typed'
        : winnerIsTc
          ? 'the likely trigger itself'
          : winnerKind(winner, tcAt, govAt);
      add(`winner ${cls.startsWith('wrong-type') ? 'wrong-type' : cls} ← ${wk}`);
      if (winner && !winnerIsTc)
        add(
          `winner ${cls.startsWith('wrong-type') ? 'wrong-type' : cls} | winner coded: ${predTypes.has(TYPES[winner.best]!) ? 'yes' : 'no'}`,
        );
      if (winner && tc && !winnerIsTc) gaps.push(winner.margin - tc.scores[g]! + tc.scores[0]!);
      const ex = examples.get(cls) ?? [];
      if (ex.length < show) {
        const word = (x: Scored | undefined) =>
          x ? `${x.s.toks[x.s.candidates[x.k]!.i]!.text}:${TYPES[x.best]}:${x.margin.toFixed(0)}` : '-';
        ex.push(`${r.id} ${gold} tc=${word(tc)} win=${word(winner)} (${wk}) | ${e.markup}`);
        examples.set(cls, ex);
      }
    }
  });
}
const pct = (n: number) => `${n} (${(n / total).toFixed(3)})`;
console.log(`gold events ${total}, type hits ${pct(hits)}, misses ${pct(total - hits)}`);
for (const [k, v] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
  console.log(`  ${k.padEnd(70)} ${pct(v)}`);
gaps.sort((a, b) => a - b);
const q = (p: number) => gaps[Math.floor(p * (gaps.length - 1))]?.toFixed(0);
console.log(
  `winner's margin − likely trigger's gold-type margin: n=${gaps.length} quartiles ${q(0.25)} / ${q(0.5)} / ${q(0.75)}`,
);
for (const [k, ex] of examples) console.log(`\n## ${k}\n${ex.join('\n')}`);
