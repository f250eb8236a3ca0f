import { describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/analyze.js';
import { objectWords, sourceWords } from './arguments.js';
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

  it('takes the destination of an armed force for the act done to it', () => {
    expect(objectOf('Brazil sent troops to Haiti.', 'sent')).toBe('Haiti');
    expect(objectOf('Russia deployed soldiers into Syria on Monday.', 'deployed')).toBe('Syria');
    // No actor right after the preposition: the force stays the object.
    expect(objectOf('Brazil sent troops to fight the rebels.', 'sent')).toBe('troops');
  });

  it('takes no object that names no actor', () => {
    expect(objectOf('The ministry banned the old flag.', 'banned')).toBeUndefined();
  });

  it('stops at the end of the clause', () => {
    expect(objectOf('The mayor resigned, which surprised the voters.', 'resigned')).toBeUndefined();
  });
});

describe('source words', () => {
  /** The source words sourceWords keeps of the whole sentence before its verb `word`. */
  function sourceOf(text: string, word: string): string | undefined {
    const s = prepareSentence(text, { start: 0, end: text.length }, [], new Map());
    const span = sourceWords(s, [0, s.toks.findIndex((t) => t.lower === word)]);
    return span && text.slice(s.toks[span[0]]!.start, s.toks[span[1] - 1]!.end);
  }
  it('a thing an actor owns is no source', () => {
    expect(sourceOf("The party's distemper angered Germany.", 'angered')).toBeUndefined();
    expect(sourceOf("Germany's tax strategy was assailed.", 'was')).toBeUndefined();
  });
  it('the next actor after an owned thing is', () => {
    expect(sourceOf("Instead of the party's demand, Germany sent troops.", 'sent')).toBe('Germany');
  });
  it('an actor an actor owns is', () => {
    expect(sourceOf("Germany's foreign minister criticized France.", 'criticized')).toBe(
      "Germany's foreign minister",
    );
  });
});

describe('a heading before the actors', () => {
  it('a dash set apart by spaces ends no actor group: the source starts after it', () => {
    const events = analyze('Cairo - Egypt and Jordan condemned the decision of the United States.').events;
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.sourceText).toBe('Egypt and Jordan');
  });
});
