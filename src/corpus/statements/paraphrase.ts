/**
 * Paraphrase similarity from word vectors (data/statements/vectors.json, built by
 * scripts/statements/build-vectors.ts): how much of one report's content, weighted by inverse
 * article frequency, has a word of like meaning in the other ("barring" ~ "ban", "proposed" ~
 * "called"). Words without a vector count only when the same word is on the other side.
 */
import { z } from 'zod';
import { loadData } from '../../util/data.js';

const VectorsSchema = z.object({
  about: z.string(),
  dims: z.number().int().positive(),
  words: z.array(z.string()),
  vectors: z.string(),
});

interface Table {
  dims: number;
  index: Map<string, number>;
  /** int8 components, row after row, and each row's length. */
  rows: Int8Array;
  norms: Float32Array;
}
let table: Table | undefined;

function vectors(): Table {
  if (table) return table;
  const raw = loadData('statements/vectors.json', VectorsSchema);
  const buf = Buffer.from(raw.vectors, 'base64');
  const rows = new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  if (rows.length !== raw.words.length * raw.dims)
    throw new Error(`statements/vectors.json: ${rows.length} components for ${raw.words.length} words`);
  const norms = new Float32Array(raw.words.length);
  for (let w = 0; w < norms.length; w++) {
    let s = 0;
    for (let k = 0; k < raw.dims; k++) s += rows[w * raw.dims + k] ** 2;
    norms[w] = Math.sqrt(s) || 1;
  }
  table = { dims: raw.dims, index: new Map(raw.words.map((w, i) => [w, i])), rows, norms };
  return table;
}

/** The vector row of each word, or -1 when it has none. */
export function vectorRows(words: readonly string[]): Int32Array {
  const { index } = vectors();
  return Int32Array.from(words, (w) => index.get(w) ?? -1);
}

/** Cosines below this count as no counterpart (most unrelated word pairs sit below it). */
export const PARAPHRASE_FLOOR = 0.5;

function cosine(t: Table, x: number, y: number): number {
  let s = 0;
  const ox = x * t.dims;
  const oy = y * t.dims;
  for (let k = 0; k < t.dims; k++) s += t.rows[ox + k] * t.rows[oy + k];
  return s / (t.norms[x] * t.norms[y]);
}

export interface ParaphraseSide {
  words: readonly string[];
  weights: readonly number[];
  rows: Int32Array;
}

/** Weighted share of `a`'s words with a counterpart in `b`: 1 for the same word, else the best cosine above the floor. */
export function coveredBy(a: ParaphraseSide, b: ParaphraseSide): number {
  const t = vectors();
  let covered = 0;
  let total = 0;
  for (let i = 0; i < a.words.length; i++) {
    let best = 0;
    for (let j = 0; j < b.words.length && best < 1; j++) {
      if (a.words[i] === b.words[j]) best = 1;
      else if (a.rows[i] >= 0 && b.rows[j] >= 0) {
        const c = cosine(t, a.rows[i], b.rows[j]);
        if (c >= PARAPHRASE_FLOOR && c > best) best = c;
      }
    }
    covered += a.weights[i] * best;
    total += a.weights[i];
  }
  return total > 0 ? covered / total : 0;
}

/** The paraphrase similarity of two reports: the lesser of the two coverages. */
export function paraphrase(a: ParaphraseSide, b: ParaphraseSide): number {
  return Math.min(coveredBy(a, b), coveredBy(b, a));
}
