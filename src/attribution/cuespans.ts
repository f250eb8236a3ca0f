import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { decodeModel, encodeModel } from '../learn/model-file.js';
import { hashedRows, MulticlassPerceptron, runEpochs } from '../learn/perceptron.js';
import { projectPath } from '../util/data.js';
import { mix, type DocContext } from './features.js';
import type { RoleSpan } from './link.js';

/*
 * Cue edges, learnt. PolNeAR's annotators take some words next to a cue verb into the cue and leave
 * others out ("said | Friday", "accused … of"), and single word pairs cannot tell the cases apart:
 * "said in a statement" is mostly one cue, "said in Iowa" is "said". The tagger decides edges token
 * by token and is inconsistent there, so each cue it finds is re-decided as a whole: every span whose
 * edges lie within MAX_SHIFT tokens of the tagged one (shrinking anywhere, growing only into untagged
 * words of the sentence) is scored by a linear model over its edge words and their classes, the whole
 * span and the cue verb's lemma, and the best one wins. The model is a ranking perceptron trained on
 * the gold cues of the training split against the spans around them.
 */

export const CUE_SPANS_FILE = 'models/cue-spans.bin';
const MODEL_KIND = 'cue-span';
const BITS = 18;
/** How far an edge may move: "said" → "said in a statement" is three words. Four scored worse. */
export const MAX_SHIFT = 3;
const MAX_LEN = 12;
/**
 * Passes over the training cues. Held-out check (train on 630 articles, score 210, both ways):
 * 2 → cue exact +0.0076 / +0.0011 against the learnt pair table it replaces, 3 → +0.0064 / +0.0017,
 * 4 → +0.0054 / +0.0014, 6 → +0.0046 / +0.0006; more passes memorise the training spans.
 */
export const CUE_SPAN_EPOCHS = 3;

/** Feature weights indexed by hashed feature id; the scale turns the int8 weights back into scores. */
export interface CueSpanModel {
  weights: Int8Array | Float32Array;
}

const OUTSIDE = 0x2545f491;

function bucket(d: number): number {
  return d < 0 ? 9 : d <= 3 ? d : d <= 6 ? 4 : 5;
}

/** Writes the hashed feature ids of span [a, b) (`head`: the cue verb's token or -1) into `out`. */
function spanFeatures(ctx: DocContext, a: number, b: number, head: number, out: Uint32Array): number {
  const s = ctx.sentence[a];
  const inSent = (i: number) => i >= 0 && i < ctx.n && ctx.sentence[i] === s;
  const w = (i: number) => (inSent(i) ? ctx.word[i] : OUTSIDE);
  const c = (i: number) => (inSent(i) ? ctx.wclass[i] : OUTSIDE);
  const lemma = head >= 0 ? ctx.cueLemma[head] : OUTSIDE;
  const R = w(b);
  const last = w(b - 1);
  const L = w(a - 1);
  const first = w(a);
  let whole = 7;
  for (let i = a; i < b; i++) whole = mix(whole, ctx.word[i]);
  let k = 0;
  out[k++] = mix(mix(1, last), R);
  out[k++] = mix(2, R);
  out[k++] = mix(3, last);
  out[k++] = mix(mix(4, L), first);
  out[k++] = mix(5, L);
  out[k++] = mix(6, first);
  out[k++] = whole;
  out[k++] = mix(8, Math.min(b - a, 8));
  out[k++] = mix(mix(9, lemma), R);
  out[k++] = mix(mix(10, lemma), last);
  out[k++] = mix(mix(11, lemma), L);
  out[k++] = mix(mix(12, lemma), first);
  out[k++] = mix(mix(13, c(b - 1)), c(b));
  out[k++] = mix(mix(14, c(a - 1)), c(a));
  out[k++] = mix(mix(15, R), w(b + 1));
  out[k++] = mix(mix(16, w(b - 2)), last);
  out[k++] = mix(mix(17, first), w(a + 1));
  out[k++] = mix(18, head >= 0 ? bucket(b - 1 - head) | (bucket(head - a) << 4) : 0xff);
  out[k++] = mix(mix(19, lemma), Math.min(b - a, 6));
  out[k++] = 20;
  return k;
}
const MAX_SPAN_FEATURES = 20;

/** The first cue-lexicon verb of [a, b), whose lemma the features read; -1 when none. */
function headOf(ctx: DocContext, a: number, b: number): number {
  for (let i = a; i < b; i++) if (ctx.verb[i]) return i;
  return -1;
}

/** Candidate spans around [from, to) as flat [a0, b0, a1, b1, …]: shrink anywhere, grow into `free` words. */
function candidates(ctx: DocContext, from: number, to: number, free: (i: number) => boolean): number[] {
  const out: number[] = [];
  const s = ctx.sentence[from];
  let lo = from;
  while (lo > from - MAX_SHIFT && lo > 0 && ctx.sentence[lo - 1] === s && free(lo - 1)) lo--;
  let hi = to;
  while (hi < to + MAX_SHIFT && hi < ctx.n && ctx.sentence[hi] === s && free(hi)) hi++;
  for (let a = lo; a <= Math.min(from + MAX_SHIFT, to - 1); a++) {
    for (let b = Math.max(a + 1, to - MAX_SHIFT); b <= hi; b++) if (b - a <= MAX_LEN) out.push(a, b);
  }
  return out;
}

function score(weights: Int8Array | Float32Array | Float64Array, feats: Uint32Array, k: number): number {
  const mask = (1 << BITS) - 1;
  let s = 0;
  for (let j = 0; j < k; j++) s += weights[feats[j] & mask];
  return s;
}

/** The best-scoring of the candidate spans (flat [a0, b0, …]); ties keep the earlier one. */
function bestSpan(
  weights: Int8Array | Float32Array | Float64Array,
  ctx: DocContext,
  cands: readonly number[],
  feats: Uint32Array,
): [number, number] {
  let best: [number, number] = [cands[0], cands[1]];
  let bestScore = -Infinity;
  for (let j = 0; j < cands.length; j += 2) {
    const a = cands[j];
    const b = cands[j + 1];
    const s = score(weights, feats, spanFeatures(ctx, a, b, headOf(ctx, a, b), feats));
    if (s > bestScore) {
      bestScore = s;
      best = [a, b];
    }
  }
  return best;
}

/**
 * Moves a cue's edges to the best-scoring span around it. `free(i)`: token i carries no other role,
 * so the cue may grow into it. Never leaves the sentence and never empties the cue.
 */
export function rerankCue(
  model: CueSpanModel,
  ctx: DocContext,
  cue: RoleSpan,
  free: (i: number) => boolean,
): RoleSpan {
  const feats = new Uint32Array(MAX_SPAN_FEATURES);
  const cands = candidates(ctx, cue.from, cue.to, free);
  // A tagged cue longer than any candidate span keeps its edges.
  if (cands.length === 0) return cue;
  const [from, to] = bestSpan(model.weights, ctx, cands, feats);
  return from === cue.from && to === cue.to ? cue : { role: 'cue', from, to };
}

/** One training document: its context, gold cue runs and which tokens carry no gold role. */
export interface CueSpanDoc {
  ctx: DocContext;
  cues: readonly RoleSpan[];
  free: (i: number) => boolean;
}

/** One ranking decision of training: a gold cue and the candidate spans around where the tagger might start. */
interface RankingUnit {
  ctx: DocContext;
  cue: RoleSpan;
  head: number;
  cands: number[];
}

/**
 * Each gold cue is ranked against the spans around it and, as the tagger often finds only the
 * verb, against the spans around its verb alone ("said" for gold "said in a statement"); a start
 * from which the gold span cannot be reached is no decision.
 */
function rankingUnits(docs: readonly CueSpanDoc[]): RankingUnit[] {
  const units: RankingUnit[] = [];
  for (const { ctx, cues, free } of docs) {
    for (const cue of cues) {
      const head = headOf(ctx, cue.from, cue.to);
      const starts: Array<[number, number]> = [[cue.from, cue.to]];
      if (head >= 0 && (head !== cue.from || head + 1 !== cue.to)) starts.push([head, head + 1]);
      const mayTake = (i: number) => free(i) || (i >= cue.from && i < cue.to);
      for (const [from, to] of starts) {
        const cands = candidates(ctx, from, to, mayTake);
        let reachable = false;
        for (let j = 0; j < cands.length && !reachable; j += 2)
          reachable = cands[j] === cue.from && cands[j + 1] === cue.to;
        if (reachable) units.push({ ctx, cue, head, cands });
      }
    }
  }
  return units;
}

/**
 * Ranking perceptron (averaged, src/learn/perceptron.ts), decisions in document order every epoch,
 * so deterministic: when the best-scoring candidate is not the gold span, the gold span's features
 * go up and the chosen one's down.
 */
export function trainCueSpans(docs: readonly CueSpanDoc[], epochs = CUE_SPAN_EPOCHS): CueSpanModel {
  const ranker = new MulticlassPerceptron(1, hashedRows(BITS), 'f32');
  const gf = new Uint32Array(MAX_SPAN_FEATURES);
  const pf = new Uint32Array(MAX_SPAN_FEATURES);
  const units = rankingUnits(docs);
  runEpochs(units.length, { epochs, order: 'fixed', clock: ranker }, (u) => {
    const { ctx, cue, head, cands } = units[u];
    const [a, b] = bestSpan(ranker.weights.w, ctx, cands, pf);
    if (a === cue.from && b === cue.to) return;
    ranker.adjust(gf, spanFeatures(ctx, cue.from, cue.to, head, gf), 0, 1);
    ranker.adjust(pf, spanFeatures(ctx, a, b, headOf(ctx, a, b), pf), 0, -1);
  });
  return { weights: ranker.averaged() as Float32Array };
}

const HeaderSchema = z.object({ bits: z.literal(BITS) });

/** int8 weights against the largest one, in the one model file format (deterministic). */
export function serialiseCueSpans(model: CueSpanModel): Buffer {
  let max = 0;
  for (const v of model.weights) max = Math.max(max, Math.abs(v));
  const q = new Int8Array(model.weights.length);
  for (let i = 0; i < q.length; i++) q[i] = max > 0 ? Math.round((model.weights[i] / max) * 127) : 0;
  return encodeModel(MODEL_KIND, { bits: BITS }, { weights: q });
}

export function deserialiseCueSpans(bytes: Uint8Array): CueSpanModel {
  const file = decodeModel(bytes, MODEL_KIND, HeaderSchema);
  const weights = file.array('weights', 'i8');
  if (weights.length !== 1 << BITS) throw new Error(`cue-span model is truncated: ${weights.length} weights`);
  return { weights };
}

let loaded: CueSpanModel | null | undefined;

/** The committed cue-span model (or NEWSGRAPH_CUE_SPANS_MODEL), loaded once; null when not built. */
export function cueSpanModel(): CueSpanModel | null {
  if (loaded !== undefined) return loaded;
  const file = process.env.NEWSGRAPH_CUE_SPANS_MODEL ?? projectPath(CUE_SPANS_FILE);
  loaded = existsSync(file) ? deserialiseCueSpans(readFileSync(file)) : null;
  return loaded;
}
