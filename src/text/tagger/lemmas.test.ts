import { describe, expect, it } from 'vitest';
import { loadData } from '../../util/data.js';
import { fnv1a } from '../../util/hash.js';
import { LEMMAS_FILE, LemmaDataSchema, Lemmatiser, MAX_SUFFIX, RecentLemmas } from './lemmas.js';
import { POS_TAGS } from './tagged.js';
import { buildLemmaData, type LemmaObservation } from './train.js';

describe('lemmas as suffix rules and the words they miss', () => {
  const observations: LemmaObservation[] = [
    ['parties', 'NOUN', 'party'],
    ['cities', 'NOUN', 'city'],
    ['armies', 'NOUN', 'army'],
    ['talks', 'NOUN', 'talk'],
    ['troops', 'NOUN', 'troop'],
    ['leaders', 'NOUN', 'leader'],
    ['votes', 'NOUN', 'vote'],
    ['men', 'NOUN', 'man'],
    ['news', 'NOUN', 'news'],
    ['attacked', 'VERB', 'attack'],
    ['signed', 'VERB', 'sign'],
    ['went', 'VERB', 'go'],
    ['the', 'DET', 'the'],
  ];
  const data = buildLemmaData(observations);
  const lemmas = new Lemmatiser(data);

  it('learns suffix rules per part of speech and applies them to unseen words', () => {
    expect(lemmas.lemma('militias', 'NOUN')).toBe('militia');
    expect(lemmas.lemma('ladies', 'NOUN')).toBe('lady');
    expect(lemmas.lemma('condemned', 'VERB')).toBe('condemn');
    // No rule of another part of speech applies: an adjective in -ed stays as it is.
    expect(lemmas.lemma('condemned', 'ADJ')).toBe('condemned');
  });

  it('lists only the words the rules get wrong', () => {
    expect(lemmas.lemma('went', 'VERB')).toBe('go');
    expect(lemmas.lemma('news', 'NOUN')).toBe('news');
    expect(data.words['NOUN']).not.toHaveProperty('parties');
    expect(data.words['VERB']).toEqual({ went: 'go' });
  });
});

describe('the committed lemma rules', () => {
  it('apply the longest listed suffix shorter than the word, as slicing each suffix would', () => {
    const data = loadData(LEMMAS_FILE, LemmaDataSchema);
    const lemmas = new Lemmatiser(data);
    const bySlices = (lower: string, pos: string) => {
      const rules = data.rules[pos] ?? {};
      for (let k = Math.min(MAX_SUFFIX, lower.length - 1); k >= 1; k--) {
        const rule = rules[lower.slice(-k)];
        if (rule) return lower.slice(0, lower.length - rule[0]) + rule[1];
      }
      return lower;
    };
    const words = [
      's',
      'is',
      'ies',
      'parties',
      'attacked',
      'condemning',
      'stopped',
      'naïve',
      'x-rays',
      'was',
    ];
    for (const list of Object.values(data.words)) words.push(...Object.keys(list));
    for (const pos of Object.keys(data.rules))
      for (const w of words) expect(lemmas.byRule(w, pos), `${w}/${pos}`).toBe(bySlices(w, pos));
  });
});

describe('the recent lemmas', () => {
  it('give the lemmatiser’s lemma of every word and tag, kept or forgotten, and their kept strings', () => {
    const lemmas = new Lemmatiser(loadData(LEMMAS_FILE, LemmaDataSchema));
    const recent = new RecentLemmas(lemmas);
    const words = ['parties', 'attacked', 'went', 'the', 'internationally', 'condemning', 'was'];
    // More pairs than the table keeps, so it is cleared on the way, and every pair comes back.
    for (let n = 0; n < 600; n++) words.push(`w${n}ed`);
    const wrong: string[] = [];
    for (const round of [1, 2])
      for (const w of words)
        for (const [tag, pos] of POS_TAGS.entries()) {
          const slot = recent.find(w, fnv1a(w), tag, pos);
          if (recent.lemmaAt(slot) !== lemmas.lemma(w, pos) || recent.lowerAt(slot) !== w)
            wrong.push(`${w}/${pos}/${round}`);
        }
    expect(wrong).toEqual([]);
  });
});
