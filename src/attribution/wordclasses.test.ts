import { describe, expect, it } from 'vitest';
import { buildWordClasses, wordClasses } from './wordclasses.js';

describe('word classes', () => {
  it('groups frequent words by the parts of speech they take, ignoring rare tags and words', () => {
    const obs: Array<[string, string]> = [];
    for (let k = 0; k < 9; k++) obs.push(['report', 'NOUN']);
    for (let k = 0; k < 3; k++) obs.push(['report', 'VERB']);
    obs.push(['said', 'ADJ']); // one stray tag among many: below the share threshold
    for (let k = 0; k < 20; k++) obs.push(['said', 'VERB']);
    for (let k = 0; k < 2; k++) obs.push(['rare', 'ADJ']);
    const { classes } = buildWordClasses(obs);
    expect(classes['NOUN|VERB']).toEqual(['report']);
    expect(classes.VERB).toEqual(['said']);
    expect(Object.values(classes).flat()).not.toContain('rare');
  });

  it('ships a table with the common cue verbs as verbs', () => {
    const table = wordClasses();
    expect(table).not.toBeNull();
    expect(table?.get('said')).toMatch(/VERB/);
    expect(table?.get('the')).toBe('DET');
  });
});
