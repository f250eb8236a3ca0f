import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokenize.js';
import { alignTeacher } from './align.js';
import type { Tagged } from './tagged.js';

/** Teacher tokens for `text`: each [word, pos, lemma] found in order. */
function teacher(text: string, words: Array<[string, string, string?]>): Tagged[] {
  let at = 0;
  return words.map(([word, pos, lemma]) => {
    const start = text.indexOf(word, at);
    at = start + word.length;
    return { start, end: at, text: word, lower: word.toLowerCase(), pos, lemma: lemma ?? word.toLowerCase() };
  });
}

describe('the teacher tags carried onto our tokens', () => {
  it('takes a token read alike as it is, and a split compound from its last part', () => {
    const text = 'US-led forces signed a cease-fire.';
    const tokens = tokenize(text);
    const wink = teacher(text, [
      ['US', 'PROPN'],
      ['-', 'PUNCT'],
      ['led', 'VERB', 'lead'],
      ['forces', 'NOUN', 'force'],
      ['signed', 'VERB', 'sign'],
      ['a', 'DET'],
      ['cease', 'VERB'],
      ['-', 'PUNCT'],
      ['fire', 'NOUN'],
      ['.', 'PUNCT'],
    ]);
    const tags = alignTeacher(text, tokens, 0, tokens.length, wink).map(
      (t) => `${t?.pos}/${t?.lemma}/${t?.how}`,
    );
    expect(tags).toEqual([
      // A participle ending a hyphenated compound modifies: an adjective, its lemma the whole word.
      'ADJ/us-led/split',
      'NOUN/force/same',
      'VERB/sign/same',
      'DET/a/same',
      'NOUN/cease-fire/split',
      'PUNCT/./same',
    ]);
  });

  it("gives a token inside a longer teacher token that token's tag, and leaves out crossed ones", () => {
    const text = 'Gov. Smith left...';
    const tokens = tokenize(text);
    const wink = teacher(text, [
      ['Gov.', 'PROPN'],
      ['Smith', 'PROPN'],
      ['lef', 'VERB'],
      ['t..', 'PUNCT'],
      ['.', 'PUNCT'],
    ]);
    const tags = alignTeacher(text, tokens, 0, tokens.length, wink).map((t) => t && `${t.pos}/${t.how}`);
    expect(tags).toEqual([
      'PROPN/inside',
      'PUNCT/inside',
      'PROPN/same',
      undefined,
      'PUNCT/inside',
      'PUNCT/inside',
      'PUNCT/same',
    ]);
  });
});
