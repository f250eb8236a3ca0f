import { describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/analyze.js';
import type { Event } from '../model/index.js';
import { reciprocalKnowledge } from './reciprocal.js';

/** The events of one sentence of our own, through the whole pipeline (NER and actors give the codes). */
function events(text: string): Event[] {
  return analyze(text, {}, { id: 't' }).events;
}
const codes = (e: Event) => (e.participants ?? []).map((p) => p.code);
const mutual = (text: string) => events(text).filter((e) => e.reciprocal);

describe('reciprocal acts of conjoined actors', () => {
  it('joins a subject the tagger split into source and target ("Peru and Bolivia signed")', () => {
    const text = 'Peru and Bolivia signed a border treaty on Monday.';
    const evs = events(text);
    expect(evs.some((e) => e.source?.code === 'PER' && e.target?.code === 'BOL')).toBe(false);
    const [e] = mutual(text);
    expect(codes(e!)).toEqual(['PER', 'BOL']);
    expect(e!.sourceText).toBe('Peru and Bolivia');
    // Each participant with its own words, at its span.
    for (const p of e!.participants!) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(e!.participants!.map((p) => p.text)).toEqual(['Peru', 'Bolivia']);
  });

  it('an object "each other" makes any act mutual and is no target', () => {
    const [e] = mutual('Armenia and Azerbaijan blamed each other for the shelling.');
    expect(codes(e!)).toEqual(['ARM', 'AZE']);
    expect(e!.target).toBeNull();
  });

  it('a reciprocal predicate from the data ("clashed") makes a compound subject mutual', () => {
    expect(reciprocalKnowledge().words.has('clash')).toBe(true);
    const [e] = mutual('Chadian and Sudanese soldiers clashed near the border.');
    expect(codes(e!)).toEqual(['TCDMIL', 'SDNMIL']);
  });

  it('an act on a mutual thing is mutual ("reached a trade agreement"): the head noun of the object', () => {
    const [e] = mutual('Nepal and Bhutan reached a trade agreement on Monday.');
    expect(codes(e!)).toEqual(['NPL', 'BTN']);
  });

  it('a noun trigger is mutual by the verb it is the object of ("traded fire")', () => {
    expect(codes(mutual('Serbia and Kosovo traded fire overnight.')[0]!)).toEqual(['SRB', 'KSV']);
  });

  it('the place of the act is no third party ("held talks in Paris")', () => {
    const [e] = mutual('Ghana and Togo held talks in Paris on Monday.');
    expect(codes(e!)).toEqual(['GHA', 'TGO']);
    // Kept as the act's own object, for the schemes that mark one.
    expect(e!.target?.text).toBe('Paris');
  });

  it('participants after "between" act on each other, whatever the predicate ("talks between … resumed")', () => {
    expect(codes(mutual('Talks between Egypt and Ethiopia resumed on Monday.')[0]!)).toEqual(['EGY', 'ETH']);
  });

  it('a target coded as a participant’s own is no third party ("their joint military exercises")', () => {
    const [e] = mutual('Jordan and Britain have agreed to undertake joint military exercises this month.');
    expect(codes(e!)).toEqual(['JOR', 'GBR']);
  });

  it('"A met with B" is not reciprocal: B stays the target', () => {
    const evs = events('Peru met with Chile on Friday.');
    expect(evs.some((e) => e.reciprocal)).toBe(false);
    expect(evs.some((e) => e.source?.code === 'PER' && e.target?.code === 'CHL')).toBe(true);
  });

  it('conjoined actors acting on a third each act on it, not on each other', () => {
    const evs = events('Norway, Sweden and Denmark condemned Russia.');
    expect(evs.some((e) => e.reciprocal)).toBe(false);
    expect(evs.map((e) => `${e.source?.code}>${e.target?.code}`).sort()).toEqual([
      'DNK>RUS',
      'NOR>RUS',
      'SWE>RUS',
    ]);
  });

  it('a reciprocal predicate with a third party is no mutual act ("met with Nigeria")', () => {
    const evs = events('Ghana and Togo met with Nigeria on Friday.');
    expect(evs.some((e) => e.reciprocal)).toBe(false);
    expect(evs.map((e) => `${e.source?.code}>${e.target?.code}`).sort()).toEqual(['GHA>NGA', 'TGO>NGA']);
  });
});
