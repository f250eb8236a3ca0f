import { describe, expect, it } from 'vitest';
import { tagRange } from './tagger.js';

const tagsOf = (text: string) => tagRange(text, 0, text.length).map((t) => `${t.text}/${t.pos}/${t.lemma}`);

describe('events tagger', () => {
  it('tags a text the same whatever was read before (wink learns words across documents)', () => {
    // wink first meets "nation's" in "nation's," and remembers it whole; a fresh engine splits it.
    const later = "In eight years in the nation's chief supporting role, he said little.";
    const fresh = tagsOf(later);
    tagsOf("Its policy was not in step with the nation's, but rather with its allies'.");
    for (let i = 0; i < 3; i++) expect(tagsOf(later)).toEqual(fresh);
  });

  it('maps every token back to its exact characters', () => {
    const text = 'Prefix. NATO’s chief “backs” peace efforts.';
    for (const t of tagRange(text, 8, text.length)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
