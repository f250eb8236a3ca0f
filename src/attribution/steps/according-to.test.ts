import { describe, expect, it } from 'vitest';
import { accordingToPhrases } from './according-to.js';
import { linkTagged } from './link-tagged.js';
import { contextOf, show, spanOf } from './test-support.js';

describe('accordingToPhrases', () => {
  it('makes "X, according to Y" an attribution the tagger missed', () => {
    const c = contextOf('The plant will close in March, according to the union.');
    expect(show(c, accordingToPhrases(c, []))).toEqual([
      'the union | according to | The plant will close in March',
    ]);
  });

  it('credits the speaker of a frame an outlet relays, not the outlet', () => {
    const c = contextOf('"We will win the vote," he said, according to the Daily Times.');
    const [a] = accordingToPhrases(c, []);
    expect(show(c, [a])[0]).toMatch(/^he \| said \| "We will win the vote/);
  });

  it("drops an attribution whose cue lies inside the phrase's content (it is nested)", () => {
    const c = contextOf('Officials say the plant will close in March, according to the union.');
    const nested = {
      cue: spanOf(c, 'cue', 'say'),
      source: spanOf(c, 'source', 'officials'),
      content: [spanOf(c, 'content', 'the plant will close in march')],
    };
    const out = show(c, accordingToPhrases(c, [nested]));
    expect(out).not.toContain('Officials | say | the plant will close in March');
  });

  it('reads the words after "according to" as its source when the tagger took them for content', () => {
    const c = contextOf(
      'The mayor told her the road would reopen in May, according to an account she gave later.',
    );
    const misread = {
      cue: spanOf(c, 'cue', 'according to'),
      source: spanOf(c, 'source', 'The mayor'),
      content: [spanOf(c, 'content', 'an account she gave later')],
    };
    expect(show(c, accordingToPhrases(c, [misread]))).toEqual([
      'an account she gave later | according to | The mayor told her the road would reopen in May',
    ]);
  });

  it('keeps an opening "As X noted" frame as its own attribution beside "according to"', () => {
    const c = contextOf(
      "As the station's science editor Tom Reyes noted at the time, the flood meant that the valley faced a high risk of landslides for years, according to figures from the Hale Institute.",
    );
    const out = show(c, accordingToPhrases(c, linkTagged(c, [])));
    expect(out.find((x) => x.includes('| noted'))).toMatch(/Tom Reyes \| noted/);
    expect(out.find((x) => x.includes('| according to |'))).toMatch(
      /^figures from the Hale Institute \| according to \| (?!As)/,
    );
  });
});
