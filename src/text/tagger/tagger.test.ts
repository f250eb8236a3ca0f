import { describe, expect, it } from 'vitest';
import { splitSentences } from '../sentences.js';
import { tokenize } from '../tokenize.js';
import { fnv1a } from '../../util/hash.js';
import { clauseVerbAfter, sentenceFeatures, shapeHash, shapeOf, type SentenceFeatures } from './features.js';
import { tagTokens } from './index.js';
import { POS_TAGS, type Tagged } from './tagged.js';

const show = (tags: readonly Tagged[]) => tags.map((t) => `${t.text}/${t.pos}/${t.lemma}`);

function tagAll(text: string): Tagged[] {
  const tokens = tokenize(text);
  return splitSentences(text, tokens).flatMap((s) => tagTokens(text, tokens, s.tokenStart, s.tokenEnd));
}

describe("the text stage's part-of-speech tagger (distilled from wink-nlp)", () => {
  it('tags and lemmatises the words of a sentence of ours as wink does', () => {
    expect(show(tagAll('Russian troops attacked two villages on Monday.'))).toEqual([
      'Russian/PROPN/russian',
      'troops/NOUN/troop',
      'attacked/VERB/attack',
      'two/NUM/two',
      'villages/NOUN/village',
      'on/ADP/on',
      'Monday/PROPN/monday',
      './PUNCT/.',
    ]);
  });

  it("hashes each word's last three letters, lower-cased, as a slice of them would be hashed", () => {
    const words = ['a', 'of', 'Its', 'SHELLED', 'Ångström', '’s', ''];
    const s = sentenceFeatures(words);
    expect([...s.suffix3]).toEqual(words.map((w) => fnv1a(w.toLowerCase().slice(-3))));
  });

  it('tells a verb from a noun of the same spelling by its context', () => {
    const tags = tagAll('The attack was condemned. Rebels will attack the city.');
    expect(tags.filter((t) => t.text === 'attack').map((t) => t.pos)).toEqual(['NOUN', 'VERB']);
  });

  it('reads a third-person verb before "to" + verb as the verb of a clause that has none yet', () => {
    // wink reads "plans" after a noun as a plural noun here; the tagger learns the repaired reading.
    const pos = (text: string, word: string) => tagAll(text).find((t) => t.text === word)?.pos;
    expect(pos('The mayor plans to open a school in Lagos.', 'plans')).toBe('VERB');
    expect(pos('Nigeria plans to sell bonds.', 'plans')).toBe('VERB');
    expect(pos('Unions opposed government plans to sell the port.', 'plans')).toBe('NOUN');
  });

  it("reads the text stage's tokens: a hyphenated modifier is one adjective, a clitic its own word", () => {
    const tags = show(tagAll("US-led forces didn't leave the Kremlin's side."));
    expect(tags).toContain('US-led/ADJ/us-led');
    expect(tags).toContain("n't/PART/not");
    expect(tags).toContain("'s/PART/'s");
  });

  it('keeps every span on its characters and tags a sentence the same after any other text', () => {
    const text = 'Prefix here. NATO’s chief “backs” peace efforts.';
    const tags = tagAll(text);
    for (const t of tags) expect(text.slice(t.start, t.end)).toBe(t.text);
    const alone = 'NATO’s chief “backs” peace efforts.';
    expect(show(tags).slice(3)).toEqual(show(tagAll(alone)));
  });
});

describe('word shapes', () => {
  it('hashes a shape as the hash of its text, ASCII or not', () => {
    for (const w of ['Obama', 'U.S.', '1,200', 'McCain', 'Ærø', 'naïve', '“', 'x--y'])
      expect(shapeHash(w)).toBe(fnv1a(shapeOf(w)));
    expect(shapeOf('U.S.')).toBe('X.X.');
  });
});

describe("the clause-verb feature's running flag", () => {
  /** The feature as first written: a walk back from word i to its clause's start. */
  function walkedBack(s: SentenceFeatures, i: number, tags: readonly number[]): boolean {
    for (let k = i - 1; k >= 0; k--) {
      const t = POS_TAGS[tags[k]!];
      if (t === 'SCONJ' || s.words[k] === ';' || s.words[k] === ':') return false;
      if ((t === 'VERB' || t === 'AUX') && !(k > 0 && s.lowered[k - 1] === 'to')) return true;
    }
    return false;
  }

  it('says for every word what a walk back to its clause start says', () => {
    const texts = [
      'The mayor plans to open a school because parents asked; critics said: wait until May.',
      'Unions that opposed the plan want to meet ministers, who agreed to talk, although talks may fail.',
      'To win, the party must hold its seats: voters decide.',
    ];
    let words = 0;
    for (const text of texts) {
      const tagged = tagAll(text);
      const s = sentenceFeatures(tagged.map((t) => t.text));
      const tags = tagged.map((t) => POS_TAGS.indexOf(t.pos as (typeof POS_TAGS)[number]));
      let flag = false;
      for (let i = 0; i < s.length; i++) {
        expect(flag, `${text}: word ${i} (${s.words[i]})`).toBe(walkedBack(s, i, tags));
        flag = clauseVerbAfter(s, i, tags[i]!, flag);
        words++;
      }
    }
    expect(words).toBeGreaterThan(50);
  });
});
