import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../pipeline/pipeline.js';
import { textStage, tokenize } from '../text/index.js';
import { sentenceWords, tagRange } from './tagger.js';

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

  it("of a sentence of the text stage's are its pos layer's, not tagged again", () => {
    const text = 'Talks resumed.\nRebels shelled the port on Monday.';
    const { tokens = [], pos = [], sentences = [] } = textStage.run(emptyDoc(text, {}));
    const second = sentences[1]!;
    const layer = sentenceWords(text, second, tokens, pos);
    expect(layer).toEqual(tagRange(text, second.start, second.end, tokens));
    // A layer that says otherwise is what the events stage reads.
    const edited = [...pos].map((p, i) =>
      text.slice(tokens[i]!.start, tokens[i]!.end) === 'port' ? { ...p, tag: 'VERB' as const } : p,
    );
    expect(sentenceWords(text, second, tokens, edited).find((w) => w.text === 'port')?.pos).toBe('VERB');
    // A range that is not one of its sentences (a whole record read as one) is tagged as one sentence.
    expect(
      sentenceWords(text, { start: 0, end: text.length }, tokens, edited).find((w) => w.text === 'port')?.pos,
    ).toBe('NOUN');
  });
});
