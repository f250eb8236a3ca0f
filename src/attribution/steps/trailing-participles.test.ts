import { describe, expect, it } from 'vitest';
import { trailingParticiples } from './trailing-participles.js';
import { contextOf, show, spanOf } from './test-support.js';

describe('trailingParticiples', () => {
  it('splits ", adding …" off a content into a report of the same source', () => {
    const c = contextOf(
      'Mara Quinn tweeted that the plan "needs more work," adding "we need everyone on it."',
    );
    const a = {
      cue: spanOf(c, 'cue', 'tweeted'),
      source: spanOf(c, 'source', 'Mara Quinn'),
      content: [spanOf(c, 'content', 'that the plan "needs more work," adding "we need everyone on it."')],
    };
    expect(show(c, trailingParticiples(c, [a]))).toEqual([
      'Mara Quinn | tweeted | that the plan "needs more work,"',
      'Mara Quinn | adding | "we need everyone on it."',
    ]);
  });

  it("leaves a participle after a name in the content, which may be that person's", () => {
    const c = contextOf('An aide said Ray Dunn calmed the room, telling them to wait.');
    const a = {
      cue: spanOf(c, 'cue', 'said'),
      source: spanOf(c, 'source', 'An aide'),
      content: [spanOf(c, 'content', 'Ray Dunn calmed the room, telling them to wait')],
    };
    expect(trailingParticiples(c, [a])).toEqual([a]);
  });

  it('leaves a participle inside a quotation alone', () => {
    const c = contextOf('Mara Quinn said: "We met, adding chairs as we went."');
    const a = {
      cue: spanOf(c, 'cue', 'said'),
      source: spanOf(c, 'source', 'Mara Quinn'),
      content: [spanOf(c, 'content', '"We met, adding chairs as we went."')],
    };
    expect(trailingParticiples(c, [a])).toEqual([a]);
  });
});
