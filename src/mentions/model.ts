import { z } from 'zod';
import { decodeModel, encodeModel } from '../learn/model-file.js';
import type { Scorer } from './decode.js';
import { FrozenTable } from './frozen-table.js';
import { Gazetteer, type Lexicon } from './lexicon.js';
import { NER_TYPES, TAG_COUNT } from './tags.js';

const MODEL_KIND = 'NER';
export const MODEL_VERSION = 1;

const HeaderSchema = z.object({
  version: z.literal(MODEL_VERSION),
  types: z.array(z.string()),
  tagCount: z.number().int(),
  /** Weight = stored int16 × scale. */
  scale: z.number().positive(),
  features: z.number().int().nonnegative(),
  gazNames: z.number().int().nonnegative(),
  gazPrefixes: z.number().int().nonnegative(),
  casing: z.number().int().nonnegative(),
  nameWords: z.number().int().nonnegative(),
  /** Free-form provenance (training data, epochs, seed). */
  trainedOn: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ModelHeader = z.infer<typeof HeaderSchema>;

/**
 * The trained tagger: averaged-perceptron weights, quantised to int16, in an open-addressing hash
 * table keyed by feature hash, plus the lexicon the features read.
 */
export class NerModel implements Scorer {
  /** Open addressing: slot p holds the feature key at 2p and its weight-row offset at 2p+1. */
  private readonly table: Uint32Array;
  private readonly mask: number;

  constructor(
    readonly header: ModelHeader,
    readonly keys: Uint32Array,
    readonly weights: Int16Array,
    readonly lexicon: Lexicon,
  ) {
    let cap = 1;
    while (cap < keys.length * 2) cap <<= 1;
    this.table = new Uint32Array(cap * 2);
    this.mask = cap - 1;
    for (let r = 0; r < keys.length; r++) {
      let p = keys[r] & this.mask;
      while (this.table[2 * p] !== 0) p = (p + 1) & this.mask;
      this.table[2 * p] = keys[r];
      this.table[2 * p + 1] = r * TAG_COUNT;
    }
  }

  addScores(features: Uint32Array, count: number, scores: Float64Array): void {
    const { table, mask, weights } = this;
    for (let f = 0; f < count; f++) {
      const key = features[f];
      let p = key & mask;
      let slot: number;
      while ((slot = table[2 * p]) !== 0 && slot !== key) p = (p + 1) & mask;
      if (slot === 0) continue;
      const base = table[2 * p + 1];
      for (let t = 0; t < TAG_COUNT; t++) scores[t] += weights[base + t];
    }
  }

  /** Serialises to the committed model file format (src/learn/model-file.ts), deterministic. */
  toBuffer(): Buffer {
    const g = this.lexicon.gazetteer;
    const names = [...g.names.entries()].sort((a, b) => a[0] - b[0]);
    const prefixes = [...g.prefixes.keys()].sort((a, b) => a - b);
    const casing = [...this.lexicon.casing.entries()].sort((a, b) => a[0] - b[0]);
    const nameWords = [...this.lexicon.nameWords.entries()].sort((a, b) => a[0] - b[0]);
    const header: ModelHeader = {
      ...this.header,
      features: this.keys.length,
      gazNames: names.length,
      gazPrefixes: prefixes.length,
      casing: casing.length,
      nameWords: nameWords.length,
    };
    return encodeModel(MODEL_KIND, header, {
      keys: this.keys,
      weights: this.weights,
      nameKeys: Uint32Array.from(names, (e) => e[0]),
      nameMasks: Uint8Array.from(names, (e) => e[1]),
      prefixes: Uint32Array.from(prefixes),
      caseKeys: Uint32Array.from(casing, (e) => e[0]),
      caseValues: Uint8Array.from(casing, (e) => e[1]),
      nameWordKeys: Uint32Array.from(nameWords, (e) => e[0]),
      nameWordMasks: Uint8Array.from(nameWords, (e) => e[1]),
    });
  }

  /** Reads `toBuffer` bytes; the typed arrays view the buffer in place. */
  static fromBuffer(bytes: Uint8Array): NerModel {
    const file = decodeModel(bytes, MODEL_KIND, HeaderSchema);
    const h = file.meta;
    if (h.tagCount !== TAG_COUNT || h.types.join() !== NER_TYPES.join()) {
      throw new Error('NER model: tag set differs from this version of the code');
    }
    const nameKeys = file.array('nameKeys', 'u32', h.gazNames);
    const nameMasks = file.array('nameMasks', 'u8', h.gazNames);
    const caseKeys = file.array('caseKeys', 'u32', h.casing);
    const caseValues = file.array('caseValues', 'u8', h.casing);
    const nameWordKeys = file.array('nameWordKeys', 'u32', h.nameWords);
    const nameWordMasks = file.array('nameWordMasks', 'u8', h.nameWords);
    // Typed-array tables, not Maps: a few objects each in the start-up snapshot (frozen-table.ts).
    const gazetteer = new Gazetteer(
      new FrozenTable(nameKeys, nameMasks),
      new FrozenTable(file.array('prefixes', 'u32', h.gazPrefixes)),
    );
    const casing = new FrozenTable(caseKeys, caseValues);
    const nameWords = new FrozenTable(nameWordKeys, nameWordMasks);
    const keys = file.array('keys', 'u32', h.features);
    const weights = file.array('weights', 'i16', h.features * TAG_COUNT);
    return new NerModel(h, keys, weights, { gazetteer, nameWords, casing });
  }
}
