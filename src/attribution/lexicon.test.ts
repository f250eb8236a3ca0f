import { describe, expect, it } from 'vitest';
import { cueLemma, cueLexicon, hasLexiconCue, inflections } from './lexicon.js';

describe('cue lexicon', () => {
  it('generates regular inflections, with e-dropping, y→ie and consonant doubling', () => {
    expect(inflections('argue')).toEqual(expect.arrayContaining(['argues', 'argued', 'arguing']));
    expect(inflections('deny')).toEqual(expect.arrayContaining(['denies', 'denied', 'denying']));
    expect(inflections('admit')).toEqual(expect.arrayContaining(['admitted', 'admitting']));
    expect(inflections('stress')).toContain('stresses');
  });

  it('maps inflected and irregular forms to lemmas', () => {
    expect(cueLemma(['emphasized'])).toEqual({ lemma: 'emphasize', stance: 'neutral' });
    expect(cueLemma(['told'])).toMatchObject({ lemma: 'tell' });
    expect(cueLemma(['has', 'said'])).toMatchObject({ lemma: 'say' });
    expect(cueLemma(['wrote'])).toMatchObject({ lemma: 'write' });
  });

  it('reads the stance of the cue from the lexicon', () => {
    expect(cueLemma(['claimed']).stance).toBe('distancing');
    expect(cueLemma(['alleges']).stance).toBe('distancing');
    expect(cueLemma(['revealed']).stance).toBe('endorsing');
    expect(cueLemma(['confirmed']).stance).toBe('endorsing');
    expect(cueLemma(['reportedly']).stance).toBe('hedged');
    expect(cueLemma(['signals', 'a', 'potential']).stance).toBe('hedged');
    expect(cueLemma(['affirmed']).stance).toBe('neutral');
  });

  it('matches multi-word cues as one', () => {
    expect(cueLemma(['according', 'to'])).toMatchObject({ lemma: 'according to' });
    expect(cueLemma(['did', 'not', 'rule', 'out'])).toMatchObject({
      lemma: 'not rule out',
      stance: 'hedged',
    });
    expect(hasLexiconCue(['according', 'to'])).toBe(true);
    expect(hasLexiconCue(['has', 'also', 'made'])).toBe(false);
  });

  it('falls back to the words of an unknown cue', () => {
    expect(cueLemma(['sparked', 'outrage'])).toMatchObject({ lemma: 'sparked outrage', stance: 'neutral' });
  });

  it('is loaded once', () => {
    expect(cueLexicon()).toBe(cueLexicon());
  });
});
