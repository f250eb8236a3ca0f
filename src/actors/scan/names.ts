import type { Mention } from '../../model/index.js';
import type { Organization } from '../kb/schema.js';
import type { ScanState, Work } from './work.js';
import { tokenAtOrAfter } from '../tokens.js';
import { overInitial, trimName } from '../clean.js';
import { joinAdjacentOrganisations, joinFieldLists, repairOrganisationRuns } from '../repair.js';
import { agreeTypes, dropForeignInstitutions } from '../agreement.js';
import {
  companiesTypedPerson,
  isSelfStandingHead,
  organisationTails,
  peopleTypedOtherwise,
  placesTypedOtherwise,
  thingsTypedActors,
} from '../name-types.js';
import { DEFINITE, INSTITUTION_WORDS, surnameOf } from '../words.js';

/* Name mentions: the NER names (repaired and typed against the KB), KB names NER missed, lone surnames, the byline. */

const MAX_NAME_TOKENS = 12;

/** Adds the NER mentions, dropping any whose span is outside the text or covers no token. */
export function addNer(s: ScanState, mentions: readonly Mention[]): number {
  let dropped = 0;
  const { tokens, text } = s.view;
  for (const m of mentions) {
    if (!(m.start >= 0 && m.end <= text.length && m.start < m.end)) {
      dropped++;
      continue;
    }
    const first = tokenAtOrAfter(tokens, m.start);
    let last = first;
    while (last < tokens.length && tokens[last].start < m.end) last++;
    if (last === first || last - first > MAX_NAME_TOKENS * 2) {
      dropped++;
      continue;
    }
    const trimmed = trimName(s.view, first, last);
    if (!trimmed) continue;
    if (endsInTitle(s, trimmed[1])) continue;
    const [t0, t1] = trimmed;
    s.works.push({
      start: t0 === first ? Math.max(m.start, tokens[t0].start) : tokens[t0].start,
      end: t1 === last ? Math.min(m.end, tokens[t1 - 1].end) : tokens[t1 - 1].end,
      t0,
      t1,
      type: m.type,
      kind: 'name',
      hits: [],
      cluster: -1,
    });
  }
  joinInitials(s);
  companiesTypedPerson(s.view, s.works);
  addOrganisationRuns(s);
  s.works = organisationTails(s.view, s.works);
  return dropped;
}

/**
 * "Vermont Sen" of "Vermont Sen. Bernie Sanders", "Sens" of "Sens. Booker and Harris": NER named
 * an abbreviated title (after a place) as a name, cut at its period. A title is no one: it is left
 * to the titled name after it (scan/titles.ts).
 */
function endsInTitle(s: ScanState, t1: number): boolean {
  const { keys, tokens, capitalised } = s.view;
  const role = s.phrases.roleStartingAt(t1 - 1);
  return (
    role !== null &&
    role.title &&
    keys[role.t1 - 1] === '.' &&
    role.t1 < tokens.length &&
    capitalised[role.t1] === 1 &&
    tokens[role.t1].kind === 'word' &&
    !s.view.text.slice(tokens[role.t1 - 1].end, tokens[role.t1].start).includes('\n')
  );
}

/** "Mary E" + "Lovely" → "Mary E. Lovely": names NER split at a middle initial. */
function joinInitials(s: ScanState): void {
  const { tokens } = s.view;
  s.works.sort((a, b) => a.t0 - b.t0);
  for (let k = 0; k < s.works.length; k++) {
    const w = s.works[k];
    const end = w.type === 'PERSON' ? overInitial(s.view, w.t0, w.t1) : null;
    if (end === null) continue;
    let t1 = end;
    // The words after the initial may be a name NER found: take it whole ("Kennedy Jr").
    while (k + 1 < s.works.length && s.works[k + 1].t0 < t1) {
      t1 = Math.max(t1, s.works[k + 1].t1);
      s.works.splice(k + 1, 1);
    }
    w.t1 = t1;
    w.end = tokens[t1 - 1].end;
  }
}

/** Organisation names NER cut short or run into a titled name (repair.ts). */
function addOrganisationRuns(s: ScanState): void {
  s.works = repairOrganisationRuns(s.view, joinAdjacentOrganisations(s.view, s.works), (t) => {
    const role = s.phrases.roleStartingAt(t);
    return role?.title ? role.t1 : -1;
  });
  s.works = joinFieldLists(s.view, s.works);
}

/** Gives each name mention its KB hits and the type the KB implies. */
export function refineNames(s: ScanState): void {
  const surnames = new Set<string>();
  const firstNames = new Set<string>();
  for (const w of s.works) {
    w.hits = s.kb.lookup(s.phrases.nameKey(w.t0, w.t1));
    if (w.hits.length === 0 && w.firstPart) w.parent = partOrganisation(s, w, w.firstPart);
    retype(w);
    if (w.type !== 'PERSON' && w.hits.length === 0 && titledInside(s, w)) w.type = 'PERSON';
    if (w.type === 'PERSON' && w.t1 - w.t0 > 1) {
      surnames.add(surnameOf(s.view.keys.slice(w.t0, w.t1)));
      firstNames.add(s.view.keys[w.t0]);
    }
  }
  placesTypedOtherwise(
    s.view,
    s.works,
    (w) => s.phrases.nameKey(w.t0, w.t1),
    new Set([...surnames, ...firstNames]),
  );
  thingsTypedActors(
    s.view,
    s.works,
    (w) => s.phrases.nameKey(w.t0, w.t1),
    (w) => endsInRoleWord(s, w),
    (t0, t1) => s.kb.lookup(s.phrases.nameKey(t0, t1)).some((h) => h.kind === 'org' && h.org.kind === 'BUS'),
  );
  const personWords = new Set(surnames);
  for (const w of s.works) if (w.type === 'PERSON' && w.t1 - w.t0 === 1) personWords.add(s.view.keys[w.t0]);
  peopleTypedOtherwise(s.view, s.works, personWords);
  // A lone word NER typed MISC that is the surname of a person named in the text, or of exactly
  // one KB person, is that person ("Rutte", "Zelensky").
  // NER also types such a surname ORG or LOC ("Carson’s"); that is trusted less, so only a
  // person named in full in the same text overrides it.
  for (const w of s.works) {
    if (w.type === 'PERSON' || w.type === 'GPE' || w.type === 'NORP' || w.hits.length > 0) continue;
    const key = s.phrases.nameKey(w.t0, w.t1);
    if (key.includes(' ')) continue;
    if (surnames.has(key) || (w.type === 'MISC' && s.kb.bySurname(key).length === 1)) w.type = 'PERSON';
  }
  for (const w of s.works)
    if (isNounModifier(s, w, surnames) || isOwnedInstitutionWord(s, w)) w.type = 'MISC';
  agreeTypes(s.works, (w) => s.phrases.nameKey(w.t0, w.t1));
  dropForeignInstitutions(s.view, s.works, (t) => s.phrases.countryEndingAt(t));
  for (const w of s.works) if (w.hits.length === 0 && w.type !== 'PERSON') titleOnly(s, w);
}

/** "Army", "Honduran Navy", "Air Force": a role word or phrase ends the name (a body's, not a thing's). */
function endsInRoleWord(s: ScanState, w: Work): boolean {
  for (let t = w.t0; t < w.t1; t++) if (s.phrases.roleStartingAt(t)?.t1 === w.t1) return true;
  return false;
}

/**
 * The KB organisation a rebuilt name's first piece names, if it names exactly one, of no country,
 * and the rest of the name has no head of a body standing on its own ("U.N. Refugee Fund").
 */
function partOrganisation(s: ScanState, w: Work, [t0, t1]: [number, number]): Organization | undefined {
  if (s.view.keys.slice(t1, w.t1).some(isSelfStandingHead)) return undefined;
  const orgs = s.kb.lookup(s.phrases.nameKey(t0, t1)).filter((h) => h.kind === 'org');
  // A national body's name is shared across countries ("Democratic Party" of Kosovo, "Department
  // of Agriculture and Food" of Ireland): only a body of no country (the UN, FIFA) passes its code on.
  return orgs.length === 1 && orgs[0].kind === 'org' && !orgs[0].org.country ? orgs[0].org : undefined;
}

/**
 * "a Denver man", "an Austin company": one capitalised word NER typed PERSON between an indefinite
 * article and a lower-case word modifies that noun; unless the KB or a full name in the text makes
 * it a person ("a Smith spokesman" after "Ann Smith"), it is no one to credit a statement to.
 */
function isNounModifier(s: ScanState, w: Work, surnames: ReadonlySet<string>): boolean {
  if (w.type !== 'PERSON' || w.kind !== 'name' || w.t1 - w.t0 !== 1 || w.hits.length > 0) return false;
  const { keys, tokens, capitalised } = s.view;
  if (w.t0 === 0 || w.t1 >= tokens.length || surnames.has(keys[w.t0])) return false;
  const article = tokens[w.t0 - 1];
  // The article is a word of its own (not the tail of a garbled "PeÃ±a").
  const standsAlone = article.start === 0 || /\s/u.test(s.view.text[article.start - 1]);
  return (
    (keys[w.t0 - 1] === 'a' || keys[w.t0 - 1] === 'an') &&
    standsAlone &&
    tokens[w.t1].kind === 'word' &&
    !capitalised[w.t1]
  );
}

/**
 * "the attorney's [Office]": an institution word NER typed as a name of its own after a lower-case
 * owner names no one (with capitalised owners, repair.ts made the whole run an organisation).
 */
function isOwnedInstitutionWord(s: ScanState, w: Work): boolean {
  const { keys } = s.view;
  return (
    w.kind === 'name' &&
    w.t1 - w.t0 === 1 &&
    w.t0 > 0 &&
    keys[w.t0 - 1] === "'s" &&
    INSTITUTION_WORDS.has(keys[w.t0])
  );
}

/**
 * A name NER found that is all title ("the then UK Home Secretary", typed ORG) names a person by
 * office: it becomes a description with that role, so the name it introduces can take it.
 */
function titleOnly(s: ScanState, w: Work): void {
  const t = s.phrases.titleBefore(w.t1, w.t0);
  if (!t || t.t0 !== w.t0) return;
  w.kind = 'description';
  w.type = 'PERSON';
  w.title = t.title;
  w.role = t.role;
  if (w.t0 > 0 && DEFINITE.has(s.view.keys[w.t0 - 1])) w.determiner = 'definite';
}

/**
 * True when the span is `[affiliation] title Name…` ("NATO Secretary General Mark Rutte" that
 * NER typed ORG): whatever NER said, that names a person.
 */
function titledInside(s: ScanState, w: Work): boolean {
  // From the right, so the longest title wins ("Secretary General", not "Secretary").
  for (let h = w.t1 - 1; h > w.t0; h--) {
    const t = s.phrases.titleBefore(h, w.t0);
    // After an affiliation nobody knows, the name needs two words ("Brightline President Dana Kessler").
    if (!t || (t.t0 !== w.t0 && !(w.t1 - h >= 2 && s.phrases.unknownAffiliation(w.t0, t.t0, w.t1)))) continue;
    // "U.S. Attorney's Office", "the Mayor's Office": a title's possessive names an institution.
    if (s.view.keys[h] === "'s") return false;
    for (let i = h; i < w.t1; i++) if (!s.view.capitalised[i] && s.view.keys[i] !== "'s") return false;
    return true;
  }
  return false;
}

/** Adds names the KB knows that no NER mention covers (countries, organisations, people). */
export function addKbNames(s: ScanState): void {
  const n = s.view.tokens.length;
  const taken = new Uint8Array(n);
  for (const w of s.works) for (let i = w.t0; i < w.t1; i++) taken[i] = 1;
  const { keys } = s.view;
  for (let i = 0; i < n; i++) {
    if (!s.view.capitalised[i]) continue;
    const m = taken[i] && (i === 0 || taken[i - 1]) ? null : s.phrases.kbNameStartingAt(i);
    // "The United Nations High Commissioner …": the longer name after the article wins.
    if (m && keys[i] === 'the' && (s.phrases.kbNameStartingAt(i + 1)?.t1 ?? 0) > m.t1) continue;
    // A KB name NER cut short ("[Amnesty] International"): the KB name replaces the fragment.
    const words = m ? m.t1 - i - (keys[i] === 'the' ? 1 : 0) : 0;
    const fragments = m ? s.works.filter((w) => w.t0 < m.t1 && i < w.t1) : [];
    const cut =
      m !== null &&
      words > 1 &&
      fragments.length > 0 &&
      fragments.every(
        (w) =>
          w.t0 >= i &&
          (w.t1 <= m.t1 || (w.t1 === m.t1 + 1 && keys[m.t1] === "'s")) &&
          Math.min(w.t1, m.t1) - w.t0 < words &&
          (w.type !== 'PERSON' || w.kind === 'description'),
      );
    if (!m || (fragments.length > 0 && !cut)) continue;
    if (cut) s.works = s.works.filter((w) => !fragments.includes(w));
    const w: Work = {
      start: s.view.tokens[i].start,
      end: s.view.tokens[m.t1 - 1].end,
      t0: i,
      t1: m.t1,
      type: 'MISC',
      kind: 'name',
      hits: m.hits,
      cluster: -1,
    };
    retype(w);
    s.works.push(w);
    i = m.t1 - 1;
  }
}

/**
 * Surnames NER missed ("Schiff asked …" after "Adam Schiff"): a capitalised word outside every
 * mention that is the surname of a person named in full in the text is that person's mention.
 */
export function addSurnameMentions(s: ScanState): void {
  const { keys, tokens, capitalised } = s.view;
  const surnames = new Set<string>();
  for (const w of s.works)
    if (w.type === 'PERSON' && w.t1 - w.t0 > 1) surnames.add(surnameOf(keys.slice(w.t0, w.t1)));
  if (surnames.size === 0) return;
  const taken = new Uint8Array(tokens.length);
  for (const w of s.works) taken.fill(1, w.t0, w.t1);
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || !capitalised[i] || tokens[i].kind !== 'word' || !surnames.has(keys[i])) continue;
    // Part of a longer capitalised run is some other name ("Schiff Hardin LLP").
    if (
      (i > 0 &&
        capitalised[i - 1] &&
        !taken[i - 1] &&
        tokens[i - 1].kind === 'word' &&
        !s.phrases.sentenceStart(i - 1)) ||
      (i + 1 < tokens.length && capitalised[i + 1] && tokens[i + 1].kind === 'word')
    )
      continue;
    s.works.push({
      start: tokens[i].start,
      end: tokens[i].end,
      t0: i,
      t1: i + 1,
      type: 'PERSON',
      kind: 'name',
      hits: [],
      cluster: -1,
    });
  }
}

/** Adds the byline name as a PERSON mention when no mention covers it. */
export function addByline(s: ScanState, span: { start: number; end: number } | undefined): void {
  if (!span || span.end <= span.start) return;
  const { tokens } = s.view;
  const t0 = tokenAtOrAfter(tokens, span.start);
  let t1 = t0;
  while (t1 < tokens.length && tokens[t1].start < span.end) t1++;
  if (t1 === t0) return;
  const existing = s.works.find((w) => w.start < span.end && span.start < w.end && w.type === 'PERSON');
  if (existing) {
    existing.byline = true;
    return;
  }
  if (s.works.some((w) => w.start < span.end && span.start < w.end)) return;
  s.works.push({
    start: tokens[t0].start,
    end: tokens[t1 - 1].end,
    t0,
    t1,
    type: 'PERSON',
    kind: 'name',
    hits: [],
    cluster: -1,
    byline: true,
  });
}

/** The type a KB hit implies for a name: countries GPE, demonyms NORP, organisations ORG. */
function retype(w: Work): void {
  const h = w.hits[0];
  if (!h) return;
  if (h.kind === 'country') {
    if (h.via === 'demonym') {
      w.type = 'NORP';
      w.kind = 'demonym';
    } else if (h.via === 'metonym') w.type = 'ORG';
    else w.type = 'GPE';
  } else if (h.kind === 'org') w.type = 'ORG';
  else if (h.kind === 'person') w.type = 'PERSON';
}
