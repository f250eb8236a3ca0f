import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { winkEnglish } from './wink-model.js';

const require = createRequire(import.meta.url);

interface Core {
  lexicon: Uint32Array;
  xpansions: Uint32Array;
  packing: { efList: string[]; layout: Record<string, number[]> };
  features: Record<string, { list: unknown[]; hash?: Record<string, number>; index?: number }>;
}
type Loader = () => unknown;

describe('winkEnglish', () => {
  // The package's own model, as wink documents using it.
  const pkg = require('wink-eng-lite-web-model') as Record<string, unknown>;
  const { winkNLP, model } = winkEnglish();
  const ours = model as unknown as Record<string, unknown>;

  it('is the package model part for part, with its own core loader', () => {
    expect(Object.keys(ours)).toEqual(Object.keys(pkg));
    for (const key of Object.keys(pkg))
      if (key !== 'core' && key !== 'addons') expect(ours[key]).toBe(pkg[key]);
    expect(ours.addons).toEqual(pkg.addons);
  });

  it('reads the same core model as the package', { timeout: 60_000 }, () => {
    const mine = (ours.core as Loader)() as Core;
    const theirs = (pkg.core as Loader)() as Core;
    expect(Buffer.from(mine.lexicon.buffer).equals(Buffer.from(theirs.lexicon.buffer))).toBe(true);
    expect(Buffer.from(mine.xpansions.buffer).equals(Buffer.from(theirs.xpansions.buffer))).toBe(true);
    expect(mine.packing).toEqual(theirs.packing);
    for (const name of Object.keys(theirs.features)) {
      const a = mine.features[name]!;
      const b = theirs.features[name]!;
      expect({ ...a, hash: undefined }, name).toEqual({ ...b, hash: undefined });
      expect(Object.entries(a.hash ?? {}), name).toEqual(Object.entries(b.hash ?? {}));
    }
    const rest = (c: Core) => ({ ...c, lexicon: 0, xpansions: 0, packing: 0, features: 0 });
    expect(rest(mine)).toEqual(rest(theirs));
  });

  it('tags text as an engine on the package model does', () => {
    const text = 'The mayors met in Lyon on Tuesday; the talks, she said, were "frank and useful".';
    const tags = (m: unknown) => {
      const nlp = winkNLP(m as Parameters<typeof winkNLP>[0], ['pos']);
      const doc = nlp.readDoc(text);
      return [
        doc.tokens().out(nlp.its.value),
        doc.tokens().out(nlp.its.pos),
        doc.tokens().out(nlp.its.lemma as Parameters<ReturnType<typeof doc.tokens>['out']>[0]),
      ];
    };
    expect(tags(model)).toEqual(tags(pkg));
  });
});
