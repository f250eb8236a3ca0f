import { describe, expect, it } from 'vitest';
import { creditSpeakers } from './credit-speakers.js';
import { dropSlips } from './drop-slips.js';
import { contextOf, spanOf } from './test-support.js';

describe('dropSlips', () => {
  it('drops a sourceless indirect report whose cue is no verb of saying', () => {
    const c = contextOf('The closure plans for the plant worried the workers.');
    const a = {
      cue: spanOf(c, 'cue', 'plans'),
      source: null,
      content: [spanOf(c, 'content', 'for the plant')],
    };
    expect(dropSlips(c, creditSpeakers(c, [a])).attributions).toEqual([]);
  });

  it('keeps a sourceless report on a verb of saying, numbered from one', () => {
    const c = contextOf('It was said that the plant would close.');
    const a = {
      cue: spanOf(c, 'cue', 'was said'),
      source: null,
      content: [spanOf(c, 'content', 'that the plant would close')],
    };
    const { attributions } = dropSlips(c, creditSpeakers(c, [a]));
    expect(attributions.map((x) => [x.id, x.cue?.text])).toEqual([['at1', 'was said']]);
  });

  it('drops a cue that names something rather than reports speech ("also known as")', () => {
    const c = contextOf('The group, also known as the Circle, met in June.');
    const a = {
      cue: spanOf(c, 'cue', 'known as'),
      source: spanOf(c, 'source', 'the group'),
      content: [spanOf(c, 'content', 'the circle')],
    };
    expect(dropSlips(c, creditSpeakers(c, [a])).attributions).toEqual([]);
  });

  it('lets no cue that reports no speech cover a claim, even with a cue noun in it', () => {
    const c = contextOf('The Hartwell Group has also made the decision to close its plant in Ohio.');
    const a = {
      cue: spanOf(c, 'cue', 'has also made the decision'),
      source: spanOf(c, 'source', 'The Hartwell Group'),
      content: [spanOf(c, 'content', 'to close its plant in Ohio')],
    };
    const { attributions, claims } = dropSlips(c, creditSpeakers(c, [a]));
    expect(attributions).toEqual([]);
    expect(claims.map((x) => x.text)).toEqual([
      'The Hartwell Group has also made the decision to close its plant in Ohio',
    ]);
  });
});
