import { describe, expect, it } from 'vitest';
import type { Event, EventActor } from './analysis.js';
import { eventDyads } from './dyads.js';

const text = 'Chile and Peru and Bolivia signed a water pact.';
const actor = (code: string, words: string): EventActor => {
  const start = text.indexOf(words);
  return { code, text: words, start, end: start + words.length };
};
const [chl, per, bol] = [actor('CHL', 'Chile'), actor('PER', 'Peru'), actor('BOL', 'Bolivia')];
const pact = actor('', 'a water pact');
function event(over: Partial<Event>): Event {
  return {
    id: 'ev1',
    source: chl,
    target: pact,
    cameo: '057',
    plover: { type: 'SUPPORT' },
    goldstein: 8,
    quadClass: 1,
    trigger: { start: 27, end: 33, text: 'signed' },
    evidence: [{ start: 0, end: 46, text: text.slice(0, 46) }],
    sourceText: 'Chile and Peru and Bolivia',
    targetText: 'a water pact',
    ...over,
  };
}
const pairs = (e: Event, c: Parameters<typeof eventDyads>[1]) =>
  eventDyads(e, c).map(
    (d) => `${d.source?.code ?? ''}>${d.target?.code ?? ''}|${d.sourceText}>${d.targetText}`,
  );

describe('eventDyads: each scheme writes a reciprocal act its own way', () => {
  const mutual = event({ reciprocal: true, participants: [chl, per, bol] });
  it('CAMEO codes every direction between the participants, without the act’s object', () => {
    expect(pairs(mutual, 'cameo')).toEqual([
      'CHL>PER|Chile>Peru',
      'CHL>BOL|Chile>Bolivia',
      'PER>CHL|Peru>Chile',
      'PER>BOL|Peru>Bolivia',
      'BOL>CHL|Bolivia>Chile',
      'BOL>PER|Bolivia>Peru',
    ]);
  });
  it('PLOVER makes each participant a source with no target', () => {
    expect(pairs(mutual, 'plover')).toEqual(['CHL>|Chile>', 'PER>|Peru>', 'BOL>|Bolivia>']);
  });
  it('PLV marks the participants pairwise along the conjunction', () => {
    expect(pairs(mutual, 'plv')).toEqual(['CHL>PER|Chile>Peru', 'PER>BOL|Peru>Bolivia']);
  });
  it('the analysed event itself stays one row, with the conjoined words', () => {
    expect(pairs(mutual, 'event')).toEqual(['CHL>|Chile and Peru and Bolivia>a water pact']);
  });
  it('an act that is not reciprocal has its one dyad in every scheme', () => {
    const one = event({ participants: [chl, per] });
    for (const c of ['cameo', 'plover', 'plv', 'event'] as const)
      expect(pairs(one, c)).toEqual(['CHL>|Chile and Peru and Bolivia>a water pact']);
  });
  it('every dyad’s words are the article’s, at their spans', () => {
    for (const d of eventDyads(mutual, 'cameo'))
      for (const a of [d.source, d.target]) if (a) expect(text.slice(a.start, a.end)).toBe(a.text);
  });
});
