import { describe, expect, it } from 'vitest';
import type { Actor, Mention } from '../model/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import { authoredCountries, authoredOrganizations, authoredRoleWords } from '../actors/index.js';
import { projectPath } from '../util/data.js';
import { findActorPhrases, phraseCode } from './actors.js';
import { grammar } from './lexicon.js';
import { tagRange } from './tagger.js';

const phrases = (text: string, mentions: Mention[] = [], actors: Actor[] = []) =>
  findActorPhrases(text, tagRange(text, 0, text.length), mentions, new Map(actors.map((a) => [a.id, a])));

/** The mention m1 of a name the mentions layer found in the text, tied to `actor` when given. */
function nameIn(text: string, name: string, type: Mention['type'], actor?: string): Mention {
  const start = text.indexOf(name);
  return {
    id: 'm1',
    start,
    end: start + name.length,
    text: name,
    type,
    kind: 'name',
    ...(actor ? { actor } : {}),
  };
}

describe('the events fallback vocabulary', () => {
  it("reads the actors stage's countries: names, demonyms and metonyms", () => {
    expect(phrases('Kosovan police detained two men.')[0]).toMatchObject({ country: 'KSV', agent: 'COP' });
    expect(phrases('Officials in Brasilia said no.').map((p) => p.country)).toContain('BRA');
    expect(phrases('The Democratic Republic of Congo freed him.')[0]).toMatchObject({ country: 'COD' });
  });

  it('leaves a coded mention its actor when a name with its article would swallow it', () => {
    const text = 'Later the United States withdrew.';
    const mention = nameIn(text, 'United States', 'GPE', 'a1');
    const actor = { id: 'a1', name: 'United States', type: 'GPE', cameo: 'USA', mentions: ['m1'] } as Actor;
    expect(phrases(text, [mention], [actor])[0]).toMatchObject({
      country: 'USA',
      actor: 'a1',
      mention: 'm1',
    });
  });

  it("reads the actors stage's territories, former names, organisations and role words", () => {
    expect(phrases('Gibraltar police detained two men.')[0]).toMatchObject({ country: 'GIB', agent: 'COP' });
    expect(phrases('Protesters marched in Hong Kong.').map((p) => p.country)).toContain('HKG');
    expect(phrases('Soviet officials met Czechoslovak diplomats.')).toMatchObject([
      { country: 'RUS', agent: 'GOV' },
      { country: 'CZE', agent: 'GOV' },
    ]);
    expect(phrases('Israeli tanks shelled the village.')[0]).toMatchObject({ country: 'ISR', agent: 'MIL' });
    expect(phraseCode(phrases('Later the State Department objected.')[0]!)).toBe('USAGOV');
    expect(phraseCode(phrases('Later Greenpeace objected.')[0]!)).toBe('NGOENV');
    expect(phraseCode(phrases('Later al-Qaeda leaders objected.')[0]!)).toBe('IMGMUSALQGOV');
    // The actors stage's reading, not a second one: militants are insurgents (INS) there and here.
    expect(phrases('Militants fired at Algerian troops.')[0]).toMatchObject({ agent: 'INS' });
  });

  it('reads a capital as its country and another seat of power as its agent, as the actors stage does', () => {
    expect(phrases('Delegates from Beijing arrived.')[0]).toMatchObject({ country: 'CHN' });
    expect(phrases('Delegates from Beijing arrived.')[0]!.agent).toBeUndefined();
    expect(phrases('Later the Kremlin objected.')[0]).toMatchObject({ country: 'RUS', agent: 'GOV' });
  });

  it('leaves uncoded the part of a longer name the actors stage could not code', () => {
    const text = 'The Federal Foreign Office condemned the attack.';
    const mention = nameIn(text, 'Federal Foreign Office', 'ORG');
    expect(phraseCode(phrases(text)[0]!)).toBe('GBRGOV');
    // The phrase stays (its words are an actor's) but has no code: uncoded beats a wrong country.
    expect(phrases(text, [mention])).toMatchObject([{ uncoded: true }]);
    expect(phraseCode(phrases(text, [mention])[0]!, 'DEU')).toBeUndefined();
    // A person's titled name is no company ("Meta" is an alias of Meta Platforms).
    const titled = 'They criticised President Ilir Meta.';
    const meta: Mention = {
      ...mention,
      start: titled.indexOf('President'),
      end: titled.length - 1,
      text: 'President Ilir Meta',
      type: 'PERSON',
      kind: 'titled-name',
    };
    expect(phraseCode(phrases(titled).at(-1)!)).toBe('USABUS');
    expect(phraseCode(phrases(titled, [meta]).at(-1)!, 'ALB')).toBe('ALBGOV');
    // A name tagged over a common word is no longer name ("NATO-member Norway").
    const other = 'NATO-member Norway agreed.';
    const wide: Mention = { ...mention, start: 0, end: 18, text: 'NATO-member Norway' };
    expect(phraseCode(phrases(other, [wide])[0]!)).toBe('NOR');
  });

  it("reads one country's institution after another country's name or demonym as that country's", () => {
    const code = (text: string) => {
      const p = phrases(text)[0]!;
      return phraseCode(p);
    };
    // The vocabulary's "Senate" and "National Security Council" are the US ones.
    expect(code('The Ghanaian Senate opened an inquiry.')).toBe('GHALEG');
    expect(code("Kenya's National Security Council met on Monday.")).toBe('KENGOV');
    expect(code('The Senate opened an inquiry.')).toBe('USALEG');
    expect(code('The U.S. Senate opened an inquiry.')).toBe('USALEG');
  });

  it('ends a phrase at a verb after an actor with its agent', () => {
    expect(phrases('Police arrested three rebels.').map((p) => p.agent)).toEqual(['COP', 'REB']);
    expect(phrases('French striking workers marched.')[0]).toMatchObject({ country: 'FRA', agent: 'LAB' });
  });

  it('gives every name and role word of data/actors/ the reading the actors stage gives it', () => {
    // One vocabulary: each entry, alone in a sentence of our own, comes out with the actors' code.
    const differ: string[] = [];
    const agentOf = new Map<string, string>();
    for (const r of authoredRoleWords())
      for (const w of r.words) if (!agentOf.has(w)) agentOf.set(w, r.agent);
    for (const [w, agent] of agentOf) {
      const p = phrases(`Yesterday ${w} arrived.`);
      if (p.length === 1 && p[0]!.agent !== agent) differ.push(`${w}: ${p[0]!.agent ?? '-'} ≠ ${agent}`);
    }
    const countryNames = new Set(authoredCountries().flatMap((c) => [c.name, ...c.aliases]));
    for (const o of authoredOrganizations())
      for (const n of [o.name, ...o.aliases]) {
        if (countryNames.has(n)) continue;
        const p = phrases(`Yesterday ${n} arrived.`);
        if (p.length === 1 && phraseCode(p[0]!) !== o.cameo && !p[0]!.agent)
          differ.push(`${n}: ${phraseCode(p[0]!) ?? '-'} ≠ ${o.cameo}`);
      }
    expect(differ).toEqual([]);
  });

  it('keeps no actor vocabulary of its own under data/events/', () => {
    // Its grammar names words around actors (pronouns, "former", "towns"), never an actor itself.
    expect(readdirSync(projectPath('data', 'events')).filter((f) => /actor|countr|organi/i.test(f))).toEqual(
      [],
    );
    const actorWords = new Set(
      [
        ...authoredRoleWords().flatMap((r) => r.words),
        ...authoredCountries().flatMap((c) => [c.name, ...c.aliases, ...c.demonyms]),
        ...authoredOrganizations().flatMap((o) => [o.name, ...o.aliases]),
      ].map((w) => w.toLowerCase()),
    );
    const g = grammar();
    const repeated = [...g.civilianNouns, ...g.formerModifiers, ...g.actorPronouns].filter((w) =>
      actorWords.has(w.toLowerCase()),
    );
    expect(repeated).toEqual([]);
    const raw = readFileSync(projectPath('data', 'events', 'grammar.json'), 'utf8');
    expect(raw).not.toMatch(/"(?:countryAliases|organizations|agents)"/);
  });
});
