import { afterEach, beforeEach } from 'vitest';
import type { Store } from '../types.js';
import { AGREED_EVENT, fixtureAnalysis } from '../fixtures.js';

/** What each part of the store contract is given: the fresh store of the running test. */
export interface SuiteContext {
  readonly store: Store;
}

/** A fresh store for every test, closed after it. */
export function freshStorePerTest(makeStore: () => Promise<Store>): SuiteContext {
  const ctx = { store: undefined as unknown as Store };
  beforeEach(async () => {
    ctx.store = await makeStore();
  });
  afterEach(async () => {
    await ctx.store.close();
  });
  return ctx;
}

/** A signature of `n` slots of which the first `same` equal `base`'s: a known Jaccard estimate. */
export function signature(base: number, same: number, n = 64): Uint32Array {
  const sig = new Uint32Array(n);
  for (let i = 0; i < n; i++) sig[i] = i < same ? base * 1000 + i : 900_000 + Math.floor(Math.random() * 1e6);
  return sig;
}

export const WIRE =
  'Minister Ana Lopes said "we will open the border on Monday" after talks in Valmora. Officials agreed.';
export const WIRE_EDITED =
  'Minister Ana Lopes said "we will open the border on Monday" after talks in Valmora. Officials agreed too.';

export const wireAnalysis = () =>
  fixtureAnalysis(WIRE, {
    meta: { title: 'Border to reopen', outlet: 'Wire', published: '2025-04-03' },
    quote: { speaker: 'Ana Lopes', cue: 'said', content: 'we will open the border on Monday' },
    event: AGREED_EVENT,
  });
