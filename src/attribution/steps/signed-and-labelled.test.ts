import { describe, expect, it } from 'vitest';
import { signedAndLabelled, withRuled } from './signed-and-labelled.js';
import { contextOf, show } from './test-support.js';

describe('signedAndLabelled', () => {
  it('makes the turns of a transcript attributions of their speakers', () => {
    const c = contextOf(
      'A transcript of the debate on Monday evening.\n\nHOLT: What will you do about the price of bread this winter?\n\nGRANT: We will cut the tax on flour next month.\n\n' +
        'HOLT: And if that fails to bring prices down?\n\nGRANT: Then we will look again at the whole budget.',
    );
    const out = show(c, signedAndLabelled(c, []));
    expect(out).toContain('GRANT | : | We will cut the tax on flour next month.');
    expect(out).toHaveLength(4);
  });

  it("takes a rule's content out of the tagger's cue-less attributions; a tagged cue wins", () => {
    const cueless = { cue: null, source: null, content: [{ role: 'content' as const, from: 0, to: 10 }] };
    const tagged = { cue: { role: 'cue' as const, from: 12, to: 13 }, source: null, content: [] };
    const rule = {
      cue: { role: 'cue' as const, from: 5, to: 6 },
      source: { role: 'source' as const, from: 6, to: 8 },
      content: [{ role: 'content' as const, from: 0, to: 5 }],
    };
    const blocked = { ...rule, cue: { role: 'cue' as const, from: 12, to: 13 } };
    expect(withRuled([cueless, tagged], [rule, blocked], 20)).toEqual([rule, tagged]);
  });
});
