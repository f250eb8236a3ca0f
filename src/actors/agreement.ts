import type { EntityType } from '../model/index.js';
import type { KbHit } from './kb/index.js';
import type { Work } from './scan/index.js';
import type { TokenView } from './tokens.js';
import { keyOf } from './tokens.js';

/*
 * Document-level agreement of names. NER types each occurrence on its own, so one person's name
 * may come out PERSON, LOC and ORG in one article ("Julian Assange's" as a place, "Brexit" as an
 * organisation, a place and a person). The article means one thing by one name: every occurrence
 * takes the type most of them have (a person's name wins a tie, then the first occurrence's type).
 */

/** Gives every occurrence of a name (without its possessive) the type the article mostly gives it. */
export function agreeTypes(works: readonly Work[], keyOf: (w: Work) => string): void {
  const byKey = new Map<string, Work[]>();
  for (const w of works) {
    if (w.kind !== 'name' || w.hits.length > 0) continue;
    const key = keyOf(w);
    const list = byKey.get(key);
    if (list) list.push(w);
    else byKey.set(key, [w]);
  }
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const counts = new Map<EntityType, number>();
    for (const w of list) counts.set(w.type, (counts.get(w.type) ?? 0) + 1);
    if (counts.size < 2) continue;
    let best: EntityType = list[0].type;
    for (const [type, n] of counts) {
      const b = counts.get(best) ?? 0;
      if (n > b || (n === b && type === 'PERSON')) best = type;
    }
    for (const w of list) w.type = best;
  }
}

/** Tokens back from an institution's name that an owning country may stand ("Nigeria's President of the Senate"). */
const OWNER_REACH = 8;
const OWNER_GLUE = new Set(['of', 'the', "'s", 'for']);

/**
 * A national body named generically ("the Senate", "Parliament") belongs to the country the phrase
 * names, not to the one the knowledge base files it under: "Nigeria's President of the Senate" is
 * no office in the US Senate. When a country named just before (with only title words, "of", "the"
 * and "'s" between) is another than the body's, its KB hits are dropped, and so are those of every
 * other mention of that body in the article ("the CDC" after "the Chinese CDC").
 */
export function dropForeignInstitutions(
  view: TokenView,
  works: readonly Work[],
  countryAt: (t: number) => string | undefined,
): void {
  const { keys, capitalised } = view;
  const foreign = new Set<string>();
  for (const w of works) {
    const org = orgOf(w);
    if (!org?.country) continue;
    for (
      let i = w.t0 - 1;
      i >= 0 && w.t0 - i <= OWNER_REACH && view.sentence[i] === view.sentence[w.t0];
      i--
    ) {
      const country = countryAt(i);
      if (country) {
        if (country !== org.country) {
          w.hits = [];
          if (isAcronym(view, w)) foreign.add(keyOf(view, w.t0, w.t1));
        }
        break;
      }
      if (!capitalised[i] && !OWNER_GLUE.has(keys[i])) break;
    }
  }
  // One article means one body by one name: once "the Chinese CDC" is named, "the CDC" is it too.
  // Only acronyms, which every country's bodies share ("CDC", "FSB"); "Georgia Republicans" is no
  // reason to unlink "Republicans".
  if (foreign.size > 0)
    for (const w of works) if (orgOf(w) && foreign.has(keyOf(view, w.t0, w.t1))) w.hits = [];
}

function orgOf(w: Work): Extract<KbHit, { kind: 'org' }>['org'] | undefined {
  return w.hits.find((h): h is Extract<KbHit, { kind: 'org' }> => h.kind === 'org')?.org;
}

function isAcronym(view: TokenView, w: Work): boolean {
  const text = view.text.slice(w.start, w.end);
  return w.t1 - w.t0 === 1 && text.length >= 2 && text === text.toUpperCase() && /\p{Lu}/u.test(text);
}
