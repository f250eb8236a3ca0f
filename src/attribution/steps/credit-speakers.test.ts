import { describe, expect, it } from 'vitest';
import { findAttributions } from '../index.js';
import { creditSpeakers, kindOf } from './credit-speakers.js';
import { contextOf, spanOf } from './test-support.js';

describe('creditSpeakers', () => {
  it('resolves a pronoun source to the person the sentence before named', () => {
    const c = contextOf('Maria Lopez opened the hearing on Monday. She said the rules would change.');
    const a = {
      cue: spanOf(c, 'cue', 'said'),
      source: spanOf(c, 'source', 'she'),
      content: [spanOf(c, 'content', 'the rules would change')],
    };
    const [{ attribution, cueWords }] = creditSpeakers(c, [a]);
    expect(c.doc.actors.find((x) => x.id === attribution.source?.actor)?.name).toBe('Maria Lopez');
    expect(attribution.cue).toMatchObject({ text: 'said', lemma: 'say' });
    expect(cueWords).toEqual(['said']);
  });

  it('never credits a source to the place after a preposition in it ("activists outside Iran")', () => {
    const c = contextOf('Rights activists outside Iran said the protests were peaceful.');
    const a = {
      cue: spanOf(c, 'cue', 'said'),
      source: spanOf(c, 'source', 'Rights activists outside Iran'),
      content: [spanOf(c, 'content', 'the protests were peaceful')],
    };
    const [credited] = creditSpeakers(c, [a]);
    const actor = c.doc.actors.find((x) => x.id === credited.attribution.source?.actor);
    expect(actor?.name ?? null).not.toBe('Iran');
  });

  it('never credits the outlet of a trailing "…, X reported" with the other cue of its sentence', () => {
    const c = contextOf('The chain is set to announce the terms of its sale on Friday, Bloomberg reported.');
    const a = {
      cue: spanOf(c, 'cue', 'to announce'),
      source: spanOf(c, 'source', 'Bloomberg'),
      content: [spanOf(c, 'content', 'the terms of its sale on Friday')],
    };
    const [{ attribution }] = creditSpeakers(c, [a]);
    expect(attribution.source).toBeNull();
    expect(attribution.via.map((v) => v.outlet)).toEqual(['Bloomberg']);
    // The outlet's own citing stays the outlet's.
    const d = contextOf('Aides disliked him, the Post reported, citing a former adviser.');
    const citing = {
      cue: spanOf(d, 'cue', 'citing'),
      source: spanOf(d, 'source', 'the Post'),
      content: [spanOf(d, 'content', 'a former adviser')],
    };
    expect(creditSpeakers(d, [citing])[0].attribution.source?.text).toBe('the Post');
  });

  it('tells direct, mixed and indirect content apart by its quoted words', () => {
    const inside = Uint8Array.from([0, 1, 1, 0, 0]);
    const mark = Uint8Array.from([1, 0, 0, 2, 0]);
    expect(kindOf([{ role: 'content', from: 0, to: 4 }], inside, mark)).toBe('direct');
    expect(kindOf([{ role: 'content', from: 0, to: 5 }], inside, mark)).toBe('mixed');
    expect(kindOf([{ role: 'content', from: 4, to: 5 }], inside, mark)).toBe('indirect');
  });

  it('gives a statement told to an outlet that outlet as via', () => {
    const c = contextOf('Maria Lopez told Reuters that the deal was dead.');
    const { attributions } = findAttributions(c.doc);
    expect(attributions?.[0]?.via.map((v) => v.outlet)).toEqual(['Reuters']);
  });
  it('keeps an outlet that cites someone as the via of the attribution on its own verb', () => {
    const c = contextOf('The Boise Tribune wrote, citing two aides, that the mayor would resign.');
    const a = {
      cue: spanOf(c, 'cue', 'wrote'),
      source: spanOf(c, 'source', 'The Boise Tribune'),
      content: [spanOf(c, 'content', 'that the mayor would resign')],
    };
    const [{ attribution }] = creditSpeakers(c, [a]);
    expect(attribution.via.map((v) => [v.outlet, v.citing?.text])).toEqual([
      ['The Boise Tribune', 'two aides'],
    ]);
  });
});
