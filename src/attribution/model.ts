import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { decodeModel, encodeModel } from '../learn/model-file.js';
import { projectPath } from '../util/data.js';
import {
  buildContext,
  featuresAt,
  MAX_FEATURES,
  NUM_LABELS,
  prevContext,
  type DocContext,
} from './features.js';
import type { Quotation, Sentence, Token } from '../model/index.js';

/** One linear-chain tagger: hashed emission weights (bucket × label) and label transitions. */
export interface TaggerWeights {
  emit: Float32Array;
  /** (NUM_LABELS + 1) × NUM_LABELS; the last row scores the first label of a segment. */
  trans: Float32Array;
}

/** A trained model in full precision, as training produces it. */
export interface TrainedModel {
  bits: number;
  passes: TaggerWeights[];
}

/** One pass as shipped: int8 emission weights (a quarter of the memory, fewer cache misses) and a scale. */
export interface PackedTagger {
  emit: Int8Array;
  scale: number;
  trans: Float32Array;
}

/** The attribution model: a first-pass tagger and a stacked second pass that sees its tags. */
export interface AttributionModel {
  bits: number;
  passes: PackedTagger[];
}

export const MODEL_FILE = 'models/attribution.bin';
const MODEL_KIND = 'attribution';

const HeaderSchema = z.object({
  bits: z.number().int().min(10).max(24),
  labels: z.literal(NUM_LABELS),
  passes: z
    .array(z.object({ scale: z.number().positive() }))
    .min(1)
    .max(4),
});

/** I-X may only follow B-X or I-X: a transition mask applied in decoding. */
const ALLOWED = (() => {
  const a = new Uint8Array((NUM_LABELS + 1) * NUM_LABELS);
  for (let p = 0; p <= NUM_LABELS; p++) {
    for (let c = 0; c < NUM_LABELS; c++) {
      const isInside = c === 2 || c === 4 || c === 6;
      a[p * NUM_LABELS + c] = !isInside || p === c - 1 || p === c ? 1 : 0;
    }
  }
  return a;
})();

/** Hashed features of every token: `feats[i * MAX_FEATURES + j]`, `count[i]` used. */
export interface FeatureTable {
  feats: Uint32Array;
  count: Uint8Array;
}

export function featureTable(ctx: DocContext, prevLabels: Uint8Array | null, bits: number): FeatureTable {
  const prev = prevLabels ? prevContext(ctx, prevLabels) : null;
  const feats = new Uint32Array(ctx.n * MAX_FEATURES);
  const count = new Uint8Array(ctx.n);
  const mask = (1 << bits) - 1;
  const buf = new Uint32Array(MAX_FEATURES);
  for (let i = 0; i < ctx.n; i++) {
    const k = featuresAt(ctx, i, prev, buf);
    count[i] = k;
    for (let j = 0; j < k; j++) feats[i * MAX_FEATURES + j] = (buf[j] & mask) * NUM_LABELS;
  }
  return { feats, count };
}

/** Emission scores of tokens [from, to) into `scores` (local index × label). */
export function emissions(w: TaggerWeights, table: FeatureTable, from: number, to: number): Float32Array {
  const scores = new Float32Array((to - from) * NUM_LABELS);
  const { emit } = w;
  for (let i = from; i < to; i++) {
    const base = (i - from) * NUM_LABELS;
    const c = table.count[i];
    for (let j = 0; j < c; j++) {
      const f = table.feats[i * MAX_FEATURES + j];
      for (let l = 0; l < NUM_LABELS; l++) scores[base + l] += emit[f + l];
    }
  }
  return scores;
}

/**
 * Constrained Viterbi over one segment; writes the best labels into `out[from..to)`. The score of
 * token t and label l is `scores[(t - offset) * NUM_LABELS + l]`.
 */
export function viterbi(
  trans: Float32Array,
  scores: Float32Array,
  offset: number,
  from: number,
  to: number,
  out: Uint8Array,
): void {
  const len = to - from;
  if (len <= 0) return;
  const L = NUM_LABELS;
  const delta = new Float64Array(len * L);
  const back = new Uint8Array(len * L);
  const base = (from - offset) * L;
  for (let c = 0; c < L; c++) {
    delta[c] = ALLOWED[L * L + c] ? trans[L * L + c] + scores[base + c] : -Infinity;
  }
  for (let t = 1; t < len; t++) {
    for (let c = 0; c < L; c++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!ALLOWED[p * L + c]) continue;
        const v = delta[(t - 1) * L + p] + trans[p * L + c];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[t * L + c] = best + scores[base + t * L + c];
      back[t * L + c] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let c = 0; c < L; c++) {
    if (delta[(len - 1) * L + c] > best) {
      best = delta[(len - 1) * L + c];
      arg = c;
    }
  }
  for (let t = len - 1; t >= 0; t--) {
    out[from + t] = arg;
    arg = back[t * L + arg];
  }
}

/** Decoding segments: paragraphs, as token ranges. Attributions in news rarely cross them. */
export function segments(sentences: readonly Sentence[], n: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!sentences.length) return n ? [[0, n]] : [];
  let start = sentences[0].tokenStart;
  let para = sentences[0].paragraph;
  let end = start;
  for (const s of sentences) {
    if (s.paragraph !== para) {
      out.push([start, end]);
      start = s.tokenStart;
      para = s.paragraph;
    }
    end = s.tokenEnd;
  }
  out.push([start, end]);
  return out;
}

/** Emission scores of every token under a packed pass, computed straight from the features. */
export function packedScores(
  pass: PackedTagger,
  ctx: DocContext,
  prev: Uint8Array | null,
  bits: number,
): Float32Array {
  const L = NUM_LABELS;
  const mask = (1 << bits) - 1;
  const buf = new Uint32Array(MAX_FEATURES);
  const acc = new Int32Array(L);
  const scores = new Float32Array(ctx.n * L);
  const prevCtx = prev ? prevContext(ctx, prev) : null;
  const { emit, scale } = pass;
  for (let i = 0; i < ctx.n; i++) {
    const k = featuresAt(ctx, i, prevCtx, buf);
    acc.fill(0);
    for (let j = 0; j < k; j++) {
      const f = (buf[j] & mask) * L;
      for (let l = 0; l < L; l++) acc[l] += emit[f + l];
    }
    for (let l = 0; l < L; l++) scores[i * L + l] = acc[l] * scale;
  }
  return scores;
}

/** Tags a tokenised text with every pass of the model; returns the final label per token. */
export function tagTokens(
  model: AttributionModel,
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  quotations: readonly Quotation[],
): { labels: Uint8Array; ctx: DocContext } {
  const ctx = buildContext(text, tokens, sentences, quotations);
  const segs = segments(sentences, tokens.length);
  let prev: Uint8Array | null = null;
  let labels = new Uint8Array(tokens.length);
  for (const pass of model.passes) {
    const scores = packedScores(pass, ctx, prev, model.bits);
    labels = new Uint8Array(tokens.length);
    for (const [from, to] of segs) viterbi(pass.trans, scores, 0, from, to, labels);
    prev = labels;
  }
  return { labels, ctx };
}

/**
 * int8 quantisation against the largest weight: weights under 1/254 of it round to zero (most of
 * them are hash collisions and rare features). On dev this loses nothing against float weights,
 * shrinks the file fourfold and keeps the table small enough for the CPU cache.
 */
function quantise(a: Float32Array): { data: Int8Array; scale: number } {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]));
  const scale = max > 0 ? max / 127 : 1;
  const data = new Int8Array(a.length);
  for (let i = 0; i < a.length; i++) data[i] = Math.round(a[i] / scale);
  return { data, scale };
}

/**
 * Serialises the model in the one model file format (src/learn/model-file.ts), deterministic: the
 * settings in the header, each pass's float32 transitions and int8 emission weights as arrays.
 */
export function serialiseModel(model: TrainedModel): Buffer {
  const arrays: Record<string, Float32Array | Int8Array> = {};
  const passes = model.passes.map((p, k) => {
    const e = quantise(p.emit);
    arrays[`trans${k}`] = Float32Array.from(p.trans);
    arrays[`emit${k}`] = e.data;
    return { scale: e.scale };
  });
  return encodeModel(MODEL_KIND, { bits: model.bits, labels: NUM_LABELS, passes }, arrays);
}

/** Reads `serialiseModel` bytes; the weights view the buffer in place. */
export function deserialiseModel(bytes: Uint8Array): AttributionModel {
  const file = decodeModel(bytes, MODEL_KIND, HeaderSchema);
  const { bits, passes } = file.meta;
  const emitLen = (1 << bits) * NUM_LABELS;
  const transLen = (NUM_LABELS + 1) * NUM_LABELS;
  return {
    bits,
    passes: passes.map((p, k): PackedTagger => ({
      trans: file.array(`trans${k}`, 'f32', transLen),
      emit: file.array(`emit${k}`, 'i8', emitLen),
      scale: p.scale,
    })),
  };
}

let loaded: AttributionModel | undefined;

/** The committed model (or the file in NEWSGRAPH_ATTRIBUTION_MODEL), loaded once on first use. */
export function attributionModel(): AttributionModel {
  if (loaded) return loaded;
  const file = process.env.NEWSGRAPH_ATTRIBUTION_MODEL ?? projectPath(MODEL_FILE);
  if (!existsSync(file)) {
    throw new Error(`attribution model ${file} is missing: run \`npm run train:attribution\``);
  }
  loaded = deserialiseModel(readFileSync(file));
  return loaded;
}
