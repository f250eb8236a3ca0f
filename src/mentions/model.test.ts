import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from '../text/index.js';
import { NerModel } from './model.js';
import { findEntities, loadNerModel } from './tagger.js';
import {
  ALLOWED,
  TAG_COUNT,
  TAG_O,
  allowed,
  entitiesFromTags,
  tagOf,
  tagsFromEntities,
  POS_B,
  POS_L,
  POS_U,
} from './tags.js';
import { Gazetteer } from './lexicon.js';

describe('BILOU tags', () => {
  it('round-trips entities through tags', () => {
    const entities = [
      { first: 0, end: 2, type: 0 },
      { first: 3, end: 4, type: 2 },
      { first: 5, end: 8, type: 1 },
    ];
    const tags = new Uint8Array(9);
    tagsFromEntities(entities, tags);
    expect(entitiesFromTags(tags, 0, 9)).toEqual(entities);
  });

  it('forbids ill-formed sequences and open entities at a sentence end', () => {
    expect(allowed(TAG_O, tagOf(0, POS_L), false)).toBe(false);
    expect(allowed(tagOf(0, POS_B), tagOf(1, POS_L), false)).toBe(false);
    expect(allowed(tagOf(0, POS_B), tagOf(0, POS_L), false)).toBe(true);
    expect(allowed(tagOf(0, POS_B), TAG_O, false)).toBe(false);
    expect(allowed(TAG_O, tagOf(0, POS_B), true)).toBe(false);
    expect(allowed(TAG_O, tagOf(0, POS_U), true)).toBe(true);
    // The lookup table agrees with the function, the start symbol acting as O.
    for (let prev = 0; prev <= TAG_COUNT; prev++)
      for (let t = 0; t < TAG_COUNT; t++)
        for (const last of [false, true])
          expect(ALLOWED[(prev * TAG_COUNT + t) * 2 + (last ? 1 : 0)] === 1).toBe(
            allowed(prev === TAG_COUNT ? TAG_O : prev, t, last),
          );
  });
});

describe('gazetteer', () => {
  it('marks the longest stored name, one code per type', () => {
    const g = new Gazetteer();
    const words = Uint32Array.from([11, 22, 33, 44]);
    g.add(words, 0, 1, 1 << 2); // "new" as LOC, never mind
    g.add(words, 0, 3, 1 << 1); // "new york times" as ORG
    const out = new Uint16Array(4);
    g.match(words, 0, 4, out);
    expect(out[0]).toBe(1 << (1 * 4 + 0)); // B-ORG
    expect(out[1]).toBe(1 << (1 * 4 + 1)); // I-ORG
    expect(out[2]).toBe(1 << (1 * 4 + 2)); // L-ORG
    expect(out[3]).toBe(0);
  });
});

describe('the committed model', () => {
  it('loads once and survives a serialisation round trip unchanged', () => {
    const model = loadNerModel();
    expect(loadNerModel()).toBe(model);
    const copy = NerModel.fromBuffer(model.toBuffer());
    const text = 'Angela Merkel told Reuters in Berlin that the European Commission would act.';
    const tokens = tokenize(text);
    const sentences = splitSentences(text, tokens);
    expect(findEntities(text, tokens, sentences, copy)).toEqual(findEntities(text, tokens, sentences, model));
  });

  it('rejects corrupt model files with a clear error', () => {
    expect(() => NerModel.fromBuffer(Buffer.from('not a model'))).toThrow(/NER model/);
    const good = loadNerModel().toBuffer();
    expect(() => NerModel.fromBuffer(good.subarray(0, good.length >> 1))).toThrow(/NER model/);
  });

  it('stays small enough to commit', () => {
    expect(loadNerModel().toBuffer().length).toBeLessThan(4 * 1024 * 1024);
  });
});
