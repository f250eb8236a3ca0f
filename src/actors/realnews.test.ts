import { describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/index.js';
import type { Analysis } from '../model/index.js';

/*
 * One actor per person, and the article before the knowledge base: each case is a short text of our
 * own built on an error read on real 2019 news pages, through the whole pipeline.
 */

const run = (text: string, published = '2019-11-20'): Analysis => analyze(text, { published });
const actorOfText = (a: Analysis, text: string) => {
  const m = a.mentions.find((x) => x.text === text);
  return m?.actor ? a.actors.find((x) => x.id === m.actor) : undefined;
};

describe('one actor per person', () => {
  it('merges a title, the name it introduces and the family name alone', () => {
    const a = run(
      "Britain was accused of meddling by China's ambassador to Britain, Liu Xiaoming. " +
        "China's ambassador said London should stop. Liu told reporters he was disappointed.",
    );
    const liu = a.actors.filter((x) => x.name === 'Liu Xiaoming');
    expect(liu).toHaveLength(1);
    expect(liu[0].mentions.map((id) => a.mentions.find((m) => m.id === id)?.text)).toEqual(
      expect.arrayContaining(["China's ambassador", 'Liu Xiaoming', 'Liu']),
    );
    expect(a.actors.filter((x) => /ambassador/i.test(x.name))).toEqual([]);
  });

  it('gives "the U.S. attorney" to the attorney named in apposition with a place', () => {
    const a = run(
      'Geoffrey Berman, the U.S. attorney in Manhattan, brought the charges. The U.S. attorney said the case was strong.',
    );
    expect(actorOfText(a, 'The U.S. attorney')?.name).toBe('Geoffrey Berman');
  });

  it('keeps a possessive name with its person, never a place', () => {
    const a = run(
      "Sweden dropped its inquiry into Julian Assange. Julian Assange's lawyers welcomed the move.",
    );
    const assange = a.actors.filter((x) => x.name === 'Julian Assange');
    expect(assange).toHaveLength(1);
    expect(assange[0].type).toBe('PERSON');
  });

  it('gives one name one type in an article', () => {
    const a = run(
      'Brexit dominated the debate. Supporters of Brexit cheered, but Brexit remains unpopular in Scotland.',
    );
    const types = new Set(a.mentions.filter((m) => m.text === 'Brexit').map((m) => m.type));
    expect(types.size).toBeLessThanOrEqual(1);
  });

  it('makes no actor of months, weekdays, numbered nouns or party-and-state labels', () => {
    const a = run(
      'In October, Phase 1 of the deal was signed. Omar posted the letter on Twitter Tuesday. ' +
        'Rep. Don Bacon, R-Neb., called his colleagues on Oct. 3.',
    );
    const names = a.actors.map((x) => x.name);
    for (const junk of ['October', 'Oct', 'Phase', 'Tuesday', 'Twitter Tuesday'])
      expect(names).not.toContain(junk);
    expect(names.some((n) => /R-Neb|called/.test(n))).toBe(false);
    expect(names).toContain('Twitter');
  });
});

describe('the article before the knowledge base', () => {
  it('gives "the then Home Secretary" to the person the text names, not the holder at the date', () => {
    const a = run('The then UK Home Secretary, Sajid Javid, signed the order in June.');
    const javid = a.actors.find((x) => x.name === 'Sajid Javid');
    expect(javid?.roles.some((r) => r.source === 'text' && r.title === 'Home Secretary')).toBe(true);
    expect(a.actors.map((x) => x.name)).not.toContain('Priti Patel');
  });

  it("never moves another country's office into a US institution", () => {
    const a = run("Nigeria's President of the Senate, Ahmed Lawan, criticised the bill.");
    expect(a.actors.some((x) => x.cameo === 'USALEG')).toBe(false);
    expect(actorOfText(a, 'Ahmed Lawan')?.cameo).toMatch(/^NGA/);
  });

  it('reads "a China scholar" as a field of study, not a Chinese institution', () => {
    const a = run('Jane Moss, a China scholar at Yale, said the talks had stalled.');
    expect(a.actors.some((x) => x.cameo === 'CHNEDU')).toBe(false);
  });

  it('names organisations as they were called at the date', () => {
    const names = (date: string) =>
      run('Twitter and Facebook removed the accounts.', date).actors.map((x) => x.name);
    expect(names('2019-11-20')).toEqual(['Twitter', 'Facebook']);
    expect(names('2024-11-20')).toEqual(['X Corp.', 'Meta Platforms']);
  });

  it('gives no role to what someone is accused of', () => {
    const a = run('The accused sex trafficker Jeffrey Epstein died in jail.');
    expect(a.actors.find((x) => x.name === 'Jeffrey Epstein')?.roles).toEqual([]);
  });
});
