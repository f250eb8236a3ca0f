import { describe, expect, it } from 'vitest';
import { h } from './feature-hash.js';
import { codeType, TYPES, typeFeatures } from './features.js';
import { wordKnowledge } from './knowledge.js';
import { prepareSentence } from './sentence.js';

/** The type features of the candidate whose word is `word` in `text`. */
function featuresOf(text: string, word: string): number[] {
  const s = prepareSentence(text, { start: 0, end: text.length }, [], new Map());
  const c = s.candidates.find((x) => s.toks[x.i]!.lower === word);
  if (!c) throw new Error(`"${word}" is no candidate of "${text}"`);
  return typeFeatures(s, c);
}

/** Whether the features hold a complement's dictionary type (tik:), whichever it is. */
const hasComplement = (f: readonly number[]) =>
  ['', '-', ...TYPES.slice(1)].some((t) => f.includes(h`tik:${t}`));

describe('the to-infinitive complement of a trigger', () => {
  it('gives the trigger the verb it takes, its class and its dictionary type', () => {
    const f = featuresOf('The Zorvak council agreed to withdraw its envoys from Quellport.', 'agreed');
    const withdraw = wordKnowledge().word('withdraw');
    const type = codeType(withdraw.cameo);
    expect(type).not.toBe('');
    expect(f).toContain(h`ti:${'withdraw'}`);
    expect(f).toContain(h`tic:${withdraw.coarse}`);
    expect(f).toContain(h`tik:${type}`);
    expect(f).toContain(h`lti:${'agree'}|${type}`);
  });

  it('reads the infinitive across the trigger’s object and an adverb', () => {
    const f = featuresOf('Quellport pressed the dock unions to quickly cancel the strike.', 'pressed');
    expect(f).toContain(h`ti:${'cancel'}`);
  });

  it('gives none when a clause break or another verb comes first', () => {
    expect(hasComplement(featuresOf('The council agreed, and the envoys went to Quellport to talk.', 'agreed'))).toBe(
      false,
    );
    expect(hasComplement(featuresOf('The envoys travelled to Quellport on Monday.', 'travelled'))).toBe(false);
    expect(hasComplement(featuresOf('The council voted to expel the envoys.', 'voted'))).toBe(true);
  });
});
