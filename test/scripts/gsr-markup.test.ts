import { describe, expect, it } from 'vitest';
import { gsrMarkedSpans } from '../../scripts/events/corpus.js';

describe('PLOVER-GSR markup as training spans (scripts/events/corpus.ts)', () => {
  it('marks sources and targets by their words in the text, joint parties as sources, never event or place words', () => {
    const text = 'Norway has offered to hand over to Chile two ships, a paper in Oslo said.';
    const markup =
      '(SRC: Norway) has (EVT: offered to hand over) to (TAR: Chile) two ships, a paper in (LOC: Oslo) said.';
    const spans = gsrMarkedSpans(markup, text);
    expect(spans.source.map(([a, b]) => text.slice(a, b))).toEqual(['Norway']);
    expect(spans.target.map(([a, b]) => text.slice(a, b))).toEqual(['Chile']);
    const joint = 'The Dutch and Danish sides agreed.';
    const both = gsrMarkedSpans('The (SRC/TAR: Dutch) and (SRC/TAR: Danish) sides (EVT: agreed).', joint);
    // A determiner just before the marked words joins them, and so do conjuncts (PLV marks the whole phrase).
    expect(both.source.map(([a, b]) => joint.slice(a, b))).toEqual(['The Dutch and Danish']);
    expect(both.target).toEqual([]);
  });

  it('finds each marked phrase in the text even where the markup differs elsewhere by a typo', () => {
    const text = 'Under the plan, Israel will leave Gaza, said the spokesman of the Israeli premier.';
    const markup =
      'Under the plan, (SRC: Isreal) will (EVT: leave) (TAR: Gaza), said the spokesman of the Israeli premier.';
    const spans = gsrMarkedSpans(markup, text);
    // The misspelt source is in no position of the text: left out, the target still found.
    expect(spans.source).toEqual([]);
    expect(spans.target.map(([a, b]) => text.slice(a, b))).toEqual(['Gaza']);
  });
});
