import type { Person } from '../kb/schema.js';
import type { Work } from '../scan/index.js';
import type { Cluster, CorefState } from './clusters.js';
import { nameKeys, roleAt } from '../kb/index.js';
import { QUESTION_AUXILIARIES, surnameOf } from '../words.js';
import { firstNameGender, wordGender } from '../gender.js';
import type { Gender } from '../gender.js';
import { wordKey } from '../kb/keys.js';
import { addSurname, cluster, headKey, headText, join, firstIntroduced, personCluster } from './clusters.js';

/** Rule 1 and the names of places and organisations. */
export function resolveNames(s: CorefState, works: readonly Work[]): void {
  const names = works.filter((w) => w.kind === 'name' || w.kind === 'titled-name' || w.kind === 'demonym');
  resolvePersonNames(s, names);
  resolveOtherNames(s, names);
}

/** Rule 1: full names first, then a surname alone joins the full name it ends (the bearer
 * introduced first when several), or the KB person. */
function resolvePersonNames(s: CorefState, names: readonly Work[]): void {
  const surnames = new Map<string, Cluster[]>();
  // Family names written first ("Liu" of "Liu Xiaoming"): a two-word name whose first word is no
  // known given name may be referred to by that word.
  const familyFirst = new Map<string, Cluster[]>();
  const shortPersons: Work[] = [];
  for (const w of names) {
    if (w.type !== 'PERSON') continue;
    const key = headKey(s, w);
    const words = key.split(' ');
    const person = w.hits.find((h) => h.kind === 'person');
    // An honorific the NER tagged as a name by itself ("Mrs" of "Mrs. Clinton", split at the
    // period) is no surname: as one it joined whatever glued name ended in it ("Mr. and Mrs",
    // "Manhattan-made Mr") and took its quotes there. It names nobody; the name after it does.
    if (ABBREVIATED_HONORIFICS.has(key)) continue;
    if (person && person.kind === 'person' && words.length === 1) shortPersons.push(w);
    else if (person && person.kind === 'person') {
      const c = personCluster(s, person.person);
      join(c, w);
      addSurname(surnames, surnameOf(words), c);
    } else if (words.length > 1) {
      const coded = w.hits.find((h) => h.kind === 'coded');
      const c = cluster(s, `name:PERSON:${key}`, () => ({
        kind: 'person',
        type: 'PERSON',
        name: headText(s, w),
        coded: coded && coded.kind === 'coded' ? coded.entry : undefined,
      }));
      join(c, w);
      addSurname(surnames, surnameOf(words), c);
      if (words.length === 2 && !firstNameGender(words[0])) addSurname(familyFirst, words[0], c);
    } else shortPersons.push(w);
  }
  for (const w of shortPersons) {
    const key = headKey(s, w);
    const person = w.hits.find((h) => h.kind === 'person');
    const kbPerson = person?.kind === 'person' ? person.person : undefined;
    const local = agreeing(s, surnames.get(key) ?? familyFirst.get(key) ?? [], w);
    // A surname the KB knows ("Trump") is the KB person unless the article introduced other
    // bearers of it first: every "Trump" of an article about Ivanka Trump is not Donald. The KB
    // person competes from their first mention, full or bare; a title they held ("President
    // Trump") names them whatever the article's bearers.
    if (kbPerson) {
      const known = s.byKey.get(`kb:${kbPerson.id}`);
      if (local.length === 0 || heldTitle(kbPerson, w) || local.every((c) => c.first > w.start)) {
        join(personCluster(s, kbPerson), w);
        continue;
      }
      join(
        principal(known && known.works.length > 0 && !local.includes(known) ? [...local, known] : local),
        w,
      );
      continue;
    }
    if (local.length > 0) {
      join(principal(local), w);
      continue;
    }
    // A surname alone is the one KB person of that name only while they hold an office at the
    // article's date (undated: an office still held), or when the text gives them a title they
    // held ("President Trump" in 2022): "Rutte" in 2025 is NATO's head, "Smith" is nobody known.
    const kbPeople = s.kb.bySurname(key);
    if (kbPeople.length === 1 && knownBySurname(s, kbPeople[0], w)) {
      join(personCluster(s, kbPeople[0]), w);
      continue;
    }
    join(
      cluster(s, `name:PERSON:${key}`, () => ({
        kind: 'person',
        type: 'PERSON',
        name: headText(s, w),
      })),
      w,
    );
  }
}

/**
 * The bearer a surname alone names: the one introduced first, among those that look like a
 * person's name. A two-word "name" seen once, with neither a known first name nor a KB person
 * behind it, is most often a capitalised word glued to the surname by the NER ("Debating
 * Clinton" of a headline, "Interestingly Blocher"): it is passed over while a real name remains.
 */
function principal(candidates: readonly Cluster[]): Cluster {
  const named = candidates.filter(looksNamed);
  return firstIntroduced(named.length > 0 ? named : candidates);
}

function looksNamed(c: Cluster): boolean {
  if (c.person || c.works.length > 1) return true;
  const first = wordKey((c.name ?? '').split(/\s+/u)[0] ?? '');
  // "Will Sanders" of "Game Over: Will Sanders Come Down…?": a first name that is an auxiliary too.
  return firstNameGender(first) !== undefined && !QUESTION_AUXILIARIES.has(first);
}

/** Honorifics written with a period ("Mr." is tokenized "Mr" "."); "first lady. Sanders" has none. */
const ABBREVIATED_HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'mme', 'mlle']);

/**
 * The full names a surname may stand for, less those whose first name's gender the honorific
 * before the surname contradicts: "Mr. Bush" is not Laura Bush, "Ms. Grayson" not Alan Grayson.
 */
function agreeing(s: CorefState, candidates: readonly Cluster[], w: Work): readonly Cluster[] {
  const { keys } = s.view;
  const headStart = w.head?.[0] ?? w.t0;
  // The honorific before the name ("Mr" "." "Bush") or inside it, before its head.
  const from =
    w.t0 > 1 && keys[w.t0 - 1] === '.' && ABBREVIATED_HONORIFICS.has(keys[w.t0 - 2]) ? w.t0 - 2 : w.t0 - 1;
  let gender: Gender | undefined;
  for (let i = Math.max(0, from); i < headStart && !gender; i++) gender = wordGender(keys[i]);
  if (!gender) return candidates;
  return candidates.filter((c) => {
    const first = (c.person?.name ?? c.name ?? '').split(/\s+/u)[0] ?? '';
    const g = firstNameGender(wordKey(first));
    return !g || g === gender;
  });
}

/** Places, organisations and PETRARCH-coded names: one cluster per KB entity or name. */
function resolveOtherNames(s: CorefState, names: readonly Work[]): void {
  for (const w of names) {
    if (w.type === 'PERSON') continue;
    const h = w.hits[0];
    if (h?.kind === 'country') {
      if (h.via === 'capital') {
        join(
          cluster(s, `capital:${h.country.code}`, () => ({
            kind: 'capital',
            type: 'GPE',
            country: h.country,
            name: h.country.capital,
          })),
          w,
        );
      } else if (h.via === 'metonym') {
        const name = headText(s, w);
        join(
          cluster(s, `metonym:${h.country.code}:${headKey(s, w)}`, () => ({
            kind: 'metonym',
            type: 'ORG',
            country: h.country,
            metonymAgent: h.agent,
            name,
          })),
          w,
        );
      } else {
        join(
          cluster(s, `country:${h.country.code}`, () => ({
            kind: 'country',
            type: 'GPE',
            country: h.country,
          })),
          w,
        );
      }
    } else if (h?.kind === 'org') {
      join(
        cluster(s, `org:${h.org.id}`, () => ({ kind: 'org', type: 'ORG', org: h.org })),
        w,
      );
    } else if (h?.kind === 'coded') {
      join(
        cluster(s, `coded:${h.entry.line}:${h.entry.name}`, () => ({
          kind: 'coded',
          type: w.type,
          coded: h.entry,
          name: headText(s, w),
        })),
        w,
      );
    } else if (w.type !== 'MISC') {
      // MISC names (events, laws, nationalities the KB lacks) are not actors.
      join(
        cluster(s, `name:${w.type}:${headKey(s, w)}`, () => ({
          kind: 'other',
          type: w.type,
          name: headText(s, w),
          parent: w.parent,
        })),
        w,
      );
    }
  }
}

function knownBySurname(s: CorefState, p: Person, w: Work): boolean {
  if (s.date ? roleValidAnyAt(p, s.date) : p.roles.some((r) => r.until === null)) return true;
  return heldTitle(p, w);
}

/** True when the mention's title ("President Trump") is one the KB person held. */
function heldTitle(p: Person, w: Work): boolean {
  const title = w.role?.titleKey;
  return title !== undefined && p.roles.some((r) => nameKeys(r.title).join(' ') === title);
}

function roleValidAnyAt(p: Person, date: string): boolean {
  return roleAt(p.roles, date) !== undefined;
}
