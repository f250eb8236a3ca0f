import { describe, expect, it } from 'vitest';
import type { Tagged } from './tagged.js';
import { ScopedWink, tagWith, winkTagRange } from './wink.js';

const show = (tags: Tagged[]) => tags.map((t) => `${t.text}/${t.pos}/${t.lemma}@${t.start}`);
const tagsOf = (text: string) => show(winkTagRange(text, 0, text.length));

/** Sentences of invented names and rare words, so wink learns (and the tagger hides) many words. */
const sentences = Array.from(
  { length: 6 },
  (_, i) =>
    `Zorvak${i} told the Quellish${i} council's envoys, "Brimmel${i}'s plan is over," and ` +
    `BRIMMEL${i} Zorvaking${i}s marched on Quellport${i}.`,
);

describe('wink teacher tagging', () => {
  it('tags a text the same whatever was read before (wink learns words across documents)', () => {
    // wink first meets "nation's" in "nation's," and remembers it whole; a fresh engine splits it.
    const later = "In eight years in the nation's chief supporting role, he said little.";
    const fresh = tagsOf(later);
    tagsOf("Its policy was not in step with the nation's, but rather with its allies'.");
    for (let i = 0; i < 3; i++) expect(tagsOf(later)).toEqual(fresh);
  });

  it('reads a word met in an earlier text as a fresh engine does, in any case and order', () => {
    const alone = sentences.map((s) => show(tagWith(new ScopedWink(), s, 0, s.length)));
    const shared = new ScopedWink();
    // Forwards, backwards, then forwards again: the words recalled from earlier texts change nothing.
    for (const order of [sentences.keys(), [...sentences.keys()].reverse(), sentences.keys()])
      for (const i of order)
        expect(show(tagWith(shared, sentences[i]!, 0, sentences[i]!.length))).toEqual(alone[i]);
  }, 60_000);

  it('renews its engine when the learnt words pile up, any number of times, with the same tags', () => {
    // Each renewal reloads wink's pattern model; the package's loader re-stringified it every time,
    // and a long run failed at the twentieth renewal with "Invalid string length".
    const expected = sentences.map((s) => tagsOf(s));
    const small = new ScopedWink(40);
    for (let round = 0; small.starts < 22; round++)
      for (const [i, s] of sentences.entries())
        expect(show(tagWith(small, s, 0, s.length))).toEqual(expected[i]);
  }, 120_000);

  it('maps every token back to its exact characters', () => {
    const text = 'Prefix. NATO’s chief “backs” peace efforts.';
    for (const t of winkTagRange(text, 8, text.length)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
