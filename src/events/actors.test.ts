import { describe, expect, it } from 'vitest';
import type { Actor, Mention } from '../model/index.js';
import { authoredCountries } from '../actors/index.js';
import { findActorPhrases } from './actors.js';
import { actorWords } from './lexicon.js';
import { tagRange } from './tagger.js';

const phrases = (text: string, mentions: Mention[] = [], actors: Actor[] = []) =>
  findActorPhrases(text, tagRange(text, 0, text.length), mentions, new Map(actors.map((a) => [a.id, a])));

describe('the events fallback vocabulary', () => {
  it("reads the actors stage's countries: names, demonyms and metonyms", () => {
    expect(phrases('Kosovan police detained two men.')[0]).toMatchObject({ country: 'KSV', agent: 'COP' });
    expect(phrases('Officials in Brasilia said no.').map((p) => p.country)).toContain('BRA');
    expect(phrases('The Democratic Republic of Congo freed him.')[0]).toMatchObject({ country: 'COD' });
  });

  it('leaves a coded mention its actor when a name with its article would swallow it', () => {
    const text = 'Later the United States withdrew.';
    const start = text.indexOf('United');
    const mention: Mention = {
      id: 'm1',
      start,
      end: start + 'United States'.length,
      text: 'United States',
      type: 'GPE',
      kind: 'name',
      actor: 'a1',
    };
    const actor = { id: 'a1', name: 'United States', type: 'GPE', cameo: 'USA', mentions: ['m1'] } as Actor;
    expect(phrases(text, [mention], [actor])[0]).toMatchObject({
      country: 'USA',
      actor: 'a1',
      mention: 'm1',
    });
  });

  it('repeats nothing of data/actors/countries.json in data/events/actor-words.json', () => {
    // The reading the vocabulary gives each name: the first one wins, as in `vocab()`.
    const known = new Map<string, string>();
    const read = (name: string, reading: string) => known.has(name) || known.set(name, reading);
    for (const c of authoredCountries()) {
      for (const n of [c.name, ...c.aliases]) read(n, `country ${c.code}`);
      for (const d of c.demonyms) read(d, `demonym ${c.code}`);
      if (c.capital) read(c.capital, `capital ${c.code}`);
      for (const m of c.metonyms)
        read(m.name, m.agent ? `capital ${c.code} ${m.agent}` : `capital ${c.code}`);
    }
    const repeated = actorWords().countryAliases.flatMap((a) => [
      ...(a.names ?? []).filter(
        (n) => known.get(n) === (a.agent ? `capital ${a.code} ${a.agent}` : `country ${a.code}`),
      ),
      ...(a.demonyms ?? []).filter((d) => known.get(d) === `demonym ${a.code}`),
    ]);
    expect(repeated).toEqual([]);
  });
});
