import { describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/index.js';
import type { Analysis } from '../model/index.js';

/*
 * Sources that speak for someone else (issuers.ts): a document is its issuer's statement, an
 * unnamed spokesperson is the organisation's voice, a spokesperson for a person is not that person.
 * Short texts of our own, through the whole pipeline.
 */

const run = (text: string): Analysis => analyze(text, { published: '2019-11-20' });
/** The speaker's actor name of the attribution whose source text is `source`; null when unnamed. */
const speakerOfSource = (a: Analysis, source: string): string | null | undefined => {
  const found = a.attributions.find((x) => x.source?.text === source);
  if (!found) return undefined;
  const id = found.source?.actor;
  return id && !found.source?.unnamed ? (a.actors.find((x) => x.id === id)?.name ?? null) : null;
};

describe('issuers', () => {
  it('credits a report, guidance or received reports to whoever issued them', () => {
    const a = run(
      'At least 40 people were killed, according to credible reports received by Amnesty International. ' +
        'A report from the Federal Railroad Administration said the line was unsafe.',
    );
    expect(speakerOfSource(a, 'credible reports received by Amnesty International')).toBe(
      'Amnesty International',
    );
    expect(speakerOfSource(a, 'A report from the Federal Railroad Administration')).toBe(
      'Federal Railroad Administration',
    );
  });

  it("credits a possessive document to its owner: Amnesty's report", () => {
    const a = run("Amnesty International's report said torture was common in the prisons.");
    expect(speakerOfSource(a, "Amnesty International's report")).toBe('Amnesty International');
  });

  it('credits an unnamed spokesperson to the organisation, named or referred to', () => {
    const a = run(
      'A spokesman for the Federal Railroad Administration said the line was closed. ' +
        'A CBP spokeswoman said the center was full.',
    );
    expect(speakerOfSource(a, 'A spokesman for the Federal Railroad Administration')).toBe(
      'Federal Railroad Administration',
    );
    expect(speakerOfSource(a, 'A CBP spokeswoman')).toBe('U.S. Customs and Border Protection');
  });

  it('never credits a spokesperson for a person to that person', () => {
    const a = run('Senator Jane Smith was in hospital. A spokesman for Smith said she was resting.');
    expect(speakerOfSource(a, 'A spokesman for Smith')).not.toBe('Jane Smith');
  });

  it('reads a named document title or a month before the noun as no issuer: the issuer follows', () => {
    const a = run(
      'Pickup sales rose 4 percent in March, according to the TruckStats Facts report from CarData, ' +
        'a Dallas-based provider of vehicle data. Most Democrats back the plan, according to a March ' +
        'survey conducted by Gallup.',
    );
    const report = 'the TruckStats Facts report from CarData, a Dallas-based provider of vehicle data';
    expect(speakerOfSource(a, report)).toBe('CarData');
    expect(speakerOfSource(a, 'a March survey conducted by Gallup')).toBe('Gallup');
  });

  it('never credits a named poll to the people it polled ("a YouGov poll of Texas voters")', () => {
    const a = run('Officials met on Monday. A YouGov poll of Texas voters found that the plan is unpopular.');
    expect(speakerOfSource(a, 'A YouGov poll of Texas voters')).not.toBe('Texas');
  });

  it('does not read a noun modifier as the document ("a GOP data expert" is an expert)', () => {
    const a = run('A longtime GOP data expert said the voter lists were old.');
    expect(speakerOfSource(a, 'A longtime GOP data expert')).not.toBe('Republican Party');
  });
});
