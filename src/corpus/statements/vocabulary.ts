/**
 * The words of reports as numbers, and what matching reads of each word: its inverse article
 * frequency (data/statements/idf.json), its stem, its word-vector row.
 */
import { z } from 'zod';
import { loadData } from '../../util/data.js';
import { hashWord } from './minhash.js';
import { vectorRows } from './paraphrase.js';

const IdfSchema = z.object({
  about: z.string(),
  articles: z.number().int().positive(),
  df: z.record(z.string(), z.number()),
});
let idfTable: { articles: number; df: Map<string, number> } | undefined;

/** Inverse article frequency of a word (data/statements/idf.json); unseen words count as rarest. */
export function idf(word: string): number {
  if (!idfTable) {
    const raw = loadData('statements/idf.json', IdfSchema);
    idfTable = { articles: raw.articles, df: new Map(Object.entries(raw.df)) };
  }
  return Math.log((idfTable.articles + 1) / ((idfTable.df.get(word) ?? 0) + 1));
}

/**
 * A light English suffix stripper, so inflections of one word compare equal ("bans", "banned",
 * "banning" → "ban"; "muslims" → "muslim"); stems are only compared, never shown.
 */
export function stem(word: string): string {
  let w = word.replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && /(ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const suffix = /(ing|ed)$/.exec(w);
  if (suffix && w.length - suffix[0].length >= 3) {
    w = w.slice(0, -suffix[0].length);
    if (/([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  }
  return w;
}

/**
 * Word → small integer, shared by the profiles of one index so words compare as numbers; it also
 * keeps what a profile needs of each content word (idf, vector row, stem), computed once per word
 * rather than at every comparison.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private idfs = new Float64Array(256);
  private rows = new Int32Array(256);
  private stems = new Uint32Array(256);
  private known = new Uint8Array(256);
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      this.ids.set(word, (id = this.words.length));
      this.words.push(word);
    }
    return id;
  }
  /** The word of an id this vocabulary gave out. */
  word(id: number): string {
    return this.words[id];
  }
  get size(): number {
    return this.words.length;
  }
  /** The word's inverse article frequency (see `idf`). */
  idf(id: number): number {
    return this.facts(id).idfs[id];
  }
  /** The word's row in the word vectors, or -1. */
  vectorRow(id: number): number {
    return this.facts(id).rows[id];
  }
  /** The hash of the word's stem (see `stem`). */
  stemHash(id: number): number {
    return this.facts(id).stems[id];
  }
  private facts(id: number): this {
    if (id >= this.known.length) {
      const length = Math.max(id + 1, this.known.length * 2);
      const grow = <T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.idfs = grow(this.idfs, new Float64Array(length));
      this.rows = grow(this.rows, new Int32Array(length));
      this.stems = grow(this.stems, new Uint32Array(length));
      this.known = grow(this.known, new Uint8Array(length));
    }
    if (!this.known[id]) {
      const w = this.words[id];
      this.idfs[id] = idf(w);
      this.rows[id] = vectorRows([w])[0];
      this.stems[id] = hashWord(stem(w));
      this.known[id] = 1;
    }
    return this;
  }
}
