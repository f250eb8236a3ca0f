import type { Actor, EntityType, Role } from '../model/index.js';
import type { Country, Organization, Person } from './kb/schema.js';
import type { KnowledgeBase } from './kb/index.js';
import { codeAt, nameKeys, roleAt } from './kb/index.js';
import type { PetrarchActor } from './petrarch/index.js';
import type { TextRole, Work } from './scan.js';
import type { TokenView } from './tokens.js';
import { keyOf } from './tokens.js';
import { GENERIC_TITLES, surnameOf } from './words.js';
import type { Gender } from './gender.js';
import { GenderVotes, firstNameGender, wordGender } from './gender.js';
import type { Referent } from './pronouns.js';
import { pronounReferent, subjects } from './pronouns.js';
import { pronounGender } from './gender.js';
import { groupReferent } from './groups.js';
import { organisationIndex, type OrganisationIndex } from './orgindex.js';

/*
 * In-document coreference and actor building. Rules, in order (each cheap: maps, no scans of
 * the KB or of all earlier mentions):
 *  1. Names: same KB entity or same full name → one actor; a surname alone joins the full name
 *     it ends (the nearest preceding one when several), else the KB person with that surname.
 *  2. Descriptions with a title ("US president", "NATO chief", "the minister") → the person in
 *     the document holding a matching role (same head noun, or a generic title and the same
 *     organisation), nearest before, else first after; else the KB holder at the publication date.
 *  3. Group descriptions with an affiliation ("Russian troops") → one group actor per
 *     affiliation, agent and noun; "the ministry" → the nearest preceding organisation so named.
 *  4. Pronouns: he/she → the salient person of gender that agrees (pronouns.ts), never from
 *     inside a quotation (there "he" is rarely the speaker); they → nearest group mention within
 *     PRONOUN_WINDOW tokens.
 */

const PRONOUN_WINDOW = 60;
/** Candidates examined per lookup, so hostile input (thousands of namesakes) stays linear. */
const MAX_CANDIDATES = 32;

type ClusterKind = 'person' | 'country' | 'capital' | 'metonym' | 'org' | 'coded' | 'group' | 'other';

interface Cluster {
  index: number;
  key: string;
  kind: ClusterKind;
  type: EntityType;
  works: Work[];
  person?: Person;
  country?: Country;
  org?: Organization;
  coded?: PetrarchActor;
  metonymAgent?: string;
  textRoles: TextRole[];
  /** Start of the earliest mention, for ordering and for "nearest" without rescanning mentions. */
  first: number;
  /** Display name when not taken from the KB. */
  name?: string;
}

function headRange(w: Work): [number, number] {
  if (w.head) return w.head;
  return [w.t0, w.t1];
}

export class Coreference {
  private readonly clusters: Cluster[] = [];
  private readonly byKey = new Map<string, Cluster>();
  /** Organisations and their mentions for group descriptions, built on first use. */
  private organisations: OrganisationIndex | undefined;
  private subjectWorks: ReadonlySet<Work> = new Set();

  constructor(
    private readonly view: TokenView,
    private readonly kb: KnowledgeBase,
    private readonly date: string | undefined,
  ) {}

  private cluster(
    key: string,
    init: () => Omit<Cluster, 'index' | 'key' | 'works' | 'textRoles' | 'first'>,
  ): Cluster {
    let c = this.byKey.get(key);
    if (!c) {
      c = { index: this.clusters.length, key, works: [], textRoles: [], first: Infinity, ...init() };
      this.clusters.push(c);
      this.byKey.set(key, c);
    }
    return c;
  }

  private join(c: Cluster, w: Work): void {
    w.cluster = c.index;
    c.works.push(w);
    if (w.start < c.first) c.first = w.start;
    // A generic description ("NATO chief") found by the person's role adds no role of its own.
    if (w.role && !(w.kind === 'description' && GENERIC_TITLES.has(w.role.headKey))) c.textRoles.push(w.role);
  }

  private headKey(w: Work): string {
    const [a, b] = headRange(w);
    const end = b - 1 > a && this.view.keys[b - 1] === "'s" ? b - 1 : b;
    return keyOf(this.view, a, end);
  }

  private headText(w: Work): string {
    const [a, b] = headRange(w);
    const end = b - 1 > a && this.view.keys[b - 1] === "'s" ? b - 1 : b;
    return this.view.text.slice(this.view.tokens[a].start, this.view.tokens[end - 1].end);
  }

  /** Rule 1 and the names of places and organisations. */
  resolveNames(works: readonly Work[]): void {
    const names = works.filter((w) => w.kind === 'name' || w.kind === 'titled-name' || w.kind === 'demonym');
    const surnames = new Map<string, Cluster[]>();
    // Family names written first ("Liu" of "Liu Xiaoming"): a two-word name whose first word is no
    // known given name may be referred to by that word.
    const familyFirst = new Map<string, Cluster[]>();
    const shortPersons: Work[] = [];
    for (const w of names) {
      if (w.type !== 'PERSON') continue;
      const key = this.headKey(w);
      const words = key.split(' ');
      const person = w.hits.find((h) => h.kind === 'person');
      if (person && person.kind === 'person') {
        const c = this.personCluster(person.person);
        this.join(c, w);
        if (words.length > 1) addSurname(surnames, surnameOf(words), c);
      } else if (words.length > 1) {
        const coded = w.hits.find((h) => h.kind === 'coded');
        const c = this.cluster(`name:PERSON:${key}`, () => ({
          kind: 'person',
          type: 'PERSON',
          name: this.headText(w),
          coded: coded && coded.kind === 'coded' ? coded.entry : undefined,
        }));
        this.join(c, w);
        addSurname(surnames, surnameOf(words), c);
        if (words.length === 2 && !firstNameGender(words[0])) addSurname(familyFirst, words[0], c);
      } else shortPersons.push(w);
    }
    for (const w of shortPersons) {
      const key = this.headKey(w);
      const local = surnames.get(key) ?? familyFirst.get(key);
      if (local && local.length > 0) {
        this.join(nearest(local, w.start), w);
        continue;
      }
      // A surname alone is the one KB person of that name only while they hold an office at the
      // article's date (undated: an office still held), or when the text gives them a title they
      // held ("President Trump" in 2022): "Rutte" in 2025 is NATO's head, "Smith" is nobody known.
      const kbPeople = this.kb.bySurname(key);
      if (kbPeople.length === 1 && this.knownBySurname(kbPeople[0], w)) {
        this.join(this.personCluster(kbPeople[0]), w);
        continue;
      }
      this.join(
        this.cluster(`name:PERSON:${key}`, () => ({
          kind: 'person',
          type: 'PERSON',
          name: this.headText(w),
        })),
        w,
      );
    }
    for (const w of names) {
      if (w.type === 'PERSON') continue;
      const h = w.hits[0];
      if (h?.kind === 'country') {
        if (h.via === 'capital') {
          this.join(
            this.cluster(`capital:${h.country.code}`, () => ({
              kind: 'capital',
              type: 'GPE',
              country: h.country,
              name: h.country.capital,
            })),
            w,
          );
        } else if (h.via === 'metonym') {
          const name = this.headText(w);
          this.join(
            this.cluster(`metonym:${h.country.code}:${this.headKey(w)}`, () => ({
              kind: 'metonym',
              type: 'ORG',
              country: h.country,
              metonymAgent: h.agent,
              name,
            })),
            w,
          );
        } else {
          this.join(
            this.cluster(`country:${h.country.code}`, () => ({
              kind: 'country',
              type: 'GPE',
              country: h.country,
            })),
            w,
          );
        }
      } else if (h?.kind === 'org') {
        this.join(
          this.cluster(`org:${h.org.id}`, () => ({ kind: 'org', type: 'ORG', org: h.org })),
          w,
        );
      } else if (h?.kind === 'coded') {
        this.join(
          this.cluster(`coded:${h.entry.line}:${h.entry.name}`, () => ({
            kind: 'coded',
            type: w.type,
            coded: h.entry,
            name: this.headText(w),
          })),
          w,
        );
      } else if (w.type !== 'MISC') {
        // MISC names (events, laws, nationalities the KB lacks) are not actors.
        this.join(
          this.cluster(`name:${w.type}:${this.headKey(w)}`, () => ({
            kind: 'other',
            type: w.type,
            name: this.headText(w),
          })),
          w,
        );
      }
    }
  }

  private knownBySurname(p: Person, w: Work): boolean {
    if (this.date ? roleValidAnyAt(p, this.date) : p.roles.some((r) => r.until === null)) return true;
    const title = w.role?.titleKey;
    return title !== undefined && p.roles.some((r) => nameKeys(r.title).join(' ') === title);
  }

  private personCluster(p: Person): Cluster {
    return this.cluster(`kb:${p.id}`, () => ({ kind: 'person', type: 'PERSON', person: p }));
  }

  /** Appositives join the name they follow. */
  resolveAppositives(works: readonly Work[]): void {
    for (const w of works) {
      if (w.appositiveOf && w.appositiveOf.cluster >= 0) this.join(this.clusters[w.appositiveOf.cluster], w);
    }
    // A title introducing the name after it is that person's (scan.ts linkIntroducedNames).
    for (const w of works) {
      if (w.introduces && w.introduces.cluster >= 0 && w.cluster < 0)
        this.join(this.clusters[w.introduces.cluster], w);
    }
  }

  /** Roles of a person cluster as (title key, head noun, agent, affiliation code) for matching. */
  private roleFacts(c: Cluster): Array<{ titleKey: string; headKey: string; agent?: string; code?: string }> {
    const out: Array<{ titleKey: string; headKey: string; agent?: string; code?: string }> = [];
    for (const r of c.textRoles)
      out.push({ titleKey: r.titleKey, headKey: r.headKey, agent: r.agent, code: r.affiliation?.code });
    const kbRole = c.person ? roleAt(c.person.roles, this.date) : undefined;
    if (kbRole) {
      const keys = nameKeys(kbRole.title);
      out.push({
        titleKey: keys.join(' '),
        headKey: keys[keys.length - 1] ?? '',
        agent: kbRole.agent,
        code: this.kb.affiliation(kbRole.affiliation)?.code,
      });
    }
    return out;
  }

  /** Rules 2–4, in document order. */
  resolveDescriptions(works: readonly Work[]): void {
    const persons = this.clusters.filter((c) => c.kind === 'person');
    const byHead = new Map<string, Cluster[]>();
    const byCode = new Map<string, Cluster[]>();
    for (const c of persons) {
      for (const f of this.roleFacts(c)) {
        addSurname(byHead, f.headKey, c);
        if (f.code) addSurname(byCode, f.code, c);
      }
    }
    const countryCount = new Map<string, number>();
    for (const c of this.clusters)
      if (c.kind === 'country' && c.country) countryCount.set(c.country.code, c.works.length);

    const subjectWorks = subjects(this.view, works);
    this.subjectWorks = subjectWorks;
    const history: Referent[] = [];
    const clusterGender = new Map<number, Gender | undefined>();
    const learnedGender = new Map<number, Gender>();
    const genderOfEntity = (w: Work): Gender | undefined => {
      if (w.cluster < 0) {
        const votes = new GenderVotes();
        this.addGenderEvidence(w, votes);
        return votes.result();
      }
      if (!clusterGender.has(w.cluster))
        clusterGender.set(w.cluster, this.genderOf(this.clusters[w.cluster]));
      return clusterGender.get(w.cluster);
    };
    let lastGroup: Work | undefined;
    works.forEach((w, index) => {
      let entity = w.cluster;
      if (w.kind === 'description' && w.cluster < 0 && w.role) {
        if (w.group) this.resolveGroup(w);
        else this.resolvePersonDescription(w, byHead, byCode, countryCount);
        entity = w.cluster >= 0 ? w.cluster : -2 - index;
      } else if (w.kind === 'pronoun' && !this.view.quoted[w.t0]) {
        if (w.group) {
          if (lastGroup && w.t0 - lastGroup.t1 <= PRONOUN_WINDOW && lastGroup.cluster >= 0)
            this.join(this.clusters[lastGroup.cluster], w);
          return;
        }
        const r = pronounReferent(this.view, w, history, learnedGender);
        if (!r) return;
        const said = pronounGender(this.view.keys[w.t0]);
        if (r.gender === undefined && said && !learnedGender.has(r.entity)) learnedGender.set(r.entity, said);
        if (r.entity >= 0 && this.clusters[r.entity].kind === 'person') this.join(this.clusters[r.entity], w);
        history.push({
          w,
          sentence: this.view.sentence[w.t0],
          subject: subjectWorks.has(w),
          entity: r.entity,
          gender: r.gender ?? pronounGender(this.view.keys[w.t0]),
        });
        return;
      }
      if (this.view.quoted[w.t0]) return;
      const c = w.cluster >= 0 ? this.clusters[w.cluster] : undefined;
      if (c?.kind === 'group' && c.type !== 'PERSON') lastGroup = w;
      if (w.type !== 'PERSON' || w.group || (c && c.kind !== 'person' && c.type !== 'PERSON')) return;
      if (entity === -1) return;
      history.push({
        w,
        sentence: this.view.sentence[w.t0],
        subject: subjectWorks.has(w),
        entity,
        gender: genderOfEntity(w),
      });
    });
  }

  private resolvePersonDescription(
    w: Work,
    byHead: Map<string, Cluster[]>,
    byCode: Map<string, Cluster[]>,
    countryCount: Map<string, number>,
  ): void {
    const role = w.role!;
    const code = role.affiliation?.code;
    const generic = GENERIC_TITLES.has(role.headKey);
    let candidates: Cluster[] = [];
    // A generic title with no organisation named ("the head of the farm lobby") could be anyone:
    // matching it to whoever holds some office of that agent type names famous people wrongly.
    if (generic) candidates = code ? (byCode.get(code) ?? []) : [];
    else {
      candidates = byHead.get(role.headKey) ?? [];
      if (code) candidates = candidates.filter((c) => this.roleFacts(c).some((f) => f.code === code));
    }
    if (w.determiner !== 'indefinite' && candidates.length > 0) {
      // Two holders of the title in the text ("President Trump … President Xi … the president"):
      // only one mentioned in the last sentences, and the other not, makes the choice clear.
      const pick = this.clearHolder(candidates.slice(0, MAX_CANDIDATES), w);
      if (pick) this.join(pick, w);
      return;
    }
    if (w.determiner !== 'indefinite' && !role.former) {
      // Nobody in the text holds the title: ask the KB who held it then, in the country named
      // or else the country the article mentions most.
      const holders = this.kb.holdersOf(role.title, this.date).filter(({ role: r }) => {
        const aff = this.kb.affiliation(r.affiliation)?.code;
        return code ? aff === code : countryCount.has(r.affiliation);
      });
      holders.sort(
        (a, b) => (countryCount.get(b.role.affiliation) ?? 0) - (countryCount.get(a.role.affiliation) ?? 0),
      );
      if (holders.length > 0 && (code || role.headKey !== 'official')) {
        this.join(this.personCluster(holders[0].person), w);
        return;
      }
    }
    if (code) {
      // "a Ukrainian official": an unnamed actor, still codable.
      this.join(
        this.cluster(`unnamed:${w.start}`, () => ({
          kind: 'group',
          type: 'PERSON',
          name: this.view.text.slice(w.start, w.end),
        })),
        w,
      );
    }
  }

  /**
   * The holder a title refers to among several: the one mentioned most recently, when that was in
   * the same or the previous sentence and no other holder was mentioned within two sentences of it.
   * One holder in the text is always clear.
   */
  private clearHolder(candidates: readonly Cluster[], w: Work): Cluster | undefined {
    if (candidates.length === 1) return candidates[0];
    const sentence = this.view.sentence;
    const here = sentence[w.t0];
    const last = candidates.map((c) => {
      let s = -Infinity;
      for (const x of c.works) if (x.t1 <= w.t0 && sentence[x.t0] > s) s = sentence[x.t0];
      return s;
    });
    const best = last.indexOf(Math.max(...last));
    if (here - last[best] > 1) return undefined;
    return last.every((s, k) => k === best || s < last[best] - 2) ? candidates[best] : undefined;
  }

  private resolveGroup(w: Work): void {
    const role = w.role!;
    const code = role.affiliation?.code;
    if (code || role.affiliation) {
      const affKey = code ?? role.affiliation!.name.toLowerCase();
      this.join(
        this.cluster(`group:${affKey}:${role.agent}:${role.headKey}`, () => ({
          kind: 'group',
          type: 'ORG',
          name: this.view.text.slice(w.start, w.end),
        })),
        w,
      );
      return;
    }
    if (w.determiner !== 'definite' && !w.bare) return;
    // "the ministry", "the agency", "the doctors", "prosecutors": an organisation the text named (groups.ts).
    const orgs = (this.organisations ??= organisationIndex(this.view, this.clusters, this.subjectWorks));
    const found = groupReferent(
      {
        head: this.view.keys[w.title ? w.title[1] - 1 : w.t1 - 1],
        t0: w.t0,
        sentence: this.view.sentence[w.t0],
        bare: w.bare === true,
      },
      orgs.mentions,
      orgs.facts,
    );
    if (found === undefined) return;
    this.join(this.clusters[found], w);
    // The description keeps the organisation salient for the next one ("the doctors … the doctors").
    orgs.add({
      t0: w.t0,
      t1: w.t1,
      sentence: this.view.sentence[w.t0],
      entity: found,
      subject: this.subjectWorks.has(w),
    });
  }

  /** Builds the actors, ordered by first mention, and the id of each cluster's actor. */
  actors(bylineRole: boolean): Actor[] {
    const genders = new Map<Cluster, Gender | undefined>();
    const genderOf = (c: Cluster) => {
      if (!genders.has(c))
        genders.set(c, c.type === 'PERSON' && c.kind === 'person' ? this.genderOf(c) : undefined);
      return genders.get(c);
    };
    const used = this.clusters.filter((c) => c.works.length > 0);
    used.sort((a, b) => a.first - b.first);
    const out: Actor[] = [];
    for (const c of used) {
      const id = `a${out.length + 1}`;
      out.push({
        id,
        name: this.nameOf(c),
        type: c.type,
        mentions: [],
        roles: this.rolesOf(c, bylineRole),
        cameo: this.cameoOf(c),
        ...(genderOf(c) ? { gender: genderOf(c) } : {}),
        ...(c.person
          ? { kb: c.person.id }
          : c.org
            ? { kb: c.org.id }
            : c.country
              ? { kb: c.country.code }
              : {}),
      });
      (c as Cluster & { actorId?: string }).actorId = id;
    }
    return out;
  }

  /** The gender a person cluster's own words and first names give it (gender.ts). */
  genderOf(c: Cluster): Gender | undefined {
    if (c.kind !== 'person' && c.type !== 'PERSON') return undefined;
    const votes = new GenderVotes();
    for (const w of c.works) this.addGenderEvidence(w, votes);
    if (c.person) {
      const first = nameKeys(c.person.name)[0];
      if (first) votes.addName(firstNameGender(first));
    }
    return votes.result();
  }

  private addGenderEvidence(w: Work, votes: GenderVotes): void {
    const { keys } = this.view;
    if (w.title) for (let i = w.title[0]; i < w.title[1]; i++) votes.addWord(wordGender(keys[i]));
    if (w.kind !== 'name' && w.kind !== 'titled-name') return;
    const [a, b] = headRange(w);
    // An honorific right before the name, or NER kept inside it ("Mr. Smith").
    const before = a > 0 ? keys[a - 1] : '';
    votes.addWord(wordGender(before));
    votes.addWord(wordGender(keys[a]));
    const first = wordGender(keys[a]) ? a + 1 : a;
    if (b - first > 1) votes.addName(firstNameGender(keys[first]));
  }

  actorIdOf(w: Work): string | undefined {
    if (w.cluster < 0) return undefined;
    return (this.clusters[w.cluster] as Cluster & { actorId?: string }).actorId;
  }

  private nameOf(c: Cluster): string {
    if (c.person) return c.person.name;
    if (c.org) return nameAt(c.org, this.date);
    if (c.kind === 'country' && c.country) return c.country.name;
    if (c.kind === 'person') {
      // The longest name the text uses for the person.
      let best = c.name ?? '';
      for (const w of c.works) {
        if (w.kind !== 'name' && w.kind !== 'titled-name') continue;
        const t = this.headText(w);
        if (t.length > best.length) best = t;
      }
      return best;
    }
    return c.name ?? this.view.text.slice(c.works[0].start, c.works[0].end);
  }

  private rolesOf(c: Cluster, bylineRole: boolean): Role[] {
    const roles: Role[] = [];
    const seen = new Set<string>();
    const kbRole = c.person ? roleAt(c.person.roles, this.date) : undefined;
    const kbAffiliation = kbRole ? this.kb.affiliation(kbRole.affiliation) : undefined;
    const withAffiliation = new Set(c.textRoles.filter((r) => r.affiliation).map((r) => r.titleKey));
    for (const original of c.textRoles) {
      let r = original;
      // "President Zelenskyy": the text gives the title, the KB role of that title the country.
      if (!r.affiliation && kbRole && kbAffiliation && nameKeys(kbRole.title).join(' ') === r.titleKey) {
        r = { ...r, affiliation: kbAffiliation };
      } else if (!r.affiliation && withAffiliation.has(r.titleKey)) continue;
      const key = `${r.title}|${r.affiliation?.code ?? r.affiliation?.name ?? ''}|${r.former}`;
      if (seen.has(key)) continue;
      seen.add(key);
      roles.push({
        title: r.former ? `former ${r.title}` : r.title,
        ...(r.affiliation ? { affiliation: r.affiliation.name } : {}),
        ...(r.affiliation?.code ? { affiliationCode: r.affiliation.code } : {}),
        agent: r.former ? 'ELI' : r.agent,
        source: 'text',
        evidence: {
          start: r.evidence.start,
          end: r.evidence.end,
          text: this.view.text.slice(r.evidence.start, r.evidence.end),
        },
      });
    }
    if (c.person) {
      const r = kbRole;
      if (r) {
        const aff = kbAffiliation;
        roles.push({
          title: r.title,
          affiliation: aff?.name ?? r.affiliation,
          ...(aff ? { affiliationCode: aff.code } : {}),
          agent: r.agent,
          from: r.from,
          ...(r.until ? { until: r.until } : {}),
          source: 'kb',
          // Without a publication date this is the knowledge base's latest role, not one dated by the article.
          ...(this.date ? {} : { unanchored: true }),
        });
      }
    }
    if (bylineRole && c.works.some((w) => w.byline)) roles.push({ title: 'author', source: 'meta' });
    return roles;
  }

  /** CAMEO code valid at the publication date: the text's own role first, then the KB role then, then PETRARCH. */
  private cameoOf(c: Cluster): string | null {
    switch (c.kind) {
      case 'country':
      case 'capital':
        return c.country?.code ?? null;
      case 'metonym':
        return c.country ? c.country.code + (c.metonymAgent ?? 'GOV') : null;
      case 'org':
        return c.org?.cameo ?? null;
      case 'coded':
        return c.coded ? codeAt(c.coded.codes, this.date) : null;
      case 'group':
      case 'person':
      case 'other':
        break;
    }
    // 1. The article's own words: affiliation + title agent.
    for (const r of c.textRoles) {
      const aff = r.affiliation;
      if (!aff?.code) continue;
      if ('org' in aff && aff.org) {
        if (aff.org.kind === 'IGO' || !aff.org.country) return aff.org.cameo;
        return aff.org.country + (r.former ? 'ELI' : (aff.org.agent ?? r.agent));
      }
      if (aff.code.length === 3 && r.agent !== 'IGO') return aff.code + (r.former ? 'ELI' : r.agent);
      return aff.code;
    }
    // 2. The KB role held at the publication date; a person whose roles all ended is an elite.
    if (c.person) {
      const r = roleAt(c.person.roles, this.date);
      if (r) {
        const aff = this.kb.affiliation(r.affiliation);
        if (aff?.org)
          return aff.org.kind === 'IGO' || !aff.org.country ? aff.org.cameo : aff.org.country + r.agent;
        if (aff) return aff.code + r.agent;
      }
      const past = this.date
        ? roleAt(
            c.person.roles.filter((x) => x.until !== null && x.until < this.date!),
            undefined,
          )
        : undefined;
      const aff = past ? this.kb.affiliation(past.affiliation) : undefined;
      if (aff?.country) return aff.country.code + 'ELI';
    }
    // 3. A PETRARCH dictionary entry for the name.
    if (c.coded) return codeAt(c.coded.codes, this.date);
    return null;
  }
}

/** An organisation's name as of the article's date: Twitter in 2019, X Corp. since. */
function nameAt(org: Organization, date: string | undefined): string {
  // "National Assembly (France)": the KB's disambiguation is no part of the name.
  if (!date) return org.name.replace(/ \([^)]*\)$/u, '');
  const former = (org.formerNames ?? [])
    .filter((f) => date < f.until)
    .sort((a, b) => (a.until < b.until ? -1 : 1));
  return former[0]?.name ?? org.name.replace(/ \([^)]*\)$/u, '');
}

function roleValidAnyAt(p: Person, date: string): boolean {
  return roleAt(p.roles, date) !== undefined;
}

function addSurname<K>(map: Map<K, Cluster[]>, key: K, c: Cluster): void {
  const list = map.get(key);
  if (!list) map.set(key, [c]);
  else if (!list.includes(c) && list.length < MAX_CANDIDATES) list.push(c);
}

/**
 * The candidate introduced nearest before `pos` (by its first mention), else the one introduced
 * soonest after it. First mentions only, so each lookup costs the candidates, not their mentions.
 */
function nearest(candidates: readonly Cluster[], pos: number): Cluster {
  let before: Cluster | undefined;
  let after: Cluster | undefined;
  for (const c of candidates) {
    if (c.first < pos) {
      if (!before || c.first > before.first) before = c;
    } else if (!after || c.first < after.first) after = c;
  }
  return before ?? after ?? candidates[0];
}
