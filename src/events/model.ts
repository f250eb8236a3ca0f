import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { decodeModel, encodeModel } from '../learn/model-file.js';
import { projectPath } from '../util/data.js';
import { NUM_ARG_LABELS, NUM_TYPES } from './features.js';

/*
 * The event coder's learnt weights: a linear type classifier over hashed candidate features
 * (bucket × type) and a linear-chain argument tagger (bucket × label, label transitions), both
 * averaged perceptrons (see train.ts). Shipped as int8 weights with a scale, in the one model file
 * format (src/learn/model-file.ts).
 */

export const EVENTS_MODEL_FILE = 'models/events.bin';
const MODEL_KIND = 'events';

/** Weights as training produces them, or as loaded (int8 with a scale). */
export interface Weights {
  data: Float32Array | Int8Array;
  scale: number;
}

export interface EventModel {
  typeBits: number;
  argBits: number;
  type: Weights;
  arg: Weights;
  /** (labels + 1) × labels; the last row scores the first label. */
  trans: Float32Array;
  /** A candidate is an event when its best type beats NONE by more than this. */
  threshold: number;
  /** A sentence's events after its strongest need this margin (PLV-style sentences hold one main event). */
  secondary: number;
  /**
   * Trigger words (lower-cased forms and lemmas): those the typer scored near an event in its training
   * data, and the CAMEO dictionary's verbs it never saw. A sentence with none is not tagged (gate.ts).
   */
  vocabulary: readonly string[];
}

const HeaderSchema = z.object({
  typeBits: z.number().int().min(10).max(22),
  argBits: z.number().int().min(10).max(22),
  types: z.literal(NUM_TYPES),
  labels: z.literal(NUM_ARG_LABELS),
  typeScale: z.number().positive(),
  argScale: z.number().positive(),
  threshold: z.number(),
  secondary: z.number(),
  vocabulary: z.array(z.string()),
});

/** Scores of every type for one feature list. */
export function typeScores(
  model: EventModel,
  feats: readonly number[],
  out = new Float64Array(NUM_TYPES),
): Float64Array {
  const mask = (1 << model.typeBits) - 1;
  const { data, scale } = model.type;
  if (data instanceof Int8Array) {
    // Loaded weights are integers: their sums are exact in 32 bits as in doubles, and cheaper.
    // The rows are scattered over a table larger than the CPU caches: reading one byte of each first
    // lets their loads overlap instead of waiting for each in turn (scoring took 40% less time).
    let first = 0;
    for (const f of feats) first |= data[(f & mask) * NUM_TYPES]!;
    _touched |= first;
    typeSums.fill(0);
    for (const f of feats) {
      const base = (f & mask) * NUM_TYPES;
      for (let l = 0; l < NUM_TYPES; l++) typeSums[l] += data[base + l]!;
    }
    for (let l = 0; l < NUM_TYPES; l++) out[l] = typeSums[l]! * scale;
    return out;
  }
  out.fill(0);
  for (const f of feats) {
    const base = (f & mask) * NUM_TYPES;
    for (let l = 0; l < NUM_TYPES; l++) out[l] += data[base + l]!;
  }
  for (let l = 0; l < NUM_TYPES; l++) out[l] *= scale;
  return out;
}
const typeSums = new Int32Array(NUM_TYPES);
/** Keeps the row reads above from being optimised away. */
let _touched = 0;

/** Emission scores of one word's argument features. */
export function argScores(model: EventModel, feats: readonly number[], out: Float64Array, at: number): void {
  const mask = (1 << model.argBits) - 1;
  const { data, scale } = model.arg;
  for (const f of feats) {
    const base = (f & mask) * NUM_ARG_LABELS;
    for (let l = 0; l < NUM_ARG_LABELS; l++) out[at + l] += data[base + l]! * scale;
  }
}

/** I-S follows only B-S or I-S; I-T only B-T or I-T. */
function allowed(prev: number, cur: number): boolean {
  if (cur === 2) return prev === 1 || prev === 2;
  if (cur === 4) return prev === 3 || prev === 4;
  return true;
}

/** Constrained Viterbi over one sentence: `scores[x * L + l]`; words in `blocked` are forced to O. */
export function viterbi(
  trans: Float32Array,
  scores: Float64Array,
  n: number,
  blocked: Uint8Array,
): Uint8Array {
  const L = NUM_ARG_LABELS;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const delta = new Float64Array(n * L);
  const back = new Uint8Array(n * L);
  const emit = (x: number, l: number) => (blocked[x] && l !== 0 ? -Infinity : scores[x * L + l]!);
  for (let l = 0; l < L; l++)
    delta[l] = allowed(0, l) && l !== 2 && l !== 4 ? trans[L * L + l]! + emit(0, l) : -Infinity;
  for (let x = 1; x < n; x++) {
    for (let c = 0; c < L; c++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!allowed(p, c)) continue;
        const v = delta[(x - 1) * L + p]! + trans[p * L + c]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[x * L + c] = best + emit(x, c);
      back[x * L + c] = arg;
    }
  }
  let arg = 0;
  for (let c = 1; c < L; c++) if (delta[(n - 1) * L + c]! > delta[(n - 1) * L + arg]!) arg = c;
  for (let x = n - 1; x >= 0; x--) {
    out[x] = arg;
    arg = back[x * L + arg]!;
  }
  return out;
}

/** Float weights as int8 with a scale (the largest weight is ±127). */
export function quantise(a: Float32Array | Int8Array, scale: number): { data: Int8Array; scale: number } {
  if (a instanceof Int8Array) return { data: a, scale };
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]!));
  const s = max > 0 ? max / 127 : 1;
  const data = new Int8Array(a.length);
  for (let i = 0; i < a.length; i++) data[i] = Math.round(a[i]! / s);
  return { data, scale: s * scale };
}

/** The model file (deterministic): its settings and vocabulary, float32 transitions, int8 type and argument weights. */
export function serialiseEventModel(model: EventModel): Buffer {
  const type = quantise(model.type.data, model.type.scale);
  const arg = quantise(model.arg.data, model.arg.scale);
  const meta: z.infer<typeof HeaderSchema> = {
    typeBits: model.typeBits,
    argBits: model.argBits,
    types: NUM_TYPES,
    labels: NUM_ARG_LABELS,
    typeScale: type.scale,
    argScale: arg.scale,
    threshold: model.threshold,
    secondary: model.secondary,
    vocabulary: [...model.vocabulary],
  };
  return encodeModel(MODEL_KIND, meta, {
    trans: Float32Array.from(model.trans),
    type: type.data,
    arg: arg.data,
  });
}

/** Reads `serialiseEventModel` bytes; the weights are views into `bytes`. */
export function deserialiseEventModel(bytes: Uint8Array): EventModel {
  const file = decodeModel(bytes, MODEL_KIND, HeaderSchema);
  const h = file.meta;
  return {
    typeBits: h.typeBits,
    argBits: h.argBits,
    trans: file.array('trans', 'f32', (NUM_ARG_LABELS + 1) * NUM_ARG_LABELS),
    type: { data: file.array('type', 'i8', (1 << h.typeBits) * NUM_TYPES), scale: h.typeScale },
    arg: { data: file.array('arg', 'i8', (1 << h.argBits) * NUM_ARG_LABELS), scale: h.argScale },
    threshold: h.threshold,
    secondary: h.secondary,
    vocabulary: h.vocabulary,
  };
}

const vocabularies = new WeakMap<readonly string[], Set<string>>();

/** The model's trigger vocabulary as a set (built once per vocabulary). */
export function vocabularyOf(model: EventModel): ReadonlySet<string> {
  let set = vocabularies.get(model.vocabulary);
  if (!set) vocabularies.set(model.vocabulary, (set = new Set(model.vocabulary)));
  return set;
}

let loaded: EventModel | undefined;

/** The committed model (or the file in NEWSGRAPH_EVENTS_MODEL), loaded once on first use. */
export function eventModel(): EventModel {
  if (loaded) return loaded;
  const file = process.env.NEWSGRAPH_EVENTS_MODEL ?? projectPath(EVENTS_MODEL_FILE);
  if (!existsSync(file)) throw new Error(`events model ${file} is missing: run \`npm run train:events\``);
  loaded = deserialiseEventModel(readFileSync(file));
  return loaded;
}

/** Replaces the loaded model (cross-validation trains one per fold in the same process). */
export function useEventModel(model: EventModel | undefined): void {
  loaded = model;
}
