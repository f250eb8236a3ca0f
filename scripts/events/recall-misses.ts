/**
 * Where the PLV gold events that cross-validation misses go: for each fold's records, with the fold's
 * model (kept by `npm run cv:events -- --models DIR`), every gold event without a predicted event of
 * its type is put in one class, in the order the coder loses it:
 *   gate        no sentence of the record passes the sentence gate (gate.ts);
 *   no-cand     no candidate trigger at all;
 *   typer:X     no candidate's best type is the gold type (X: what the record's events were, or none);
 *   governed    the best candidate of the gold type is governed ("urged to", "plans to"): left to compose.ts;
 *   threshold   … scores the gold type first but below NONE;
 *   secondary   … beats NONE but is not the sentence's strongest and misses the secondary margin;
 *   modality    … typed and kept, then dropped or retyped by polarity and modality (coder.ts `qualify`);
 *   no-source   … typed and kept, but its tagged source names no actor;
 *   other       … lost after that (passive, received act, a report verb, …).
 *
 *   npx tsx scripts/events/recall-misses.ts --models DIR [--pred DIR] [--show N] [--json FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialiseEventModel, typeScores, vocabularyOf } from '../../src/events/model.js';
import { mayHoldEvent } from '../../src/events/gate.js';
import { withCompositionWords } from '../../src/events/compose.js';
import { prepareSentence, isAsserted, reportedObligation } from '../../src/events/sentence.js';
import { foldType, TYPES, typeFeatures } from '../../src/events/features.js';
import { decodeSentence } from '../../src/events/decode.js';
import { qualify } from '../../src/events/coder.js';
import { actorWords } from '../../src/events/arguments.js';
import { allowedTriggers } from '../../src/events/train.js';
import { foldPredictions, plvFolds, plvSentence, plvTrainEvent, readPlv } from './corpus.js';
import { numArg, strArg } from './options.js';

const modelDir = strArg('models', '');
const predDir = strArg('pred', '');
const folds = numArg('folds', 5);
const show = numArg('show', 0);
if (!modelDir) throw new Error('--models DIR (from npm run cv:events -- --models DIR) is required');
const records = readPlv();
const foldOf = plvFolds(records.length, folds);

const classes = new Map<string, number>();
const confusion = new Map<string, number>();
const examples = new Map<string, string[]>();
const traits = { multi: [0, 0], noun: [0, 0], verb: [0, 0], adj: [0, 0], passive: [0, 0] };
let total = 0;
let hits = 0;
const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

for (let f = 0; f < folds; f++) {
  const model = deserialiseEventModel(readFileSync(path.join(modelDir, `fold${f}.bin.gz`)));
  const vocabulary = withCompositionWords(vocabularyOf(model));
  const preds = predDir ? foldPredictions(predDir, f) : new Map<string, Array<{ code: string }>>();
  records.forEach((r, idx) => {
    if (foldOf[idx] !== f) return;
    const { doc, actorsById, whole } = plvSentence(r.text);
    const predTypes = new Set((preds.get(r.id) ?? []).map((e) => foldType(e.code) ?? e.code));
    const sents = doc.sentences.map((sent) => {
      const inside = doc.mentions.filter((m) => m.start >= sent.start && m.end <= sent.end);
      const open = mayHoldEvent(r.text, sent.start, sent.end, inside, vocabulary);
      const s = prepareSentence(r.text, sent, inside, actorsById, doc.byline, doc.tokens, doc.pos);
      return { open, s, decoded: open ? decodeSentence(s, model) : [] };
    });
    const scores = new Float64Array(TYPES.length);
    for (const e of r.expected) {
      const gold = foldType(e.type);
      if (!gold) continue;
      total++;
      const hit = predTypes.has(gold);
      const g = TYPES.indexOf(gold);
      // The likely trigger, as training chooses it: the allowed candidate scoring the gold type highest.
      const allowed = allowedTriggers(whole, plvTrainEvent(whole, e)!);
      let trig = -1;
      let top = -Infinity;
      for (const k of allowed) {
        typeScores(model, typeFeatures(whole, whole.candidates[k]!), scores);
        if (scores[g]! > top) {
          top = scores[g]!;
          trig = k;
        }
      }
      const tc = trig >= 0 ? whole.candidates[trig]! : undefined;
      const pos = tc ? (tc.noun ? 'noun' : whole.toks[tc.i]!.pos === 'ADJ' ? 'adj' : 'verb') : undefined;
      const mark = (k: keyof typeof traits, on: boolean) => {
        if (!on) return;
        traits[k][0]++;
        if (hit) traits[k][1]++;
      };
      mark('multi', r.expected.length > 1);
      if (pos) mark(pos as 'noun' | 'verb' | 'adj', true);
      mark('passive', !!tc?.modality.passive);
      if (hit) {
        hits++;
        continue;
      }
      let cls = '';
      let best: { open: boolean; s: (typeof sents)[number]['s']; k: number; margin: number } | undefined;
      for (const { open, s } of sents) {
        s.candidates.forEach((c, k) => {
          typeScores(model, typeFeatures(s, c), scores);
          let b = 1;
          for (let l = 2; l < TYPES.length; l++) if (scores[l]! > scores[b]!) b = l;
          const margin = scores[b]! - scores[0]!;
          if (b === g && (!best || margin > best.margin)) best = { open, s, k, margin };
        });
      }
      const anyCand = sents.some((x) => x.s.candidates.length > 0);
      if (!sents.some((x) => x.open)) cls = 'gate';
      else if (!anyCand) cls = 'no-cand';
      else if (!best) {
        const others = [...predTypes].sort().join('+') || 'none';
        cls = `typer:${others === 'none' ? 'none' : 'other'}`;
        for (const p of predTypes) add(confusion, `${gold}→${p}`);
        if (predTypes.size === 0) add(confusion, `${gold}→(none)`);
      } else {
        const b = best as { open: boolean; s: (typeof sents)[number]['s']; k: number; margin: number };
        const c = b.s.candidates[b.k]!;
        const d = sents.find((x) => x.s === b.s)!.decoded.find((x) => x.c === c);
        if (!b.open) cls = 'gate';
        else if (!isAsserted(c) || reportedObligation(b.s, c.i)) cls = 'governed';
        else if (b.margin <= model.threshold) cls = 'threshold';
        else if (!d) cls = 'secondary';
        else {
          const q = qualify(d);
          if (!q || q.type !== gold) cls = 'modality';
          else if (!d.source || !actorWords(b.s, d.source)) cls = 'no-source';
          else cls = 'other';
        }
      }
      add(classes, cls);
      const ex = examples.get(cls) ?? [];
      const tw = tc ? whole.toks[tc.i]!.text : '?';
      if (ex.length < show)
        ex.push(
          `${r.id} ${gold} [${tw}/${pos}${tc?.modality.passive ? '/passive' : ''}] pred=${[...predTypes].join(',')} | ${e.markup}`,
        );
      examples.set(cls, ex);
    }
  });
}
const pct = (n: number) => `${n} (${(n / total).toFixed(3)})`;
console.log(`gold events ${total}, type hits ${pct(hits)}, misses ${pct(total - hits)}`);
console.log('misses by class (share of all gold events = recall if all were found):');
for (const [k, v] of [...classes].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(12)} ${pct(v)}`);
console.log('confusions of typer misses (gold → type(s) predicted in the record):');
for (const [k, v] of [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`  ${k.padEnd(22)} ${v}`);
console.log('recall by trait (likely trigger = the allowed candidate scoring the gold type highest):');
for (const [k, [n, h]] of Object.entries(traits))
  console.log(`  ${k.padEnd(8)} n=${n} recall ${(h / Math.max(n, 1)).toFixed(3)} misses ${n - h}`);
for (const [k, ex] of examples) if (ex.length) console.log(`\n## ${k}\n${ex.join('\n')}`);
const json = strArg('json', '');
if (json)
  writeFileSync(
    json,
    JSON.stringify({
      total,
      hits,
      classes: Object.fromEntries(classes),
      confusion: Object.fromEntries(confusion),
    }),
  );
