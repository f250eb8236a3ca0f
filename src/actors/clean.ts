import type { TokenView } from './tokens.js';
import { isCompanyNameEnd } from './name-types.js';
import {
  CALENDAR_WORDS,
  CLAUSE_OPENERS,
  NAME_MONTHS,
  NAME_PARTICLES,
  NUMBERED_NOUNS,
  ORG_HEAD_NOUNS,
} from './words.js';

/*
 * Repairs of NER name spans before they become actors. The tagger reads a window of words, so on
 * real pages it runs names into the clause around them ("Viguerie tells Breitbart News", "R-W.Va.,
 * visited the U.S.", "When Carlineo", "Twitter Tuesday") and cuts organisation names short ("Fort
 * Worth" of "Fort Worth Police Department"). Months, weekdays and numbered common nouns ("Phase 1")
 * are never actors.
 */

/** A name's token range after repair, or null when nothing of it is a name. */
export function trimName(view: TokenView, t0: number, t1: number): [number, number] | null {
  const { keys, capitalised, tokens, text } = view;
  let a = t0;
  // Words that open a clause are capitalised at a sentence start, not because they are names.
  while (a < t1 && CLAUSE_OPENERS.has(keys[a])) a++;
  // "A Supreme Court spokeswoman": an indefinite article is no part of a name.
  if (a + 1 < t1 && (keys[a] === 'a' || keys[a] === 'an')) a++;
  let b = a;
  for (; b < t1; b++) {
    const k = keys[b];
    if (k === ',' || k === '(' || k === ')' || k === ';' || k === ':' || DASHES.has(k)) break;
    // "Julian Assange's lawyers": the name ends with its possessive.
    if (k === "'s" && b > a) {
      b++;
      break;
    }
    const word = tokens[b].kind === 'word';
    if (word && !capitalised[b] && !NAME_PARTICLES.has(k) && !/^\p{N}/u.test(k)) break;
  }
  // Trailing particles and calendar words ("Twitter Tuesday", "Smith of").
  while (b > a && (NAME_PARTICLES.has(keys[b - 1]) || CALENDAR_WORDS.has(keys[b - 1]) || keys[b - 1] === '.'))
    b--;
  while (a < b && CALENDAR_WORDS.has(keys[a])) a++;
  if (b <= a || (b - a === 1 && NAME_MONTHS.has(keys[a]))) return null;
  const span = text.slice(tokens[a].start, tokens[b - 1].end);
  // Party-and-state labels of US legislators ("R-W.Va.", "D-Minn."), and the party alone ("(D)").
  if (/^[RDI]-\p{Lu}/u.test(span)) return null;
  if (/^[RDI]$/u.test(span) && text[tokens[a].start - 1] === '(' && text[tokens[a].end] === ')') return null;
  // "Phase 1", "Article 5": a common noun numbered, not a name.
  if (b - a === 1 && NUMBERED_NOUNS.has(keys[a]) && b < tokens.length && tokens[b].kind === 'number')
    return null;
  return [a, b];
}

const ARTICLES = new Set(['the', 'a', 'an']);
const OF_PARTICLES = new Set(['of', 'on', 'for', 'against', 'without']);
/** Words that join a group's members to its cause ("Doctors for Camp Closure", "Doctors Without Borders"). */
const ADVOCACY_LINKS = new Set(['for', 'against', 'without']);

/**
 * True when a name is complete at token j, so an "and" after it joins a second name ("the Federal
 * Railroad Administration and the Federal Transit Administration", "SBI and ICICI Bank"), not
 * the words of one ("Customs and Border Protection", "Food and Drug Administration"). A company word
 * with no head before it ends a name too ("Ceres Robotics and Tyvak Nano-Satellite Systems Inc" are
 * two companies).
 */
function endsName(view: TokenView, j: number, headAt: number): boolean {
  const { keys, tokens, text } = view;
  if (j + 2 < tokens.length && keys[j + 2] === 'the') return true;
  if (headAt === j) return true;
  // "Ministry of Communications and Information Technology": after a head, a company word is a field.
  if (headAt < 0 && isCompanyNameEnd(keys[j])) return true;
  const word = text.slice(tokens[j].start, tokens[j].end);
  return word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
}

/**
 * "Doctors for …", "Mothers Against …", "Students for …": a capitalised plural inside a sentence
 * followed by for/against/without and a capitalised word heads an advocacy group's name.
 */
function advocacyHead(view: TokenView, j: number): boolean {
  const { keys, capitalised, tokens, text } = view;
  if (j <= 0 || j + 2 >= tokens.length || !capitalised[j] || tokens[j].kind !== 'word') return false;
  const k = keys[j];
  if (k.length < 5 || !k.endsWith('s') || k.endsWith('ss') || !ADVOCACY_LINKS.has(keys[j + 1])) return false;
  if (!capitalised[j + 2] || tokens[j + 2].kind !== 'word') return false;
  // Not the first word of a sentence or line, where every word is capitalised.
  const gap = text.slice(tokens[j - 1].end, tokens[j].start);
  return !gap.includes('\n') && !/^[.!?"“”:]$/u.test(keys[j - 1]) && tokens[j - 1].kind !== 'quote';
}
const DASHES = new Set(['—', '–', '-', '―']);

/**
 * Organisation names NER cut short or split: a run of capitalised words (with "of", "on", "for",
 * "and", "the" inside) ending in an organisation's head noun — "Fort Worth Police Department",
 * "National Institute on Drug Abuse". Returns token ranges [t0, t1), longest first per run start.
 */
export function organisationRuns(view: TokenView): Array<[number, number]> {
  const { keys, capitalised, tokens, text } = view;
  const n = tokens.length;
  const out: Array<[number, number]> = [];
  const sameLine = (i: number) => !text.slice(tokens[i - 1].end, tokens[i].start).includes('\n');
  for (let i = 0; i < n; i++) {
    // "Wednesday the Secret Service": a date opens no organisation's name.
    if (!capitalised[i] || tokens[i].kind !== 'word' || CLAUSE_OPENERS.has(keys[i]) || ARTICLES.has(keys[i]))
      continue;
    if (CALENDAR_WORDS.has(keys[i])) continue;
    if (
      i > 0 &&
      sameLine(i) &&
      capitalised[i - 1] &&
      tokens[i - 1].kind === 'word' &&
      !CLAUSE_OPENERS.has(keys[i - 1]) &&
      !ARTICLES.has(keys[i - 1])
    )
      continue;
    // The run: capitalised words, with particles between them.
    let j = i;
    let end = -1;
    let headAt = -1;
    while (j < n && j - i < 12 && (j === i || sameLine(j))) {
      if (capitalised[j] && (tokens[j].kind === 'word' || keys[j] === '&')) {
        if (ORG_HEAD_NOUNS.has(keys[j]) || advocacyHead(view, j)) {
          headAt = j;
          if (j > i) end = j + 1;
        }
        j++;
      } else if (
        keys[j] === "'s" &&
        j > i &&
        j + 1 < n &&
        capitalised[j + 1] &&
        ORG_HEAD_NOUNS.has(keys[j + 1])
      ) {
        // "U.S. Attorney's Office", "Sheriff's Office": a possessive inside the name.
        j++;
      } else if (advocacyHead(view, j - 1) && ADVOCACY_LINKS.has(keys[j])) {
        end = -2;
        j++;
      } else if (keys[j] === 'and' && endsName(view, j - 1, headAt)) {
        break;
      } else if (
        NAME_PARTICLES.has(keys[j]) &&
        j + 1 < n &&
        // "UN Security Council on Tuesday": a date after the particle is no part of the name.
        !CALENDAR_WORDS.has(keys[j + 1]) &&
        (capitalised[j + 1] || (keys[j + 1] === 'the' && j + 2 < n && capitalised[j + 2]))
      ) {
        // "Department of Justice", "Institute on Drug Abuse": the name runs on after its head.
        if (headAt >= 0 && OF_PARTICLES.has(keys[j])) end = -2;
        j++;
      } else break;
    }
    if (end === -2) end = j;
    if (end > i + 1) {
      out.push([i, end]);
      i = end - 1;
    }
  }
  return out;
}

/**
 * A person's name NER split at a middle initial ("Mary E" + "Lovely", "James P" + "Kennedy Jr"):
 * the token range that joins them, from a name ending in a one-letter initial over its period and
 * the capitalised words after it; null when the name does not end so.
 */
export function overInitial(view: TokenView, t0: number, t1: number): number | null {
  const { keys, tokens, text, capitalised } = view;
  const last = text.slice(tokens[t1 - 1].start, tokens[t1 - 1].end);
  if (!/^\p{Lu}$/u.test(last) || t1 + 1 >= tokens.length || keys[t1] !== '.') return null;
  let e = t1 + 1;
  while (e < tokens.length && e - t1 < 5 && capitalised[e] && tokens[e].kind === 'word') e++;
  return e > t1 + 1 ? e : null;
}
