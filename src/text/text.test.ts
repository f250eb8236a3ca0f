import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { tokenize, splitSentences, findLayout, textStage, tagTokens } from './index.js';
import { PosModel } from './tagger/model.js';
import { emptyDoc } from '../pipeline/pipeline.js';
import { expectLinearGrowth } from '../util/__fixtures__/growth.js';

const surface = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));
const sentences = (text: string) => splitSentences(text, tokenize(text)).map((s) => s.text);

describe('tokenize', () => {
  it('keeps acronyms, dotted names and inner apostrophes whole and splits clitics', () => {
    expect(surface('The U.S. and Caliber.Az said O’Neill’s plan wasn’t new.')).toEqual([
      'The',
      'U.S.',
      'and',
      'Caliber.Az',
      'said',
      'O’Neill',
      '’s',
      'plan',
      'was',
      'n’t',
      'new',
      '.',
    ]);
  });
  it('classifies quotes, numbers and punctuation', () => {
    const text = '“Yes,” he said: 1,200.5% — “no”';
    const kinds = tokenize(text).map((t) => `${text.slice(t.start, t.end)}/${t.kind}`);
    expect(kinds).toContain('“/quote');
    expect(kinds).toContain('1,200.5/number');
    expect(kinds).toContain(':/punct');
  });
  it('produces offsets that slice to the token and never overlap', () => {
    const text = readFileSync(new URL('../../test/fixtures/seed.txt', import.meta.url), 'utf8');
    const toks = tokenize(text);
    let last = 0;
    for (const t of toks) {
      expect(t.start).toBeGreaterThanOrEqual(last);
      expect(text.slice(t.start, t.end).trim()).toBe(text.slice(t.start, t.end));
      last = t.end;
    }
    expect(toks.length).toBeGreaterThan(350);
  });
  it('handles diacritics and mixed scripts', () => {
    expect(surface('Zelenskyy met Эрдоган and Erdoğan in Kyiv.')).toEqual([
      'Zelenskyy',
      'met',
      'Эрдоган',
      'and',
      'Erdoğan',
      'in',
      'Kyiv',
      '.',
    ]);
  });
});

describe('splitSentences', () => {
  it('survives U.S., Gen., initials and names with inner periods', () => {
    expect(
      sentences(
        'Gen. Mark Milley met U.S. officials in Washington. Caliber.Az reported it. John F. Kennedy spoke.',
      ),
    ).toEqual([
      'Gen. Mark Milley met U.S. officials in Washington.',
      'Caliber.Az reported it.',
      'John F. Kennedy spoke.',
    ]);
  });
  it('keeps closing quotes with their sentence and breaks at line ends', () => {
    expect(sentences('He said: “We will win.” Then he left.\nNew paragraph here')).toEqual([
      'He said: “We will win.”',
      'Then he left.',
      'New paragraph here',
    ]);
  });
  it('ends a sentence after an acronym before a typical opener', () => {
    expect(sentences('He moved to the U.S. The move was quick.')).toEqual([
      'He moved to the U.S.',
      'The move was quick.',
    ]);
  });
  it('ends a sentence at an ellipsis only before a sentence start, written with a space or without', () => {
    expect(sentences('We will ask... the court to act. He paused… Then he left.')).toEqual([
      'We will ask... the court to act.',
      'He paused…',
      'Then he left.',
    ]);
    expect(sentences('The deal was fair…This is what we wanted. It fell again….Prices rose.')).toEqual([
      'The deal was fair…',
      'This is what we wanted.',
      'It fell again….',
      'Prices rose.',
    ]);
    expect(sentences('“Talk is cheap … Show me the plan,” she said.')).toEqual([
      '“Talk is cheap …',
      'Show me the plan,” she said.',
    ]);
  });
  it('keeps an ellipsis inside the sentence after a word that cannot end one, or before a bracketed insertion', () => {
    expect(sentences('“The … Nairobi team has done well,” he said.')).toHaveLength(1);
    expect(sentences('She wrote about ... Maria Lopez in a letter.')).toHaveLength(1);
    expect(sentences('The fund will build … [a] school for the town.')).toHaveLength(1);
  });
  it('numbers paragraphs', () => {
    const text = 'One. Two.\n\nThree.';
    expect(splitSentences(text, tokenize(text)).map((s) => s.paragraph)).toEqual([0, 0, 1]);
  });
});

describe('findLayout', () => {
  it('finds the title line and a closing byline', () => {
    const text = 'Leaders meet in Geneva\nThe leaders met on Monday.\nBy Jane Doe';
    const { title, byline } = findLayout(text);
    expect(title?.text).toBe('Leaders meet in Geneva');
    expect(byline?.text).toBe('Jane Doe');
    expect(text.slice(byline!.start, byline!.end)).toBe('Jane Doe');
  });
  it('does not take a sentence or a long byline-like line as title or byline', () => {
    expect(findLayout('The leaders met on Monday.\nThey talked.').title).toBeUndefined();
    expect(
      findLayout('Title\nBy the end of the day the talks had collapsed, officials from both sides said.')
        .byline,
    ).toBeUndefined();
  });
});

describe('text stage on hostile input', () => {
  // Re-measured after a report of ×145 for 10× the text: the stage is linear (3,000 → 30,000 repeats
  // ×3–×8); the ×145 came from a 1 ms run below the first garbage collection.
  it.each([
    ['a name and a colon', 'Ana: '],
    ['a quotation with its speaker', '"It is fine," Ana Lopes said. '],
    ['one name per line', 'Ana Lopes\n'],
    ['unspaced quote marks', '"“'],
  ])('tokens, sentences and layout of %s repeated grow linearly', async (_, piece) => {
    const run = (n: number) => {
      const text = piece.repeat(n);
      const tokens = tokenize(text);
      return { tokens, sentences: splitSentences(text, tokens), layout: findLayout(text) };
    };
    const large = await expectLinearGrowth(run, 3000);
    expect(large.tokens.length).toBeGreaterThanOrEqual(30_000);
  });
});

describe("the text stage's pos layer", () => {
  it('tags and lemmatises every token once, each sentence read on its own, at the index of its token', () => {
    const text =
      'The council will vote on Friday.\nThe police blocked two roads; officials said they would reopen them.';
    const { tokens = [], pos = [], sentences = [] } = textStage.run(emptyDoc(text, {}));
    expect(pos).toHaveLength(tokens.length);
    expect(sentences.map((s) => [s.tokenStart, s.tokenEnd])).toEqual([
      [0, 7],
      [7, 20],
    ]);
    const read = tokens.map((t, i) => [
      t.start,
      t.end,
      `${text.slice(t.start, t.end)}/${pos.at(i)!.tag}/${pos.at(i)!.lemma}`,
    ]);
    expect(read.slice(0, 4)).toEqual([
      [0, 3, 'The/DET/the'],
      [4, 11, 'council/NOUN/council'],
      [12, 16, 'will/AUX/will'],
      [17, 21, 'vote/VERB/vote'],
    ]);
    expect(read.slice(7).map((r) => r[2])).toEqual([
      'The/DET/the',
      'police/NOUN/police',
      'blocked/VERB/block',
      'two/NUM/two',
      'roads/NOUN/road',
      ';/PUNCT/;',
      'officials/NOUN/official',
      'said/VERB/say',
      'they/PRON/they',
      'would/AUX/would',
      'reopen/VERB/reopen',
      'them/PRON/them',
      './PUNCT/.',
    ]);
    expect(read[7]!.slice(0, 2)).toEqual([33, 36]);
  });

  it('tags a sentence when one of its tokens is first read, as tagging every sentence at once would', () => {
    const text =
      'Farmers closed the bridge at dawn.\nThe mayor’s office says talks will resume.\nRain fell all week.';
    const tag = vi.spyOn(PosModel.prototype, 'tag');
    try {
      const { tokens = [], pos = [], sentences = [] } = textStage.run(emptyDoc(text, {}));
      expect(sentences).toHaveLength(3);
      expect(tag).not.toHaveBeenCalled();
      const office = tokens.findIndex((t) => text.slice(t.start, t.end) === 'office');
      expect(pos.at(office)).toEqual({ tag: 'NOUN', lemma: 'office' });
      expect(tag).toHaveBeenCalledTimes(1);
      // The rest of that sentence is read without tagging it again; out of range is nothing, as for an array.
      expect(pos.at(office + 2)).toEqual({ tag: 'NOUN', lemma: 'talk' });
      expect(pos.at(tokens.length)).toBeUndefined();
      expect(tag).toHaveBeenCalledTimes(1);
      // Read in full (as an analysis with its token layers is), each sentence tagged once more at most.
      const eager = sentences.flatMap((s) =>
        tagTokens(text, tokens, s.tokenStart, s.tokenEnd).map((w) => ({ tag: w.pos, lemma: w.lemma })),
      );
      expect(tag).toHaveBeenCalledTimes(4);
      expect([...pos]).toEqual(eager);
      expect(tag).toHaveBeenCalledTimes(6);
      expect(pos.at(-1)).toEqual({ tag: 'PUNCT', lemma: '.' });
      expect(tag).toHaveBeenCalledTimes(6);
    } finally {
      tag.mockRestore();
    }
  });

  it('is empty for a text in another language, which no English stage reads', () => {
    const doc = emptyDoc('Le conseil votera vendredi.', { language: 'fr' });
    expect(textStage.run(doc).pos).toEqual([]);
  });
});
