import { describe, expect, it } from 'vitest';
import { linkTagged } from './link-tagged.js';
import { contextOf, show } from './test-support.js';

describe('linkTagged', () => {
  it("groups the tagger's source, cue and content runs of a plain report", () => {
    const c = contextOf('Mr. Clarke said the plan would fail.');
    expect(show(c, linkTagged(c, []))).toEqual(['Mr. Clarke | said | the plan would fail']);
  });

  it('finds nothing in a sentence that reports no speech', () => {
    const c = contextOf('The river rose two metres overnight.');
    expect(linkTagged(c, [])).toEqual([]);
  });
});
