import type { Mention } from '../model/index.js';
import { isActorWord } from './vocabulary.js';
import { someLetterWord } from '../util/letter-words.js';
import { WordFilter } from '../util/word-filter.js';

/*
 * A cheap test, before any tagging, of whether a sentence may hold a codable event: it must name an
 * actor (a person, organisation, place or nationality mention, or an actor word such as "police")
 * and hold a trigger word of the model's vocabulary (see `triggerVocabulary` in train.ts). Most of
 * the coder's time is the part-of-speech tagging and feature scoring of the sentences that pass.
 */

const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);

/** Whether the range names an actor; `mentions` are those inside it. */
export function namesAnActor(
  text: string,
  start: number,
  end: number,
  mentions: readonly Mention[],
): boolean {
  if (mentions.some((m) => ACTOR_TYPES.has(m.type))) return true;
  return someLetterWord(text, isActorWordForm, start, end);
}

/**
 * An actor word as written, also possessive or hyphenated ("police's", "pro-government" → "pro"):
 * the word's part before its first hyphen or apostrophe (which also drops a possessive "'s").
 */
function isActorWordForm(w: string): boolean {
  let k = 0;
  while (k < w.length) {
    const c = w.charCodeAt(k);
    if (c === 45 || c === 39 || c === 0x2019) break;
    k++;
  }
  return isActorWord(k === w.length ? w : w.slice(0, k));
}

/** The forms a regular inflection may come from ("attacked" → attack, attacke; "parties" → party). */
export function stemsOf(w: string): string[] {
  const out: string[] = [];
  const undouble = (s: string) => (/([b-df-hj-np-tv-z])\1$/.test(s) ? [s, s.slice(0, -1)] : [s]);
  if (w.endsWith('ies') || w.endsWith('ied')) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) out.push(w.slice(0, -1));
  if (w.endsWith('ed')) out.push(...undouble(w.slice(0, -2)), w.slice(0, -1));
  if (w.endsWith('ing')) out.push(...undouble(w.slice(0, -3)), `${w.slice(0, -3)}e`);
  return out;
}

/** Whether a word ends as a regular inflection may (-s, -ed, -ing); no regular expression, as it runs per word. */
function inflected(w: string): boolean {
  return w.endsWith('s') || w.endsWith('ed') || w.endsWith('ing');
}

/** A Bloom filter of each trigger vocabulary (one per model, or per list of extra verbs). */
const filters = new WeakMap<ReadonlySet<string>, WordFilter>();

function filterOf(vocabulary: ReadonlySet<string>): WordFilter {
  let filter = filters.get(vocabulary);
  if (!filter) filters.set(vocabulary, (filter = new WordFilter(vocabulary)));
  return filter;
}

/**
 * Whether a lower-cased word is in the vocabulary as written or as a regular inflection; the filter
 * turns most words away before the set is asked.
 */
function isTrigger(w: string, vocabulary: ReadonlySet<string>, filter: WordFilter): boolean {
  if (filter.mayHold(w) && vocabulary.has(w)) return true;
  if (!inflected(w)) return false;
  for (const s of stemsOf(w)) if (filter.mayHold(s) && vocabulary.has(s)) return true;
  return false;
}

/** Whether the range holds a word of the trigger vocabulary, as written or as a regular inflection. */
export function holdsTrigger(
  text: string,
  start: number,
  end: number,
  vocabulary: ReadonlySet<string>,
): boolean {
  const filter = filterOf(vocabulary);
  return someLetterWord(text.slice(start, end).toLowerCase(), (w) => isTrigger(w, vocabulary, filter));
}

/**
 * The gate itself: whether a sentence ([start, end), with the mentions inside it) holds a trigger word
 * and names an actor. The trigger test, which fails more often, goes first; each test stops at the
 * first word that passes it.
 */
export function mayHoldEvent(
  text: string,
  start: number,
  end: number,
  mentions: readonly Mention[],
  vocabulary: ReadonlySet<string>,
): boolean {
  return holdsTrigger(text, start, end, vocabulary) && namesAnActor(text, start, end, mentions);
}
