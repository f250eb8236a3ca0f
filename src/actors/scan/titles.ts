import type { ScanState, TextRole, Work } from './work.js';
import { DEFINITE, FORMER, INDEFINITE, TITLE_MODIFIERS, TOPIC_ROLE_WORDS } from '../words.js';

/* Titles and affiliations before person names, and appositive roles after them. */

function indexNames(s: ScanState): void {
  s.works.sort((a, b) => a.start - b.start || b.end - a.end);
  s.phrases.nameEndingAt.clear();
  s.phrases.nameStartingAt.clear();
  for (const w of s.works) {
    if (w.kind !== 'name' && w.kind !== 'demonym') continue;
    const stop = w.t1 - 1 > w.t0 && s.view.keys[w.t1 - 1] === "'s" ? w.t1 - 1 : w.t1;
    s.phrases.nameEndingAt.set(stop, w);
    s.phrases.nameStartingAt.set(w.t0, w);
  }
}

/**
 * Extends PERSON names over the titles and affiliations before them ("NATO Secretary General
 * Mark Rutte"), including titles NER left inside the name, and reads appositive roles.
 */
export function addTitles(s: ScanState): void {
  indexNames(s);
  const added: Work[] = [];
  for (const w of s.works) {
    if (w.type !== 'PERSON' || w.kind !== 'name') continue;
    // A title NER kept inside the name: the name proper starts at the first token after it.
    let head = w.t0;
    for (let h = w.t1 - 1; h > w.t0; h--) {
      // The title may also start before the span, when NER cut it ("Secretary of [State Marco Rubio]").
      const t = s.phrases.titleBefore(h, s.phrases.sentenceFloor(w.t0));
      if (t && (t.t0 <= w.t0 || (w.t1 - h >= 2 && s.phrases.unknownAffiliation(w.t0, t.t0, w.t1)))) {
        head = h;
        break;
      }
    }
    const found = s.phrases.titleBefore(head, s.phrases.sentenceFloor(w.t0));
    if (found) {
      if (head !== w.t0) w.hits = s.kb.lookup(s.phrases.nameKey(head, w.t1));
      w.head = [head, w.t1];
      w.title = found.title;
      w.role = found.role;
      w.kind = 'titled-name';
      w.t0 = Math.min(w.t0, found.t0);
      w.start = s.view.tokens[w.t0].start;
      for (let i = w.t0; i < w.t1; i++) s.covered[i] = 1;
    }
    const app = appositiveAfter(s, w);
    if (app) added.push(app);
  }
  // NER fragments of a title ("Secretary" of "US Secretary of State Marco Rubio") are not names.
  const inTitle = new Uint8Array(s.view.tokens.length);
  for (const w of s.works) if (w.title) for (let i = w.title[0]; i < w.title[1]; i++) inTitle[i] = 1;
  for (let k = s.works.length - 1; k >= 0; k--) {
    const w = s.works[k];
    if (w.kind === 'name' && w.hits.length === 0 && inTitle[w.t0] && inTitle[w.t1 - 1]) s.works.splice(k, 1);
  }
  for (const w of s.works) if (w.kind === 'name') for (let i = w.t0; i < w.t1; i++) s.covered[i] = 1;
  s.works.push(...added);
  indexNames(s);
}

/** ", the US secretary of state," after a person name. */
function appositiveAfter(s: ScanState, w: Work): Work | null {
  const { keys, tokens } = s.view;
  const n = tokens.length;
  let k = w.t1;
  if (k >= n || keys[k] !== ',') return null;
  k++;
  const first = k;
  let determiner: Work['determiner'];
  if (k < n && DEFINITE.has(keys[k])) {
    determiner = 'definite';
    k++;
  } else if (k < n && INDEFINITE.has(keys[k])) {
    determiner = 'indefinite';
    k++;
  }
  let former = false;
  while (k < n && (TITLE_MODIFIERS.has(keys[k]) || FORMER.has(keys[k]))) {
    if (FORMER.has(keys[k])) former = true;
    k++;
  }
  let affiliation: TextRole['affiliation'];
  const aff = k < n ? s.phrases.kbNameStartingAt(k) : null;
  let countryName = false;
  if (aff && s.phrases.affiliationOf(aff.hits)) {
    affiliation = s.phrases.affiliationOf(aff.hits);
    countryName = aff.hits.some((h) => h.kind === 'country' && h.via === 'name');
    k = aff.t1;
    if (k < n && keys[k] === "'s") {
      countryName = false;
      k++;
    }
  }
  while (k < n && TITLE_MODIFIERS.has(keys[k])) k++;
  const role = k < n ? s.phrases.roleStartingAt(k) : null;
  if (!role || !role.title) return null;
  // "a China scholar": the country studied, not the employer (as in modifiersBefore).
  if (countryName && TOPIC_ROLE_WORDS.has(keys[role.t1 - 1])) affiliation = undefined;
  const titleStart = k;
  k = role.t1;
  const ofAffiliation = affiliation ? null : s.phrases.affiliationAfterOf(k);
  if (ofAffiliation) {
    affiliation = ofAffiliation.affiliation;
    k = ofAffiliation.t1;
  }
  // "…, the U.S. attorney in Manhattan,": a place after the title still ends the appositive.
  if (k + 1 < n && (keys[k] === 'in' || keys[k] === 'at' || keys[k] === 'for') && s.view.capitalised[k + 1]) {
    let e = k + 1;
    while (e < n && e - k < 6 && s.view.capitalised[e]) e++;
    if (e >= n || [',', '.', ';', ')'].includes(keys[e])) k = e;
  }
  if (k < n && ![',', '.', ';', ')', '—', '–'].includes(keys[k]) && !s.phrases.isSentenceEnd(k)) return null;
  return {
    start: tokens[first].start,
    end: tokens[k - 1].end,
    t0: first,
    t1: k,
    type: 'PERSON',
    kind: 'description',
    title: [titleStart, role.t1],
    hits: [],
    determiner,
    appositiveOf: w,
    role: s.phrases.textRole(titleStart, role.t1, role, affiliation, former, first, k),
    cluster: -1,
  };
}
