import type { Work } from './scan/index.js';
import type { TokenView } from './tokens.js';
import { organisationRuns } from './clean.js';
import { isCommonNoun } from './common-nouns.js';

/*
 * Repairs of NER name spans that need the whole list of mentions (clean.ts repairs one span):
 *  - an organisation name NER cut short replaces its pieces ("Fort Worth" of "Fort Worth Police
 *    Department");
 *  - "[organisation] [title] [name]" NER read as one person or split wrongly ("Indiana State
 *    Teachers Association President Keith Gambill" → the association, and the titled person);
 *  - two organisation names side by side with only a space between are one name NER split
 *    ("CBS DFW" is a station, not CBS News);
 *  - an organisation name that lists its fields goes on over the commas NER cut it at ("Boeing
 *    Defense, Space, and Security", "Ministry of Trade, Industry and Energy").
 */

/** Capitalised words of a person's name after a title. */
const MAX_NAME_WORDS = 4;

function nameWork(view: TokenView, t0: number, t1: number, type: Work['type']): Work {
  return {
    start: view.tokens[t0].start,
    end: view.tokens[t1 - 1].end,
    t0,
    t1,
    type,
    kind: 'name',
    hits: [],
    cluster: -1,
  };
}

/** The end of the capitalised words of a name starting at t (same line, no punctuation), or t. */
function capitalisedRun(view: TokenView, t: number): number {
  const { tokens, capitalised, text } = view;
  let e = t;
  while (
    e < tokens.length &&
    e - t < MAX_NAME_WORDS &&
    capitalised[e] &&
    tokens[e].kind === 'word' &&
    (e === t || !text.slice(tokens[e - 1].end, tokens[e].start).includes('\n'))
  )
    e++;
  // "Kennedy Jr.": an initial or suffix keeps its period.
  return e;
}

/**
 * Organisation runs replace the NER pieces inside them; where a person NER span runs from inside
 * the run over a title into a name, the run, and the name after the title, become two mentions.
 * `titleEndingAt(t)` gives the end of a person's title starting at token t, or -1.
 */
export function repairOrganisationRuns(
  view: TokenView,
  works: Work[],
  titleEndingAt: (t: number) => number,
): Work[] {
  let out = works;
  for (const [t0, t1] of organisationRuns(view)) {
    const inside = out.filter((w) => w.t0 < t1 && t0 < w.t1);
    if (inside.length === 1 && inside[0].t0 === t0 && inside[0].t1 === t1) continue;
    const titleEnd = titleEndingAt(t1);
    const nameEnd = titleEnd > t1 ? capitalisedRun(view, titleEnd) : -1;
    const straddles = inside.filter((w) => w.t1 > t1);
    if (
      nameEnd > titleEnd &&
      straddles.length > 0 &&
      straddles.every((w) => w.t1 <= nameEnd) &&
      inside.every((w) => w.t0 >= t0)
    ) {
      // "Indiana State Teachers Association President Keith Gambill".
      out = out.filter((w) => !inside.includes(w));
      out.push(nameWork(view, t0, t1, 'ORG'), nameWork(view, titleEnd, nameEnd, 'PERSON'));
      continue;
    }
    // A person inside the run stays, unless a possessive makes the run an institution: NER types
    // "the U.S. Attorney's Office" (or its "Office") PERSON, and no one is named there.
    const owned = view.keys.slice(t0, t1).includes("'s");
    if (inside.some((w) => w.t0 < t0 || w.t1 > t1 || (w.type === 'PERSON' && !owned))) continue;
    out = out.filter((w) => !inside.includes(w));
    const rebuilt = nameWork(view, t0, t1, 'ORG');
    // "U.N." + "Conciliation Commission": the first piece may name the body the whole belongs to.
    const first = inside.find((w) => w.t0 === t0 && w.t1 < t1 && w.type === 'ORG');
    if (first) rebuilt.firstPart = first.firstPart ?? [first.t0, first.t1];
    out.push(rebuilt);
  }
  return out;
}

/**
 * "CBS DFW": organisation names NER split, side by side on one line, become one; the first keeps
 * its place as the part that may name the body the whole belongs to ("U.N." + "Conciliation Commission").
 */
export function joinAdjacentOrganisations(view: TokenView, works: Work[]): Work[] {
  const sorted = [...works].sort((a, b) => a.t0 - b.t0);
  const out: Work[] = [];
  for (const w of sorted) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.type === 'ORG' &&
      w.type === 'ORG' &&
      prev.kind === 'name' &&
      w.kind === 'name' &&
      prev.t1 === w.t0 &&
      view.text.slice(prev.end, w.start) === ' '
    ) {
      const joined = nameWork(view, prev.t0, w.t1, 'ORG');
      joined.firstPart = prev.firstPart ?? [prev.t0, prev.t1];
      out[out.length - 1] = joined;
      continue;
    }
    out.push(w);
  }
  return out;
}

/**
 * The end of the fields listed after an organisation's name ending at token t ("…Defense" +
 * ", Space, and Security"): single capitalised common nouns after commas, the last after "and" or
 * "&", on one line, and no capitalised word after it; -1 when no such list follows. Names listed
 * after a name ("Ford, Chrysler and General Motors") are no common nouns.
 */
function fieldListEnd(view: TokenView, t: number): number {
  const { keys, tokens, capitalised, text } = view;
  const field = (i: number) =>
    i < tokens.length &&
    capitalised[i] === 1 &&
    tokens[i].kind === 'word' &&
    isCommonNoun(keys[i]) &&
    !(i + 1 < tokens.length && capitalised[i + 1] === 1 && tokens[i + 1].kind === 'word');
  if (!isCommonNoun(keys[t - 1]) || keys[t] !== ',') return -1;
  let i = t + 1;
  for (let items = 0; items < 4; items++) {
    if (!field(i)) return -1;
    i++;
    if (keys[i] === ',') i++;
    if (keys[i] === 'and' || keys[i] === '&') {
      if (!field(i + 1)) return -1;
      const end = i + 2;
      return text.slice(tokens[t].start, tokens[end - 1].end).includes('\n') ? -1 : end;
    }
    if (keys[i - 1] !== ',') return -1;
  }
  return -1;
}

/**
 * "Boeing Defense, Space, and Security": NER cut an organisation's name at the commas of the
 * fields it lists (an organisation "Space"); the name of two or more words takes the list, and
 * the mentions NER found inside it go.
 */
export function joinFieldLists(view: TokenView, works: Work[]): Work[] {
  let out = works;
  for (const w of works) {
    if (w.type !== 'ORG' || w.kind !== 'name' || w.t1 - w.t0 < 2 || !out.includes(w)) continue;
    const end = fieldListEnd(view, w.t1);
    if (end < 0) continue;
    out = out.filter((x) => x === w || x.t1 <= w.t1 || x.t0 >= end);
    w.t1 = end;
    w.end = view.tokens[end - 1].end;
  }
  return out;
}
