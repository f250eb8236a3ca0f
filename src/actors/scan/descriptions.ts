import type { ScanState, Work } from './work.js';
import { isBareGroupNoun } from '../groups.js';
import { DEFINITE, GROUP_PRONOUNS, INDEFINITE, PERSON_PRONOUNS, surnameOf } from '../words.js';

/* Descriptions outside names ("the minister", "Russian troops"), titles introducing names, pronouns. */

/** What may stand between a title and the name it introduces: a comma, after "to Britain" or so. */
const INTRODUCING_GAP =
  /^(\s+(?:to|in|at|for|of|on)\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)?\s*,\s*$/u;

/**
 * Descriptions: `[the|a] [former] [affiliation] role-word [of affiliation]` outside names —
 * "NATO chief", "the president", "Ukrainian officials", "Russian troops", "the ministry".
 * A bare role word needs a determiner or an affiliation to count.
 */
export function addDescriptions(s: ScanState): void {
  const { keys, tokens } = s.view;
  const n = tokens.length;
  const added: Work[] = [];
  for (let i = 0; i < n; i++) {
    if (s.covered[i]) continue;
    const role = s.phrases.roleStartingAt(i);
    if (!role) continue;
    let blocked = false;
    for (let j = i; j < role.t1; j++) if (s.covered[j]) blocked = true;
    // A title right before a name belongs to the titled name, not to a description.
    const next = s.phrases.nameStartingAt.get(role.t1);
    if (blocked || (next && next.type === 'PERSON')) {
      i = role.t1 - 1;
      continue;
    }
    const lowest = s.phrases.sentenceFloor(i);
    const before = s.phrases.modifiersBefore(i, lowest, keys[role.t1 - 1]);
    let t0 = before.t0;
    const former = before.former;
    let affiliation = before.affiliation;
    let determiner: Work['determiner'];
    if (t0 - 1 >= lowest && DEFINITE.has(keys[t0 - 1])) {
      determiner = 'definite';
      t0--;
    } else if (t0 - 1 >= lowest && INDEFINITE.has(keys[t0 - 1])) {
      determiner = 'indefinite';
      t0--;
    }
    let t1 = role.t1;
    const ofAffiliation = affiliation ? null : s.phrases.affiliationAfterOf(t1);
    if (ofAffiliation) {
      affiliation = ofAffiliation.affiliation;
      t1 = ofAffiliation.t1;
    }
    // "the general election"; with an affiliation ("NATO chief backs …") the word is a noun.
    if (!affiliation && s.phrases.modifies(i, role.t1)) {
      i = role.t1 - 1;
      continue;
    }
    // Institutional plurals refer without a determiner ("prosecutors said").
    const bare = !affiliation && !determiner && isBareGroupNoun(keys[role.t1 - 1]);
    if (!affiliation && !determiner && !bare) {
      i = role.t1 - 1;
      continue;
    }
    added.push({
      start: tokens[t0].start,
      end: tokens[t1 - 1].end,
      t0,
      t1,
      type: role.title ? 'PERSON' : 'ORG',
      kind: 'description',
      title: [i, role.t1],
      hits: [],
      group: !role.title,
      determiner,
      ...(bare ? { bare } : {}),
      role: s.phrases.textRole(i, role.t1, role, affiliation, former, t0, t1),
      cluster: -1,
    });
    for (let j = i; j < t1; j++) s.covered[j] = 1;
    i = t1 - 1;
  }
  s.works.push(...added);
}

/**
 * "China's ambassador to Britain, Liu Xiaoming," / "the then Home Secretary, Sajid Javid": a
 * person's title followed by a name in apposition introduces that name, which names a person
 * whatever NER typed it.
 */
export function linkIntroducedNames(s: ScanState): void {
  const { text } = s.view;
  const names = s.works.filter((w) => w.kind === 'name' || w.kind === 'titled-name');
  for (const w of s.works) {
    if (w.kind !== 'description' || w.group || w.type !== 'PERSON') continue;
    const name = names.find(
      (n) =>
        n.start >= w.end &&
        n.start - w.end < 60 &&
        (n.type === 'PERSON' || (n.hits.length === 0 && n.t1 - n.t0 > 1)) &&
        INTRODUCING_GAP.test(text.slice(w.end, n.start)),
    );
    if (!name) continue;
    name.type = 'PERSON';
    w.introduces = name;
    // The person's name alone later in the text ("Liu") is theirs too.
    const { keys } = s.view;
    const parts = new Set([keys[name.t0], surnameOf(keys.slice(name.t0, name.t1))]);
    for (const n of names)
      if (n.t1 - n.t0 === 1 && n.hits.length === 0 && parts.has(keys[n.t0])) n.type = 'PERSON';
  }
}

/** Third-person pronouns, as PERSON (he, she …) or group (they …) mentions. */
export function addPronouns(s: ScanState): void {
  const { keys, tokens } = s.view;
  for (let i = 0; i < tokens.length; i++) {
    if (s.covered[i]) continue;
    const k = keys[i];
    const person = PERSON_PRONOUNS.has(k);
    if (!person && !GROUP_PRONOUNS.has(k)) continue;
    s.works.push({
      start: tokens[i].start,
      end: tokens[i].end,
      t0: i,
      t1: i + 1,
      type: person ? 'PERSON' : 'ORG',
      kind: 'pronoun',
      group: !person,
      hits: [],
      cluster: -1,
    });
  }
  s.works.sort((a, b) => a.start - b.start || b.end - a.end);
}
