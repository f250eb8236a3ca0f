import { gunzipSync, gzipSync } from 'node:zlib';
import { endianness } from 'node:os';
import { z } from 'zod';
import type { Scorer } from './decode.js';
import { Gazetteer, type Lexicon } from './lexicon.js';
import { NER_TYPES, TAG_COUNT } from './tags.js';

const MAGIC = 'NGNER1\n';
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

  /** Serialises to the committed binary format: magic, JSON header, little-endian arrays, gzipped. */
  toBuffer(): Buffer {
    const g = this.lexicon.gazetteer;
    const names = [...g.names.entries()].sort((a, b) => a[0] - b[0]);
    const prefixes = [...g.prefixes].sort((a, b) => a - b);
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
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(headerBytes.length);
    const u32 = (values: ArrayLike<number>) => Buffer.from(Uint32Array.from(values).buffer);
    const u8 = (values: ArrayLike<number>) => Buffer.from(Uint8Array.from(values).buffer);
    const body = Buffer.concat([
      Buffer.from(MAGIC, 'latin1'),
      len,
      headerBytes,
      u32(this.keys),
      Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength),
      u32(names.map((e) => e[0])),
      u8(names.map((e) => e[1])),
      u32(prefixes),
      u32(casing.map((e) => e[0])),
      u8(casing.map((e) => e[1])),
      u32(nameWords.map((e) => e[0])),
      u8(nameWords.map((e) => e[1])),
    ]);
    return gzipSync(body, { level: 9 });
  }

  static fromBuffer(compressed: Buffer): NerModel {
    if (endianness() !== 'LE') throw new Error('NER model: big-endian hosts are not supported');
    let buf: Buffer;
    try {
      buf = gunzipSync(compressed);
    } catch (err) {
      throw new Error(`NER model: not a gzip file (${(err as Error).message})`);
    }
    if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('NER model: bad magic');
    let off = MAGIC.length;
    const headerLen = buf.readUInt32LE(off);
    off += 4;
    const parsed = HeaderSchema.safeParse(JSON.parse(buf.toString('utf8', off, off + headerLen)));
    if (!parsed.success) throw new Error(`NER model: bad header: ${parsed.error.issues[0]?.message}`);
    const h = parsed.data;
    if (h.tagCount !== TAG_COUNT || h.types.join() !== NER_TYPES.join()) {
      throw new Error('NER model: tag set differs from this version of the code');
    }
    off += headerLen;
    const take = (bytes: number) => {
      if (off + bytes > buf.length) throw new Error('NER model: truncated');
      const copy = new Uint8Array(bytes);
      copy.set(buf.subarray(off, off + bytes));
      off += bytes;
      return copy.buffer;
    };
    const keys = new Uint32Array(take(h.features * 4));
    const weights = new Int16Array(take(h.features * TAG_COUNT * 2));
    const nameKeys = new Uint32Array(take(h.gazNames * 4));
    const nameMasks = new Uint8Array(take(h.gazNames));
    const prefixes = new Uint32Array(take(h.gazPrefixes * 4));
    const caseKeys = new Uint32Array(take(h.casing * 4));
    const caseValues = new Uint8Array(take(h.casing));
    const nameWordKeys = new Uint32Array(take(h.nameWords * 4));
    const nameWordMasks = new Uint8Array(take(h.nameWords));
    const gazetteer = new Gazetteer();
    for (let i = 0; i < nameKeys.length; i++) gazetteer.names.set(nameKeys[i], nameMasks[i]);
    for (const p of prefixes) gazetteer.prefixes.add(p);
    const casing = new Map<number, number>();
    for (let i = 0; i < caseKeys.length; i++) casing.set(caseKeys[i], caseValues[i]);
    const nameWords = new Map<number, number>();
    for (let i = 0; i < nameWordKeys.length; i++) nameWords.set(nameWordKeys[i], nameWordMasks[i]);
    return new NerModel(h, keys, weights, { gazetteer, nameWords, casing });
  }
}
