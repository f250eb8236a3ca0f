/*
 * Feature hashing over integers: a string is hashed once (FNV-1a), and a feature made of several
 * parts (a template, a word, a tag) is a mix of their numbers, so a feature costs no string.
 */

/** FNV-1a's starting state. */
export const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a's prime: each step multiplies by it. */
const FNV_PRIME = 0x01000193;

/**
 * FNV-1a state after one more 16-bit symbol (a UTF-16 code unit, or a character class a shape
 * hash reads instead of the character); not yet made unsigned.
 */
export function fnvStep(h: number, symbol: number): number {
  return Math.imul(h ^ symbol, FNV_PRIME);
}

/** FNV-1a state after reading `s` from state `h` (not yet made unsigned: a feature may read on). */
export function fnvOn(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}

/** FNV-1a of a string, as an unsigned 32-bit number. */
export function fnv1a(s: string): number {
  return fnvOn(FNV_OFFSET, s) >>> 0;
}

/** FNV-1a of `s.slice(from, to)` (clamped as slice does), without making the slice. */
export function fnv1aRange(s: string, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = Math.max(0, from); i < Math.min(to, s.length); i++) h = fnvStep(h, s.charCodeAt(i));
  return h >>> 0;
}

/** A feature key from a template number and up to two parts: never 0 (the hidden key). */
export function mixKey(template: number, a: number, b = 0): number {
  let h = Math.imul(template + 1, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0 || 1;
}
