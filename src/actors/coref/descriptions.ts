import type { Work } from '../scan/index.js';
import type { Gender } from '../gender.js';
import type { Referent } from '../pronouns.js';
import type { Cluster, CorefState } from './clusters.js';
import { nameKeys, roleAt } from '../kb/index.js';
import { GENERIC_TITLES } from '../words.js';
import { GenderVotes, pronounGender } from '../gender.js';
import { pronounReferent, subjects } from '../pronouns.js';
import { groupReferent } from '../groups.js';
import { organisationIndex } from '../orgindex.js';
import { MAX_CANDIDATES, addSurname, cluster, join, personCluster } from './clusters.js';
import { addGenderEvidence, genderOf } from './gender.js';

/* Rules 2–4: appositives, descriptions (of persons and of groups) and pronouns, in document order. */

const PRONOUN_WINDOW = 60;

/** Appositives join the name they follow. */
export function resolveAppositives(s: CorefState, works: readonly Work[]): void {
  for (const w of works) {
    if (w.appositiveOf && w.appositiveOf.cluster >= 0) join(s.clusters[w.appositiveOf.cluster], w);
  }
  // A title introducing the name after it is that person's (scan/descriptions.ts linkIntroducedNames).
  for (const w of works) {
    if (w.introduces && w.introduces.cluster >= 0 && w.cluster < 0) join(s.clusters[w.introduces.cluster], w);
  }
}

/** Roles of a person cluster as (title key, head noun, agent, affiliation code) for matching. */
function roleFacts(
  s: CorefState,
  c: Cluster,
): Array<{ titleKey: string; headKey: string; agent?: string; code?: string }> {
  const out: Array<{ titleKey: string; headKey: string; agent?: string; code?: string }> = [];
  for (const r of c.textRoles)
    out.push({ titleKey: r.titleKey, headKey: r.headKey, agent: r.agent, code: r.affiliation?.code });
  const kbRole = c.person ? roleAt(c.person.roles, s.date) : undefined;
  if (kbRole) {
    const keys = nameKeys(kbRole.title);
    out.push({
      titleKey: keys.join(' '),
      headKey: keys[keys.length - 1] ?? '',
      agent: kbRole.agent,
      code: s.kb.affiliation(kbRole.affiliation)?.code,
    });
  }
  return out;
}

/** Rules 2–4, in document order. */
export function resolveDescriptions(s: CorefState, works: readonly Work[]): void {
  const persons = s.clusters.filter((c) => c.kind === 'person');
  const byHead = new Map<string, Cluster[]>();
  const byCode = new Map<string, Cluster[]>();
  for (const c of persons) {
    for (const f of roleFacts(s, c)) {
      addSurname(byHead, f.headKey, c);
      if (f.code) addSurname(byCode, f.code, c);
    }
  }
  const countryCount = new Map<string, number>();
  for (const c of s.clusters)
    if (c.kind === 'country' && c.country) countryCount.set(c.country.code, c.works.length);

  const subjectWorks = subjects(s.view, works);
  s.subjectWorks = subjectWorks;
  const history: Referent[] = [];
  const clusterGender = new Map<number, Gender | undefined>();
  const learnedGender = new Map<number, Gender>();
  const genderOfEntity = (w: Work): Gender | undefined => {
    if (w.cluster < 0) {
      const votes = new GenderVotes();
      addGenderEvidence(s, w, votes);
      return votes.result();
    }
    if (!clusterGender.has(w.cluster)) clusterGender.set(w.cluster, genderOf(s, s.clusters[w.cluster]));
    return clusterGender.get(w.cluster);
  };
  let lastGroup: Work | undefined;
  works.forEach((w, index) => {
    let entity = w.cluster;
    if (w.kind === 'description' && w.cluster < 0 && w.role) {
      if (w.group) resolveGroup(s, w);
      else resolvePersonDescription(s, w, byHead, byCode, countryCount);
      entity = w.cluster >= 0 ? w.cluster : -2 - index;
    } else if (w.kind === 'pronoun' && !s.view.quoted[w.t0]) {
      if (w.group) {
        if (lastGroup && w.t0 - lastGroup.t1 <= PRONOUN_WINDOW && lastGroup.cluster >= 0)
          join(s.clusters[lastGroup.cluster], w);
        return;
      }
      const r = pronounReferent(s.view, w, history, learnedGender);
      if (!r) return;
      const said = pronounGender(s.view.keys[w.t0]);
      if (r.gender === undefined && said && !learnedGender.has(r.entity)) learnedGender.set(r.entity, said);
      if (r.entity >= 0 && s.clusters[r.entity].kind === 'person') join(s.clusters[r.entity], w);
      history.push({
        w,
        sentence: s.view.sentence[w.t0],
        subject: subjectWorks.has(w),
        entity: r.entity,
        gender: r.gender ?? pronounGender(s.view.keys[w.t0]),
      });
      return;
    }
    if (s.view.quoted[w.t0]) return;
    const c = w.cluster >= 0 ? s.clusters[w.cluster] : undefined;
    if (c?.kind === 'group' && c.type !== 'PERSON') lastGroup = w;
    if (w.type !== 'PERSON' || w.group || (c && c.kind !== 'person' && c.type !== 'PERSON')) return;
    if (entity === -1) return;
    history.push({
      w,
      sentence: s.view.sentence[w.t0],
      subject: subjectWorks.has(w),
      entity,
      gender: genderOfEntity(w),
    });
  });
}

function resolvePersonDescription(
  s: CorefState,
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
    if (code) candidates = candidates.filter((c) => roleFacts(s, c).some((f) => f.code === code));
  }
  if (w.determiner !== 'indefinite' && candidates.length > 0) {
    // Two holders of the title in the text ("President Trump … President Xi … the president"):
    // only one mentioned in the last sentences, and the other not, makes the choice clear.
    const pick = clearHolder(s, candidates.slice(0, MAX_CANDIDATES), w);
    if (pick) join(pick, w);
    return;
  }
  if (w.determiner !== 'indefinite' && !role.former) {
    // Nobody in the text holds the title: ask the KB who held it then, in the country named
    // or else the country the article mentions most.
    const holders = s.kb.holdersOf(role.title, s.date).filter(({ role: r }) => {
      const aff = s.kb.affiliation(r.affiliation)?.code;
      return code ? aff === code : countryCount.has(r.affiliation);
    });
    holders.sort(
      (a, b) => (countryCount.get(b.role.affiliation) ?? 0) - (countryCount.get(a.role.affiliation) ?? 0),
    );
    if (holders.length > 0 && (code || role.headKey !== 'official')) {
      join(personCluster(s, holders[0].person), w);
      return;
    }
  }
  if (code) {
    // "a Ukrainian official": an unnamed actor, still codable.
    join(
      cluster(s, `unnamed:${w.start}`, () => ({
        kind: 'group',
        type: 'PERSON',
        name: s.view.text.slice(w.start, w.end),
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
function clearHolder(s: CorefState, candidates: readonly Cluster[], w: Work): Cluster | undefined {
  if (candidates.length === 1) return candidates[0];
  const sentence = s.view.sentence;
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

function resolveGroup(s: CorefState, w: Work): void {
  const role = w.role!;
  const code = role.affiliation?.code;
  if (code || role.affiliation) {
    const affKey = code ?? role.affiliation!.name.toLowerCase();
    join(
      cluster(s, `group:${affKey}:${role.agent}:${role.headKey}`, () => ({
        kind: 'group',
        type: 'ORG',
        name: s.view.text.slice(w.start, w.end),
      })),
      w,
    );
    return;
  }
  if (w.determiner !== 'definite' && !w.bare) return;
  // "the ministry", "the agency", "the doctors", "prosecutors": an organisation the text named (groups.ts).
  const orgs = (s.organisations ??= organisationIndex(s.view, s.clusters, s.subjectWorks));
  const found = groupReferent(
    {
      head: s.view.keys[w.title ? w.title[1] - 1 : w.t1 - 1],
      t0: w.t0,
      sentence: s.view.sentence[w.t0],
      bare: w.bare === true,
    },
    orgs.mentions,
    orgs.facts,
  );
  if (found === undefined) return;
  join(s.clusters[found], w);
  // The description keeps the organisation salient for the next one ("the doctors … the doctors").
  orgs.add({
    t0: w.t0,
    t1: w.t1,
    sentence: s.view.sentence[w.t0],
    entity: found,
    subject: s.subjectWorks.has(w),
  });
}
