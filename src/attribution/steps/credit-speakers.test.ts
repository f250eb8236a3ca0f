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
});
