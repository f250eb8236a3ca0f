import { fnv1a } from '../../util/hash.js';

/**
 * MinHash signatures and LSH band keys over a set of words: two sets share a band key with
 * probability 1 - (1 - J^rows)^bands for Jaccard similarity J. Seeds are fixed, so keys are the
 * same in every process and a batch build finds the same candidates as incremental adds.
 */

/** FNV-1a, 32 bits. */
export const hashWord = fnv1a;

/** A 32-bit mix of a hash with a seed (murmur3 finaliser). */
function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export interface LshShape {
  bands: number;
  rows: number;
}

const SEEDS: number[] = [];
function seed(i: number): number {
  while (SEEDS.length <= i) SEEDS.push(mix(SEEDS.length + 1, 0x9e3779b9));
  return SEEDS[i];
}

const TWO_32 = 4294967296;

/** A 53-bit key from two 32-bit hashes (exact as a JavaScript number, cheap as a Map key). */
function key53(hi: number, lo: number): number {
  return (hi >>> 11) * TWO_32 + (lo >>> 0);
}

/** Band keys of a word set: one number per band; none for an empty set. */
export function bandKeys(words: Iterable<string>, shape: LshShape): number[] {
  const hashes = [...new Set(words)].map(hashWord);
  if (hashes.length === 0) return [];
  const keys: number[] = [];
  for (let b = 0; b < shape.bands; b++) {
    let hi = mix(b, 0x243f6a88);
    let lo = mix(b, 0x85a308d3);
    for (let r = 0; r < shape.rows; r++) {
      const s = seed(b * shape.rows + r);
      let min = 0xffffffff;
      for (const h of hashes) {
        const v = mix(h, s);
        if (v < min) min = v;
      }
      hi = mix(hi ^ min, 0x13198a2e);
      lo = mix(lo ^ min, 0x03707344);
    }
    keys.push(key53(hi, lo));
  }
  return keys;
}

/** A band key moved into a namespace (a speaker block): same key, same namespace, same result. */
export function namespacedKey(namespace: string, key: number): number {
  const ns = hashWord(namespace);
  const hi = Math.floor(key / TWO_32);
  const lo = key % TWO_32;
  return key53(mix(hi ^ ns, 0xa4093822), mix(lo ^ ns, 0x299f31d0));
}
