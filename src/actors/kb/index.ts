import { existsSync } from 'node:fs';
import { loadData, projectPath } from '../../util/data.js';
import type { PetrarchActor, DatedCode } from '../petrarch/index.js';
import type { CameoAgent, Country, Organization, Person, PersonRole, RoleWord } from './schema.js';
import { CountriesFile, OrganizationsFile, PeopleFile, RoleWordsFile } from './schema.js';
import { nameKey, nameKeys } from './keys.js';

export { nameKey, nameKeys, wordKey } from './keys.js';

/*
 * The actor knowledge base as one lookup: every name, alias, demonym, capital, metonym and role
 * word is indexed by its token-key sequence, so the stage asks maps, never scans the lists.
 */

export type KbHit =
  | { kind: 'country'; country: Country; via: 'name' | 'capital' | 'demonym' | 'metonym'; agent?: CameoAgent }
  | { kind: 'org'; org: Organization }
  | { kind: 'person'; person: Person }
  | { kind: 'coded'; entry: PetrarchActor };

export interface RoleWordHit {
  /** The lexicon's first word for this role, used as the role title ("president"). */
  word: string;
  agent: CameoAgent;
  title: boolean;
}

export interface KbSources {
  countries?: readonly Country[];
  organizations?: readonly Organization[];
  people?: readonly Person[];
  roleWords?: readonly RoleWord[];
  /** Extra entries from PETRARCH actor dictionaries (`--actors FILE`), consulted after the authored KB. */
  petrarch?: readonly PetrarchActor[];
}

/** Longest name or role phrase indexed, in tokens: longer entries are skipped (never in news text). */
const MAX_PHRASE_TOKENS = 8;

/** An affiliation resolved to what the role belongs to. */
export interface Affiliation {
  name: string;
  /** CAMEO code of the affiliation: country code, or the organisation's code. */
  code: string;
  country?: Country;
  org?: Organization;
}

export class KnowledgeBase {
  readonly countries = new Map<string, Country>();
  readonly organizations = new Map<string, Organization>();
  readonly people = new Map<string, Person>();
  private readonly names = new Map<string, KbHit[]>();
  private readonly roles = new Map<string, RoleWordHit>();
  private readonly surnames = new Map<string, Person[]>();
  /** Title key → every person who held a role with that title. */
  private readonly holders = new Map<string, Array<{ person: Person; role: PersonRole }>>();
  maxNameTokens = 1;
  maxRoleTokens = 1;

  constructor(sources: KbSources) {
    for (const c of sources.countries ?? []) {
      this.countries.set(c.code, c);
      for (const n of [c.name, ...c.aliases]) this.addName(n, { kind: 'country', country: c, via: 'name' });
      for (const d of c.demonyms) this.addName(d, { kind: 'country', country: c, via: 'demonym' });
      if (c.capital) this.addName(c.capital, { kind: 'country', country: c, via: 'capital' });
      for (const m of c.metonyms)
        this.addName(m.name, { kind: 'country', country: c, via: 'metonym', agent: m.agent });
    }
    for (const o of sources.organizations ?? []) {
      this.organizations.set(o.id, o);
      for (const n of [o.name, ...o.aliases, o.id]) this.addName(n, { kind: 'org', org: o });
    }
    for (const p of sources.people ?? []) {
      this.people.set(p.id, p);
      for (const n of [p.name, ...p.aliases]) this.addName(n, { kind: 'person', person: p });
      const keys = nameKeys(p.name);
      if (keys.length > 1) pushTo(this.surnames, keys[keys.length - 1], p);
      for (const r of p.roles) pushTo(this.holders, nameKey(r.title), { person: p, role: r });
    }
    for (const r of sources.roleWords ?? []) {
      const canonical = r.words[0];
      if (canonical === undefined || r.entity === false) continue;
      for (const w of r.words) {
        const keys = nameKeys(w);
        if (keys.length === 0 || keys.length > MAX_PHRASE_TOKENS) continue;
        const key = keys.join(' ');
        // The first entry for a phrase wins: the authored lexicon is loaded before any extra source.
        if (!this.roles.has(key)) this.roles.set(key, { word: canonical, agent: r.agent, title: r.title });
        this.maxRoleTokens = Math.max(this.maxRoleTokens, keys.length);
      }
    }
    for (const e of sources.petrarch ?? []) {
      for (const n of e.names) this.addName(n, { kind: 'coded', entry: e });
    }
  }

  private addName(name: string, hit: KbHit): void {
    const keys = nameKeys(name);
    if (keys.length === 0 || keys.length > MAX_PHRASE_TOKENS) return;
    const key = keys.join(' ');
    const list = this.names.get(key);
    if (!list) this.names.set(key, [hit]);
    else if (!list.some((h) => sameHit(h, hit))) list.push(hit);
    this.maxNameTokens = Math.max(this.maxNameTokens, keys.length);
  }

  /** Everything a name (as a token-key string) can refer to, authored entries first. */
  lookup(key: string): readonly KbHit[] {
    return this.names.get(key) ?? EMPTY;
  }

  roleWord(key: string): RoleWordHit | undefined {
    return this.roles.get(key);
  }

  /** KB people whose full name ends in this surname key ("rutte" → Mark Rutte). */
  bySurname(key: string): readonly Person[] {
    return this.surnames.get(key) ?? EMPTY_PEOPLE;
  }

  /** People who held a role titled `title` at `date` (or, without a date, who hold it most recently). */
  holdersOf(title: string, date: string | undefined): Array<{ person: Person; role: PersonRole }> {
    const all = this.holders.get(nameKey(title)) ?? [];
    if (date) return all.filter(({ role }) => roleValidAt(role, date));
    return all.filter(({ role }) => role.until === null);
  }

  /** Resolves a role's affiliation id ("USA", "NATO") to its name and CAMEO code. */
  affiliation(id: string): Affiliation | undefined {
    const country = this.countries.get(id);
    if (country) return { name: country.name, code: country.code, country };
    const org = this.organizations.get(id);
    if (org) return { name: org.name, code: org.cameo, org };
    return undefined;
  }
}

const EMPTY: readonly KbHit[] = [];
const EMPTY_PEOPLE: readonly Person[] = [];

function sameHit(a: KbHit, b: KbHit): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'country':
      return b.kind === 'country' && a.country === b.country && a.via === b.via;
    case 'org':
      return b.kind === 'org' && a.org === b.org;
    case 'person':
      return b.kind === 'person' && a.person === b.person;
    case 'coded':
      return b.kind === 'coded' && a.entry === b.entry;
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Start of a partial ISO date ("2025" → "2025-01-01"). */
function startOf(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}
/** End of a partial ISO date ("2025" → "2025-12-31"). */
function endOf(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

/** True when the role is held on `date` (ISO day); both ends inclusive, `until: null` = still held. */
export function roleValidAt(role: { from?: string; until?: string | null }, date: string): boolean {
  const day = date.slice(0, 10);
  if (role.from && startOf(role.from) > day) return false;
  if (role.until && endOf(role.until) < day) return false;
  return true;
}

/**
 * The role of a person at `date`: the one valid then with the latest start; without a date, the
 * most recent role (an open one first). Undefined when nothing was held then.
 */
export function roleAt(roles: readonly PersonRole[], date: string | undefined): PersonRole | undefined {
  const candidates = date ? roles.filter((r) => roleValidAt(r, date)) : roles;
  let best: PersonRole | undefined;
  for (const r of candidates) {
    if (!best) best = r;
    else if (!date && (r.until === null) !== (best.until === null)) best = r.until === null ? r : best;
    else if (startOf(r.from) > startOf(best.from)) best = r;
  }
  return best;
}

/**
 * The code of a PETRARCH entry at `date`: a dated code valid then (the latest-starting one),
 * else the entry's undated default; without a date, the undated default or the latest code.
 */
export function codeAt(codes: readonly DatedCode[], date: string | undefined): string | null {
  const undated = codes.find((c) => !c.from && !c.until);
  const dated = codes.filter((c) => c.from || c.until);
  const pick = (list: readonly DatedCode[]): DatedCode | undefined =>
    list.reduce<DatedCode | undefined>(
      (best, c) => (!best || (c.from ?? '') > (best.from ?? '') ? c : best),
      undefined,
    );
  if (date) {
    const valid = pick(dated.filter((c) => roleValidAt(c, date)));
    if (valid) return valid.code;
    return undefined !== undated ? undated.code : null;
  }
  if (undated) return undated.code;
  return pick(dated)?.code ?? null;
}

const DATA_FILES = {
  countries: 'actors/countries.json',
  organizations: 'actors/organizations.json',
  people: 'actors/people.json',
  roleWords: 'actors/role-words.json',
} as const;

/**
 * The countries of data/actors/countries.json: the one country vocabulary of the project (the events
 * stage's fallback coder reads it too).
 */
export function authoredCountries(): readonly Country[] {
  return loadData(DATA_FILES.countries, CountriesFile).countries;
}

/** The organisations of data/actors/organizations.json (the events stage's fallback coder reads them too). */
export function authoredOrganizations(): readonly Organization[] {
  return loadData(DATA_FILES.organizations, OrganizationsFile).organizations;
}

/** The role words of data/actors/role-words.json: the project's one list of agent words. */
export function authoredRoleWords(): readonly RoleWord[] {
  return loadData(DATA_FILES.roleWords, RoleWordsFile).roleWords;
}

/** The authored knowledge base under data/actors/ (a missing file contributes nothing). */
export function loadAuthoredSources(): KbSources {
  const has = (rel: string): boolean => existsSync(projectPath('data', rel));
  return {
    countries: has(DATA_FILES.countries) ? authoredCountries() : [],
    organizations: has(DATA_FILES.organizations) ? authoredOrganizations() : [],
    people: has(DATA_FILES.people) ? loadData(DATA_FILES.people, PeopleFile).people : [],
    roleWords: has(DATA_FILES.roleWords) ? authoredRoleWords() : [],
  };
}

let defaultKb: KnowledgeBase | undefined;

/** The knowledge base built once from data/actors/. */
export function defaultKnowledgeBase(): KnowledgeBase {
  defaultKb ??= new KnowledgeBase(loadAuthoredSources());
  return defaultKb;
}

/** The authored knowledge base extended with PETRARCH entries (they answer only what it does not). */
export function knowledgeBaseWith(
  petrarch: readonly PetrarchActor[],
  base: KbSources = loadAuthoredSources(),
): KnowledgeBase {
  return new KnowledgeBase({ ...base, petrarch: [...(base.petrarch ?? []), ...petrarch] });
}
