import { describe, expect, it } from 'vitest';
import { analyze } from '../pipeline/index.js';
import type { Analysis } from '../model/index.js';
import { groupReferent, singular, type OrganisationFacts, type OrganisationMention } from './groups.js';

/*
 * Organisations referred to by a common noun ("the agency", "the doctors", "prosecutors"): short
 * texts of our own, through the whole pipeline. Precision first: weak or split evidence leaves the
 * description without an actor.
 */

const run = (text: string): Analysis => analyze(text, { published: '2019-11-20' });
/** The actor names of every mention with this exact text, in text order. */
const actorsOf = (a: Analysis, text: string) =>
  a.mentions
    .filter((m) => m.text === text)
    .map((m) => (m.actor ? a.actors.find((x) => x.id === m.actor)?.name : undefined));

describe('organisation names NER cuts short', () => {
  it('keeps "X for Y" advocacy groups, "Customs and Border Protection" and "Attorney\'s Office" whole', () => {
    const a = run(
      'The nurses, members of the group Nurses for Safe Streets, met on Monday. ' +
        'Officials at Customs and Border Protection declined. ' +
        'The U.S. Attorney’s Office for the District of Maine filed the charges.',
    );
    const names = a.mentions.filter((m) => m.kind === 'name').map((m) => m.text);
    expect(names).toEqual(
      expect.arrayContaining([
        'Nurses for Safe Streets',
        'Customs and Border Protection',
        'U.S. Attorney’s Office for the District of Maine',
      ]),
    );
  });

  it('joins the words of one name at "and", never two names', () => {
    const a = run(
      'The Federal Railroad Administration and the Federal Transit Administration met. ' +
        'Shares of SBI and Union Bank rose. The Food and Drug Administration agreed.',
    );
    const names = a.mentions.filter((m) => m.kind === 'name').map((m) => m.text);
    expect(names).toEqual(
      expect.arrayContaining([
        'Federal Railroad Administration',
        'Federal Transit Administration',
        'Food and Drug Administration',
      ]),
    );
    expect(names.filter((n) => / and /.test(n) && n !== 'Food and Drug Administration')).toEqual([]);
  });

  it('does not start an advocacy name at the start of a sentence', () => {
    const a = run('Teachers for years have asked for more pay. Farmers Against Tariffs is a new group.');
    expect(a.mentions.some((m) => m.text.startsWith('Teachers for'))).toBe(false);
    expect(a.mentions.some((m) => m.text === 'Farmers Against Tariffs')).toBe(false);
  });
});

describe('group anaphora', () => {
  it('ties "the nurses" and "the medics" to the group whose name holds the noun or a synonym', () => {
    const a = run(
      'On Monday the group Nurses for Safe Streets sent a letter to the mayor. The nurses said the clinic was full. ' +
        'Later, the nurses wrote again.',
    );
    expect(actorsOf(a, 'The nurses')).toEqual(['Nurses for Safe Streets']);
    expect(actorsOf(a, 'the nurses')).toEqual(['Nurses for Safe Streets']);
    const b = run(
      'On Monday, Doctors for Clean Air wrote to the city. The physicians said the smog was deadly.',
    );
    expect(actorsOf(b, 'The physicians')).toEqual(['Doctors for Clean Air']);
  });

  it('takes a group named in the next sentence when none was named before', () => {
    const a = run(
      'The nurses wrote to the mayor on Monday. The nurses, members of the group Nurses for Safe Streets, asked for a meeting.',
    );
    expect(actorsOf(a, 'The nurses')[0]).toBe('Nurses for Safe Streets');
  });

  it('gives "the agency" the agency of its sentence\'s subject, not the department it is part of', () => {
    const a = run(
      'The Federal Railroad Administration, part of the Department of Transportation, rejected the plan. ' +
        'The agency said in a statement that the plan was unsafe.',
    );
    expect(actorsOf(a, 'The agency')).toEqual(['Federal Railroad Administration']);
  });

  it('gives "the brokerage" and "the company" an organisation of that kind named just before', () => {
    const a = run(
      'Demand will recover next year, said Acme Capital Securities in a note. Growth could slow, the brokerage said.',
    );
    expect(actorsOf(a, 'the brokerage')).toEqual(['Acme Capital Securities']);
    const b = run('Shares of the carmaker Zentra Motors fell on Monday. The company said sales were weak.');
    expect(actorsOf(b, 'The company')).toEqual(['Zentra Motors']);
  });

  it('leaves "the agency" open when two agencies were named as recently', () => {
    const a = run(
      'The Federal Railroad Administration and the Federal Transit Administration met on Monday. ' +
        'The agency said the plan was unsafe.',
    );
    expect(actorsOf(a, 'The agency')).toEqual([undefined]);
  });

  it('leaves "the company" open when the only company was named long before', () => {
    const a = run(
      'Zentra Motors opened a plant in Ohio. The town was pleased. Workers lined up. Wages rose. ' +
        'Schools grew. The company said it would hire more.',
    );
    expect(actorsOf(a, 'The company')).toEqual([undefined]);
  });

  it('gives bare "prosecutors" the one prosecuting office the article names, and no other', () => {
    const a = run(
      'A Maine man pleaded guilty on Monday, prosecutors said. ' +
        'The U.S. Attorney’s Office for the District of Maine said he faces ten years.',
    );
    expect(actorsOf(a, 'prosecutors')).toEqual(['U.S. Attorney’s Office for the District of Maine']);
    const b = run('A Maine man pleaded guilty on Monday, prosecutors said. He faces ten years.');
    expect(actorsOf(b, 'prosecutors').filter(Boolean)).toEqual([]);
  });

  it('credits the statement of "the agency" to it', () => {
    const a = run(
      'The Federal Railroad Administration rejected the plan on Monday. ' +
        'The agency said in a statement that the plan was unsafe.',
    );
    const at = a.attributions.find((x) => x.source?.text === 'The agency');
    expect(at?.source?.unnamed).toBeUndefined();
    expect(a.actors.find((x) => x.id === at?.source?.actor)?.name).toBe('Federal Railroad Administration');
  });
});

describe('groupReferent', () => {
  // Entities: 0 a company by its name, 1 an organisation of unknown kind, 2 a second company.
  const facts = (e: number): OrganisationFacts =>
    [
      { words: new Set(['zentra', 'motor']), stated: new Set<string>() },
      { words: new Set(['brightwell']), stated: new Set<string>() },
      { words: new Set(['orrin', 'inc']), stated: new Set<string>() },
      { words: new Set(['kestrel']), stated: new Set(['company']) },
    ][e];
  const at = (entity: number, sentence: number, subject = false): OrganisationMention => ({
    t0: sentence * 10 + entity,
    t1: sentence * 10 + entity + 1,
    sentence,
    entity,
    subject,
  });
  const query = (sentence: number) => ({ head: 'company', t0: sentence * 10 + 9, sentence, bare: false });

  it('takes the one company just named', () => {
    expect(groupReferent(query(1), [at(0, 0, true)], facts)).toBe(0);
  });

  it('leaves it open when an organisation of unknown kind was named after the company', () => {
    expect(groupReferent(query(2), [at(0, 0, true), at(1, 1, true)], facts)).toBeUndefined();
  });

  it('leaves it open when two companies were named in the same sentence, neither its subject', () => {
    expect(groupReferent(query(1), [at(0, 0), at(2, 0)], facts)).toBeUndefined();
    expect(groupReferent(query(1), [at(0, 0, true), at(2, 0)], facts)).toBe(0);
  });

  it('leaves it open when another company was named in the sentence before', () => {
    expect(groupReferent(query(2), [at(2, 0, true), at(0, 1, true)], facts)).toBeUndefined();
  });

  it('leaves it open when an organisation was named again since the one the text called a company', () => {
    expect(groupReferent(query(5), [at(3, 0, true)], facts)).toBe(3);
    expect(groupReferent(query(5), [at(3, 0, true), at(1, 3), at(1, 4, true)], facts)).toBeUndefined();
    // Named once, an organisation of unknown kind may be NER's slip ("Health care providers").
    expect(groupReferent(query(5), [at(3, 0, true), at(1, 4, true)], facts)).toBe(3);
  });

  it('takes no company named after when an organisation was just named before', () => {
    expect(groupReferent(query(1), [at(3, 2, true)], facts)).toBe(3);
    expect(groupReferent(query(1), [at(1, 0, true), at(3, 2, true)], facts)).toBeUndefined();
  });
});

describe('singular', () => {
  it('folds the plurals organisation names use', () => {
    expect(['agencies', 'services', 'doctors', 'businesses', 'news', 'status'].map(singular)).toEqual([
      'agency',
      'service',
      'doctor',
      'business',
      'new',
      'status',
    ]);
  });
});
