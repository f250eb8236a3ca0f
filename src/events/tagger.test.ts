import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/index.js';
import { tagRange } from './tagger.js';

describe("the events stage's words", () => {
  it("are the text stage's tokens of the range, tagged by the text stage's tagger", () => {
    const text = 'Intro. US-led forces shelled Gaza’s border on Monday.';
    const start = text.indexOf('US');
    const tokens = tokenize(text);
    const words = tagRange(text, start, text.length, tokens);
    expect(words.map((w) => [w.start, w.end])).toEqual(
      tokens.filter((t) => t.start >= start).map((t) => [t.start, t.end]),
    );
    expect(words.map((w) => `${w.text}/${w.pos}`).slice(0, 4)).toEqual([
      'US-led/ADJ',
      'forces/NOUN',
      'shelled/VERB',
      'Gaza/PROPN',
    ]);
    expect(words.find((w) => w.text === 'shelled')?.lemma).toBe('shell');
  });

  it('leaves out a token the range starts inside of', () => {
    const text = 'ceasefire talks resumed';
    expect(tagRange(text, 3, text.length).map((w) => w.text)).toEqual(['talks', 'resumed']);
  });
});
