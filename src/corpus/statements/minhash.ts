/**
 * MinHash signatures and LSH band keys over a set of words: two sets share a band key with
 * probability 1 - (1 - J^rows)^bands for Jaccard similarity J. Seeds are fixed, so keys are the
 * same in every process and a batch build finds the same candidates as incremental adds.
 */

/** FNV-1a, 32 bits. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

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

/** Band keys of a word set: one string per band, "" for an empty set (no key). */
export function bandKeys(words: Iterable<string>, shape: LshShape): string[] {
  const hashes = [...new Set(words)].map(hashWord);
  if (hashes.length === 0) return [];
  const keys: string[] = [];
  for (let b = 0; b < shape.bands; b++) {
    let key = `${b}`;
    for (let r = 0; r < shape.rows; r++) {
      const s = seed(b * shape.rows + r);
      let min = 0xffffffff;
      for (const h of hashes) {
        const v = mix(h, s);
        if (v < min) min = v;
      }
      key += ':' + min.toString(36);
    }
    keys.push(key);
  }
  return keys;
}
