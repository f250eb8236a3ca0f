import { describe, expect, it } from 'vitest';
import { objectWords } from './arguments.js';
import { prepareSentence } from './sentence.js';

/** The words objectWords gives for the trigger `word` of a sentence of my own. */
function objectOf(text: string, word: string): string | undefined {
  const s = prepareSentence(text, { start: 0, end: text.length }, [], new Map());
  const i = s.toks.findIndex((t) => t.lower === word);
  const span = objectWords(s, i);
  return span && text.slice(s.toks[span[0]]!.start, s.toks[span[1] - 1]!.end);
}

describe('the trigger object as a fallback target', () => {
  it('takes the first actor in the clause after the trigger', () => {
    expect(objectOf('The council sent observers to the border town.', 'sent')).toBe('observers');
  });

  it('takes no object that names no actor', () => {
    expect(objectOf('The ministry banned the old flag.', 'banned')).toBeUndefined();
  });

  it('stops at the end of the clause', () => {
    expect(objectOf('The mayor resigned, which surprised the voters.', 'resigned')).toBeUndefined();
  });
});
