import { describe, expect, it } from 'vitest';
import { cueEdges } from './cue-edges.js';
import { contextOf, spanOf, wordsOf } from './test-support.js';

describe('cueEdges', () => {
  it('grows "said" over "in a statement", as the annotators mark it', () => {
    const tagged = contextOf('She said in a statement that the talks had failed.');
    // As if the tagger had marked the verb alone: no other token carries a label.
    const c = { ...tagged, labels: new Uint8Array(tagged.tokens.length) };
    const a = {
      cue: spanOf(c, 'cue', 'said'),
      source: spanOf(c, 'source', 'she'),
      content: [spanOf(c, 'content', 'that the talks had failed')],
    };
    const [out] = cueEdges(c, [a]);
    expect(wordsOf(c, out.cue)).toBe('said in a statement');
    expect(a.cue.to - a.cue.from).toBe(1); // the input is not changed
  });

  it('never grows a cue into words another attribution holds', () => {
    const c = contextOf('She said in a statement that the talks had failed.');
    const a = {
      cue: spanOf(c, 'cue', 'said'),
      source: spanOf(c, 'source', 'she'),
      content: [spanOf(c, 'content', 'in a statement that the talks had failed')],
    };
    expect(wordsOf(c, cueEdges(c, [a])[0].cue)).toBe('said');
  });
});
