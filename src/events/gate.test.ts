import { describe, expect, it } from 'vitest';
import type { Mention } from '../model/index.js';
import { actorWords } from './arguments.js';
import { holdsTrigger, mayHoldEvent, namesAnActor, stemsOf } from './gate.js';
import { prepareSentence } from './sentence.js';

const whole = (text: string) => [0, text.length] as const;

describe('sentence gate', () => {
  it('passes a sentence that names an actor by a mention or an actor word', () => {
    const text = 'Maria Lopez visited the museum.';
    const mention: Mention = {
      id: 'm1',
      start: 0,
      end: 11,
      text: 'Maria Lopez',
      type: 'PERSON',
      kind: 'name',
    };
    expect(namesAnActor(text, ...whole(text), [mention])).toBe(true);
    expect(namesAnActor('Police fired tear gas.', 0, 22, [])).toBe(true);
    expect(namesAnActor('The weather stayed cold all week.', 0, 33, [])).toBe(false);
  });
  it('counts the first word of a name only capitalised (Moscow\'s "Old Square" makes no actor of "old")', () => {
    expect(namesAnActor('The old bridge collapsed.', 0, 25, [])).toBe(false);
    expect(namesAnActor('Old Square denied it.', 0, 21, [])).toBe(true);
    expect(namesAnActor('Rebel fighters denied it.', 0, 25, [])).toBe(true);
  });
  it('finds trigger words as written or as regular inflections', () => {
    const vocabulary = new Set(['attack', 'party', 'ban']);
    expect(holdsTrigger('The rebels attacked a convoy.', 0, 29, vocabulary)).toBe(true);
    expect(holdsTrigger('Both parties met.', 0, 17, vocabulary)).toBe(true);
    expect(holdsTrigger('The city banned cars.', 0, 21, vocabulary)).toBe(true);
    expect(holdsTrigger('The weather stayed cold.', 0, 24, vocabulary)).toBe(false);
    expect(stemsOf('banning')).toContain('ban');
  });
  it('needs both a trigger word and an actor', () => {
    const vocabulary = new Set(['attack']);
    expect(mayHoldEvent('Police attacked the camp.', 0, 25, [], vocabulary)).toBe(true);
    expect(mayHoldEvent('Police guarded the camp.', 0, 24, [], vocabulary)).toBe(false);
    expect(mayHoldEvent('Someone attacked the camp.', 0, 26, [], vocabulary)).toBe(false);
  });
});

describe('arguments snapped to actors', () => {
  const prepared = (text: string) => prepareSentence(text, { start: 0, end: text.length }, [], new Map());
  const words = (text: string, from: string, to: string) => {
    const s = prepared(text);
    const i = s.toks.findIndex((t) => t.text === from);
    const j = s.toks.findIndex((t) => t.text === to) + 1;
    const span = actorWords(s, [i, j]);
    return span && text.slice(s.toks[span[0]]!.start, s.toks[span[1] - 1]!.end);
  };
  it('keeps the actor of the tagged words and drops words that name none', () => {
    expect(words('Video footage shows police beating protesters.', 'Video', 'footage')).toBeUndefined();
    expect(words('The riot police beat protesters.', 'The', 'police')).toBe('The riot police');
  });
});
