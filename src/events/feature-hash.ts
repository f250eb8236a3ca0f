/*
 * The coder's feature hash (FNV-1a) and the argument tagger's per-word features hashed once per
 * sentence. Each typed trigger tags every word of its sentence, and the per-word features (those
 * that do not depend on the trigger) were rebuilt as strings and hashed again for every trigger:
 * a fifth of the events stage. The numbers are the same as hashing the feature strings.
 */

import { FNV_OFFSET, fnv1a, fnvOn } from '../util/hash.js';

/** FNV-1a of a string; never 0 (0 is the hidden key). */
export function hash(s: string): number {
  return fnv1a(s) || 1;
}

type Part = string | number | boolean;

/**
 * A feature's hash written as its string: h`l:${lemma}` is hash(`l:${lemma}`), read part by part
 * without building the string (up to three values).
 */
export function h(literals: TemplateStringsArray, a: Part, b?: Part, c?: Part): number {
  let state = fnvOn(fnvOn(FNV_OFFSET, literals[0]!), String(a));
  if (literals.length > 2) state = fnvOn(fnvOn(state, literals[1]!), String(b));
  if (literals.length > 3) state = fnvOn(fnvOn(state, literals[2]!), String(c));
  return fnvOn(state, literals[literals.length - 1]!) >>> 0 || 1;
}

/** Where a word is from the trigger: left, right, or the trigger itself. */
export type Side = 'L' | 'R' | 'T';
const SIDE_INDEX: Record<Side, number> = { L: 0, R: 1, T: 2 };
/** FNV states after each side's prefix `${side}|`, so a sided feature is hashed without building its string. */
const SIDE_STATE: Record<Side, number> = {
  L: fnvOn(FNV_OFFSET, 'L|'),
  R: fnvOn(FNV_OFFSET, 'R|'),
  T: fnvOn(FNV_OFFSET, 'T|'),
};
const BIAS = hash('b');

export function sideOf(d: number): Side {
  return d < 0 ? 'L' : d > 0 ? 'R' : 'T';
}

/** Slot of word x on a side in per-sentence caches of 3 slots a word. */
export function sideSlot(x: number, side: Side): number {
  return x * 3 + SIDE_INDEX[side];
}

const statHashes = new WeakMap<readonly (readonly string[])[], Array<number[] | undefined>>();

/**
 * The start of a word's argument features, hashed: the bias, then each per-word feature `f` as
 * `f` and `${side}|${f}`. Cached per per-word feature table (one a sentence) and side.
 */
export function staticArgHashes(
  stat: readonly (readonly string[])[],
  x: number,
  side: Side,
): readonly number[] {
  let cache = statHashes.get(stat);
  if (!cache) statHashes.set(stat, (cache = new Array<number[] | undefined>(stat.length * 3)));
  const slot = sideSlot(x, side);
  let out = cache[slot];
  if (!out) {
    out = [BIAS];
    const sided = SIDE_STATE[side];
    for (const f of stat[x]!) out.push(hash(f), fnvOn(sided, f) >>> 0 || 1);
    cache[slot] = out;
  }
  return out;
}
