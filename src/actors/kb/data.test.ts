import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData, PROJECT_ROOT } from '../../util/data.js';
import { nameKey } from './keys.js';
import type { Person, PersonRole } from './schema.js';
import { CountriesFile, OrganizationsFile, PeopleFile, RoleWordsFile } from './schema.js';

/*
 * Invariants of the authored actor knowledge base (data/actors/*.json): schemas, unique codes,
 * resolvable affiliations, sane dates, unambiguous names, one holder per single-seat office, and
 * spot checks of facts that are not in doubt.
 */

const countries = loadData('actors/countries.json', CountriesFile).countries;
const organizations = loadData('actors/organizations.json', OrganizationsFile).organizations;
const peopleFile = loadData('actors/people.json', PeopleFile);
const people = peopleFile.people;
const roleWords = loadData('actors/role-words.json', RoleWordsFile).roleWords;

const countryCodes = new Set(countries.map((c) => c.code));
const orgIds = new Set(organizations.map((o) => o.id));

/** Earliest and latest day a possibly partial ISO date ("2025", "2025-09", "2025-09-05") can mean. */
function earliest(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}
function latest(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

/** Whether the role was held on `day` (YYYY-MM-DD): from ≤ day < until, partial dates read loosely. */
function heldOn(r: PersonRole, day: string): boolean {
  return earliest(r.from) <= day && (r.until === null || day < latest(r.until));
}

/** Holders of a title with an affiliation on a day. */
function holders(title: string, affiliation: string, day: string): string[] {
  return people
    .filter((p) => p.roles.some((r) => r.title === title && r.affiliation === affiliation && heldOn(r, day)))
    .map((p) => p.name);
}

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

describe('actor knowledge base files', () => {
  it('parse with their schemas and are not trivially small', () => {
    // loadData already validated; re-parse the raw files to get the zod error text on failure.
    for (const [file, schema] of [
      ['countries.json', CountriesFile],
      ['organizations.json', OrganizationsFile],
      ['people.json', PeopleFile],
      ['role-words.json', RoleWordsFile],
    ] as const) {
      const raw: unknown = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data', 'actors', file), 'utf8'));
      const parsed = schema.safeParse(raw);
      expect(parsed.success, `${file}: ${parsed.error?.issues[0]?.message ?? ''}`).toBe(true);
    }
    expect(countries.length).toBeGreaterThanOrEqual(197);
    expect(organizations.length).toBeGreaterThanOrEqual(150);
    expect(people.length).toBeGreaterThanOrEqual(300);
    expect(roleWords.length).toBeGreaterThan(50);
  });

  it('has every UN member plus Kosovo, Taiwan, Palestine, the Vatican, Hong Kong and Gibraltar', () => {
    for (const code of [
      'USA',
      'UKR',
      'RUS',
      'CHN',
      'SSD',
      'KSV',
      'TWN',
      'PSE',
      'VAT',
      'TMP',
      'MNE',
      'ROU',
      'PRK',
      'KOR',
      'HKG',
      'GIB',
    ]) {
      expect(countryCodes.has(code), code).toBe(true);
    }
  });
});

describe('countries', () => {
  it('have unique CAMEO codes, ISO2 codes and alternative codes', () => {
    expect(duplicates(countries.map((c) => c.code))).toEqual([]);
    expect(duplicates(countries.map((c) => c.iso2))).toEqual([]);
    const alt = countries.flatMap((c) => c.altCodes ?? []);
    expect(duplicates(alt)).toEqual([]);
    expect(alt.filter((a) => countryCodes.has(a))).toEqual([]);
  });

  it('never give one name, alias or demonym to two countries', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const c of countries) {
      const former = (c.formerNames ?? []).map((f) => f.name);
      for (const n of new Set([c.name, ...c.aliases, ...c.demonyms, ...former].map(nameKey))) {
        const prev = owner.get(n);
        if (prev !== undefined && prev !== c.code) clashes.push(`${n}: ${prev}/${c.code}`);
        owner.set(n, c.code);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('have metonyms for the seats of power news uses', () => {
    const metonym = (code: string, name: string) =>
      countries.find((c) => c.code === code)?.metonyms.find((m) => m.name === name)?.agent;
    expect(metonym('USA', 'White House')).toBe('GOV');
    expect(metonym('USA', 'Pentagon')).toBe('MIL');
    expect(metonym('USA', 'Capitol Hill')).toBe('LEG');
    expect(metonym('RUS', 'Kremlin')).toBe('GOV');
    expect(metonym('UKR', 'Kyiv')).toBe('GOV');
    expect(metonym('UKR', 'Kiev')).toBe('GOV');
    expect(metonym('GBR', 'Downing Street')).toBe('GOV');
    expect(metonym('FRA', 'Élysée')).toBe('GOV');
  });
});

describe('organizations', () => {
  it('have unique ids, well-formed CAMEO codes and known countries', () => {
    expect(duplicates(organizations.map((o) => o.id))).toEqual([]);
    for (const o of organizations) {
      expect(o.cameo, o.id).toMatch(/^(?:[A-Z]{3})+$/);
      for (const a of o.altCameo ?? []) expect(a, o.id).toMatch(/^(?:[A-Z]{3})+$/);
      if (o.country) expect(countryCodes.has(o.country), `${o.id} country ${o.country}`).toBe(true);
    }
  });

  it('never give one alias to two organizations, nor an organization alias to a country', () => {
    const countryNames = new Set(countries.flatMap((c) => [c.name, ...c.aliases]).map(nameKey));
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const o of organizations) {
      for (const n of new Set([o.name, ...o.aliases].map(nameKey))) {
        const prev = owner.get(n);
        if (prev !== undefined && prev !== o.id) clashes.push(`${n}: ${prev}/${o.id}`);
        if (countryNames.has(n)) clashes.push(`${n}: country/${o.id}`);
        owner.set(n, o.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('code NATO, the UN and the EU as the Phoenix dictionaries do', () => {
    const org = (id: string) => organizations.find((o) => o.id === id);
    expect(org('NATO')?.cameo).toBe('IGOWSTNAT');
    expect(org('NATO')?.altCameo).toEqual(expect.arrayContaining(['NAT', 'IGONAT']));
    expect(org('UN')?.cameo).toBe('IGOUNO');
    expect(org('EU')?.cameo).toBe('IGOEUREEC');
    expect(org('US-DOD')).toMatchObject({ country: 'USA', agent: 'MIL' });
  });
});

describe('people', () => {
  it('have unique ids and affiliations that resolve to a country or an organization', () => {
    expect(duplicates(people.map((p) => p.id))).toEqual([]);
    const unknown = people.flatMap((p) =>
      p.roles
        .filter((r) => !countryCodes.has(r.affiliation) && !orgIds.has(r.affiliation))
        .map((r) => `${p.id}: ${r.affiliation}`),
    );
    expect(unknown).toEqual([]);
  });

  it('have roles that start before they end and never after the asOf date', () => {
    const bad: string[] = [];
    for (const p of people) {
      if (p.roles.length === 0) bad.push(`${p.id}: no roles`);
      for (const r of p.roles) {
        if (r.until !== null && earliest(r.from) > latest(r.until))
          bad.push(`${p.id}: ${r.title} ${r.from}–${r.until}`);
        if (earliest(r.from) > latest(peopleFile.asOf)) bad.push(`${p.id}: ${r.title} starts after asOf`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('never give one full name or alias to two people', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const p of people) {
      for (const n of new Set([p.name, ...p.aliases].map(nameKey))) {
        const prev = owner.get(n);
        if (prev !== undefined && prev !== p.id) clashes.push(`${n}: ${prev}/${p.id}`);
        owner.set(n, p.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('seat one holder at a time in single-seat offices', () => {
    // Titles several people hold at once (per affiliation); every other title is one seat.
    const shared =
      /Senator|Representative|Governor|Member|Mayor|Advis|Aide|Commissioner|Deputy|Envoy|Co-leader|Opposition Leader|Leader of|Head of the Chechen|CEO|Head of the Russian Direct|Chief Brexit|Ambassador to (?!the United Nations)/;
    const seats = new Map<string, Array<{ person: Person; role: PersonRole }>>();
    for (const p of people) {
      for (const r of p.roles) {
        if (shared.test(r.title)) continue;
        const key = `${r.title} @ ${r.affiliation}`;
        const list = seats.get(key) ?? [];
        list.push({ person: p, role: r });
        seats.set(key, list);
      }
    }
    const overlaps: string[] = [];
    for (const [seat, list] of seats) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i].role;
          const b = list[j].role;
          if (list[i].person.id === list[j].person.id) continue;
          // Half-open [from, until): a handover day belongs to the successor. Partial dates are read
          // as narrowly as possible so only certain overlaps count.
          const aEnd = a.until === null ? '9999' : earliest(a.until);
          const bEnd = b.until === null ? '9999' : earliest(b.until);
          if (latest(a.from) < bEnd && latest(b.from) < aEnd) {
            overlaps.push(
              `${seat}: ${list[i].person.name} ${a.from}–${a.until} / ${list[j].person.name} ${b.from}–${b.until}`,
            );
          }
        }
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('know who held the main offices on given days', () => {
    expect(holders('Secretary General', 'NATO', '2025-04-01')).toEqual(['Mark Rutte']);
    expect(holders('Secretary General', 'NATO', '2020-01-01')).toEqual(['Jens Stoltenberg']);
    expect(holders('President', 'USA', '2022-06-01')).toEqual(['Joe Biden']);
    expect(holders('President', 'USA', '2018-06-01')).toEqual(['Donald Trump']);
    expect(holders('President', 'USA', '2016-06-01')).toEqual(['Barack Obama']);
    expect(holders('Secretary of State', 'USA', '2025-04-01')).toEqual(['Marco Rubio']);
    expect(holders('Secretary of State', 'USA', '2016-06-01')).toEqual(['John Kerry']);
    expect(holders('President', 'UKR', '2025-04-01')).toEqual(['Volodymyr Zelenskyy']);
    expect(holders('President', 'RUS', '2010-06-01')).toEqual(['Dmitry Medvedev']);
    expect(holders('Foreign Minister', 'RUS', '2023-01-01')).toEqual(['Sergey Lavrov']);
    expect(holders('Prime Minister', 'GBR', '2020-06-01')).toEqual(['Boris Johnson']);
    expect(holders('Chancellor', 'DEU', '2023-01-01')).toEqual(['Olaf Scholz']);
    expect(holders('Secretary-General', 'UN', '2016-06-01')).toEqual(['Ban Ki-moon']);
    expect(holders('Prime Minister', 'NLD', '2015-01-01')).toEqual(['Mark Rutte']);
  });

  it('keep one person with all their roles (Rutte, Rubio, Trump)', () => {
    const person = (id: string) => people.find((p) => p.id === id);
    expect(person('mark-rutte')?.roles.map((r) => r.affiliation)).toEqual(
      expect.arrayContaining(['NLD', 'NATO']),
    );
    expect(person('marco-rubio')?.roles.map((r) => r.agent)).toEqual(expect.arrayContaining(['LEG', 'GOV']));
    expect(person('donald-trump')?.roles.filter((r) => r.title === 'President')).toHaveLength(2);
    expect(person('volodymyr-zelenskyy')?.aliases).toEqual(expect.arrayContaining(['Zelensky', 'Zelenskiy']));
  });
});

describe('role words', () => {
  it('give each word one agent and list each word once', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const r of roleWords) {
      for (const w of r.words.map(nameKey)) {
        const prev = owner.get(w);
        if (prev !== undefined) clashes.push(`${w}: ${prev}/${r.agent}`);
        owner.set(w, r.agent);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('map the basic words to their CAMEO agents', () => {
    const agentOf = (w: string) => roleWords.find((r) => r.words.includes(w));
    expect(agentOf('president')).toMatchObject({ agent: 'GOV', title: true });
    expect(agentOf('senator')).toMatchObject({ agent: 'LEG', title: true });
    expect(agentOf('troops')).toMatchObject({ agent: 'MIL', title: false });
    expect(agentOf('judge')?.agent).toBe('JUD');
    expect(agentOf('rebels')?.agent).toBe('REB');
    expect(agentOf('police')?.agent).toBe('COP');
    expect(agentOf('journalist')?.agent).toBe('MED');
    expect(agentOf('refugees')?.agent).toBe('REF');
    expect(agentOf('defence minister')?.agent).toBe('GOV');
    expect(agentOf('defense minister')?.agent).toBe('GOV');
  });
});

describe('names the scanner can match', () => {
  it('write short aliases (three letters or fewer) as acronyms, never as plain words', () => {
    const names = [
      ...countries.flatMap((c) => [...c.aliases, ...c.demonyms]),
      ...organizations.flatMap((o) => o.aliases),
      ...people.flatMap((p) => p.aliases),
    ];
    // A short capitalised word ("Fox", "Lao") would collide with ordinary words; acronyms ("US",
    // "AfD", "DoD") carry a capital after the first letter.
    const bad = names.filter(
      (n) => n.replace(/\./g, '').length <= 3 && /^[A-Z]?[a-z]+$/.test(n.replace(/\./g, '')),
    );
    expect(bad).toEqual([]);
  });
});

// The seed article's gold analysis: every person it names with a role must be in the KB with that
// role at the time of the article (2025).
const SHARED = path.resolve(PROJECT_ROOT, '..', 'shared');
const GOLD = path.join(SHARED, 'seed', '000_9d962874735dcac4.gold.json');
const haveGold = existsSync(GOLD);
if (!haveGold) console.warn(`skipping the seed-gold KB check: ${GOLD} not found (../shared is absent)`);

describe.skipIf(!haveGold)('seed gold actors', () => {
  it('are in the KB with the gold role in 2025', () => {
    const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as {
      actors: Array<{ name: string; type: string; role?: string; affiliation?: string }>;
    };
    const affiliationCode = (name: string) =>
      countries.find((c) => c.name === name)?.code ??
      organizations.find((o) => o.id === name || o.name === name)?.id;
    const checked = gold.actors.filter((a) => a.type === 'PERSON' && a.affiliation !== undefined);
    expect(checked.length).toBeGreaterThan(0);
    for (const a of checked) {
      const person = people.find((p) => p.name === a.name || p.aliases.includes(a.name));
      expect(person, a.name).toBeDefined();
      const code = affiliationCode(a.affiliation ?? '');
      expect(
        person?.roles.some((r) => r.affiliation === code && heldOn(r, '2025-04-15')),
        `${a.name} ${a.role} ${a.affiliation}`,
      ).toBe(true);
    }
    const orgNames = organizations.flatMap((o) => [o.name, ...o.aliases]);
    for (const a of gold.actors.filter((x) => x.type === 'ORG')) {
      const known =
        orgNames.includes(a.name) || countries.some((c) => c.metonyms.some((m) => m.name === a.name));
      expect(known, a.name).toBe(true);
    }
  });
});
