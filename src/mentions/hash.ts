/*
 * Feature identities are 32-bit hashes: strings (word forms, shapes, affixes) are hashed once per
 * token, and templates combine those numbers with `mix`, so feature extraction builds no strings.
 */
import { fnv1a } from '../util/hash.js';

/** FNV-1a (src/util/hash.ts) of `s`; never returns 0 (0 marks empty table slots). */
export function hashString(s: string): number {
  return fnv1a(s) || 1;
}

/** Order-sensitive combination of two 32-bit values (murmur3 finaliser over a multiply-xor step). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0xcc9e2d51) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

export { seededRandom } from '../util/random.js';
