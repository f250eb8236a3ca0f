import { describe, expect, it } from 'vitest';
import { h } from './feature-hash.js';
import { typeFeatures } from './features.js';
import { wordKnowledge } from './knowledge.js';
import { prepareSentence } from './sentence.js';

/** The type features of the candidate whose word is `word` in `text`. */
function featuresOf(text: string, word: string): number[] {
  const s = prepareSentence(text, { start: 0, end: text.length }, [], new Map());
  const c = s.candidates.find((x) => s.toks[x.i]!.lower === word);
  if (!c) throw new Error(`"${word}" is no candidate of "${text}"`);
  return typeFeatures(s, c);
}

describe('the light verb and modifiers of a trigger', () => {
  it('gives a noun trigger the verb whose object it is, and the adjective before it', () => {
    const f = featuresOf('The Zorvak council launched a scathing attack on the Quellport mayor.', 'attack');
    expect(f).toContain(h`lv:${'launch'}`);
    expect(f).toContain(h`lvc:${wordKnowledge().word('launch').coarse}`);
    expect(f).toContain(h`am:${'scathing'}`);
  });

  it('gives a noun trigger with no verb before it the word that is there instead', () => {
    const f = featuresOf('After the attack on Quellport, the envoys left.', 'attack');
    expect(f).toContain(h`lv:${'ADP'}`);
    expect(f).not.toContain(h`lv:${'leave'}`);
  });

  it('gives a verb trigger the modifiers of its object', () => {
    const f = featuresOf('The Zorvak council sent medical supplies to Quellport.', 'sent');
    expect(f).toContain(h`om:${'medical'}`);
    expect(f).toContain(h`omc:${wordKnowledge().word('medical').fine}`);
  });
});
