import type { Doc, EntityType, Mention } from '../model/index.js';
import { clauseWords } from './clause-words.js';
import { countBelow } from '../util/sorted-spans.js';
import { cueLexicon } from './lexicon.js';

/*
 * The mentions index the speaker resolver (speakers.ts) searches, the antecedent of a relative
 * pronoun in it, and the test for unnamed sources.
 */

/** The document's mentions sorted by start, for binary search (mentions may come unsorted). */
export interface MentionIndex {
  mentions: readonly Mention[];
  starts: Int32Array;
  /** Longest mention length, to bound the search for mentions overlapping a span. */
  maxLength: number;
}

export function mentionIndex(doc: Doc): MentionIndex {
  const mentions = [...doc.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  let maxLength = 0;
  for (const m of mentions) maxLength = Math.max(maxLength, m.end - m.start);
  return { mentions, starts: Int32Array.from(mentions.map((m) => m.start)), maxLength };
}

export function overlapping(index: MentionIndex, start: number, end: number): Mention[] {
  const out: Mention[] = [];
  for (
    let k = countBelow(index.starts, start - index.maxLength);
    k < index.mentions.length && index.starts[k] < end;
    k++
  ) {
    const m = index.mentions[k];
    if (m.start < end && start < m.end) out.push(m);
  }
  return out;
}

/**
 * The word a source of one word reads as for the pronoun and relative-pronoun lists, lower-cased;
 * an all-capital word of two letters or more is an acronym ("says WHO", "IT said"), never one.
 */
export function pronounReading(surface: string): string | undefined {
  return /^\p{Lu}{2,}$/u.test(surface) ? undefined : surface.toLowerCase();
}

/**
 * "Rubio, who affirmed": the longest mention ending right before the relative pronoun at `start`
 * (nothing or a comma between), in its sentence.
 */
export function relativeAntecedent(
  index: MentionIndex,
  text: string,
  start: number,
  sentenceAt: (offset: number) => number,
): Mention | undefined {
  const best = mentionJustBefore(index, text, start, (gap) => /^,?$/.test(gap));
  if (!best || sentenceAt(best.start) !== sentenceAt(start)) return undefined;
  return personalRelative(text, start) && PLACES.has(best.type) ? placeHolder(index, text, best) : best;
}

const PLACES: ReadonlySet<EntityType> = new Set(['GPE', 'LOC']);

/**
 * "Shelby, who heads the Senate Banking Committee, said", "The company that runs the AMAs, Dick
 * Clark Productions, denies": a name that is the object of a relative clause closing at a comma
 * right after it is no speaker; the relative pronoun's named antecedent is, else there is no sure
 * one (null). Undefined when `head` is no such object.
 */
export function relativeObjectAntecedent(
  index: MentionIndex,
  text: string,
  head: Mention,
  sentenceStart: number,
  sentenceAt: (offset: number) => number,
): Mention | null | undefined {
  if (!/^\s*,/u.test(text.slice(head.end, head.end + 3))) return undefined;
  const words = [...text.slice(sentenceStart, head.start).matchAll(/[\p{L}'’-]+|[^\s\p{L}]/gu)];
  let k = words.length - 1;
  if (k >= 0 && clauseWords().claims.determiners.has(words[k][0].toLowerCase())) k--;
  const [relative, verb] = [words[k - 1], words[k]];
  if (!relative || !/^\p{Ll}+$/u.test(verb[0])) return undefined;
  if (!clauseWords().subjects.subjectRelatives.has(relative[0].toLowerCase())) return undefined;
  const antecedent = relativeAntecedent(index, text, sentenceStart + relative.index, sentenceAt);
  return antecedent && NAMES.has(antecedent.kind) ? antecedent : null;
}

const NAMES: ReadonlySet<Mention['kind']> = new Set(['name', 'titled-name']);

function personalRelative(text: string, start: number): boolean {
  const found = /^\p{L}+/u.exec(text.slice(start, start + 8))?.[0];
  const word = found && pronounReading(found);
  return !!word && clauseWords().subjects.personalRelatives.has(word);
}

/**
 * "Governor Andrew Cuomo of New York, who said": "who" names a person, never the place, so the
 * antecedent is the person the place is attached to ("of", "from"); with none, there is no sure one.
 */
function placeHolder(index: MentionIndex, text: string, place: Mention): Mention | undefined {
  const origins = clauseWords().subjects.placeOrigins;
  return mentionJustBefore(index, text, place.start, (gap) => origins.has(gap.toLowerCase()), 'PERSON');
}

/**
 * The longest of the mentions ending last before `at` (within 200 characters), of `type` when
 * given, whose trimmed gap to `at` passes `gapFits`.
 */
function mentionJustBefore(
  index: MentionIndex,
  text: string,
  at: number,
  gapFits: (gap: string) => boolean,
  type?: EntityType,
): Mention | undefined {
  let best: Mention | undefined;
  for (const m of overlapping(index, Math.max(0, at - 200), at)) {
    if (m.end > at || (best && m.end <= best.end) || (type && m.type !== type)) continue;
    if (gapFits(text.slice(m.end, at).trim())) best = m;
  }
  return best;
}

/**
 * An unnamed source has a head noun such as "official", "sources", "media" and no proper name
 * other than demonyms and organisation adjectives ("Russian media", "White House officials").
 */
export function isUnnamed(words: readonly string[], text: string): boolean {
  const lex = cueLexicon();
  if (!words.some((w) => lex.unnamedSources.has(w))) return false;
  // A personal name ("Smith, a spokesman") makes the source named: capitalised words that are
  // neither the first word nor markers/source nouns.
  const tokens = text.split(/\s+/).filter(Boolean);
  let capitalised = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const lw = t.toLowerCase().replace(/[^\p{L}]/gu, '');
    if (/^\p{Lu}/u.test(t) && !lex.unnamedMarkers.has(lw) && !lex.unnamedSources.has(lw)) capitalised++;
  }
  return capitalised <= 2 && !/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u.test(text.trim());
}

/** Words that end a title: a conjunction, preposition or relative ("Clinton and Nick Merrill"). */
const NOT_IN_TITLES: ReadonlySet<string> = new Set([
  ...['of', 'at', 'for', 'from', 'with', 'in', 'on', 'by', 'to', 'about', 'against', 'including', 'like'],
  ...['and', 'or', 'nor', 'but', 'both', 'also', 'as', 'whose', 'himself', 'herself', 'themselves', 'itself'],
  ...['who', 'which', 'that', 'whom', '--'],
]);

/** Title words between a modifying name and the person named after them: no punctuation but a title's period. */
const TITLE_WORDS = /^\s+(?:[\p{L}-]+\.?\s+){1,4}$/u;

/**
 * True when `person` is a person's name coming after `m` with only title words between them
 * ("Clinton [campaign spokesman] Nick Merrill"; the titled name may hold the title itself). Two
 * names side by side ("Eric Trump" split by the NER) are no title and its person, nor is one
 * capitalised word or an initial between two parts of a name the NER split ("Sen. Lindsey O.
 * Graham", "Debbie Wasserman Schultz"): a title of capitalised words has two of them at least.
 */
export function titledAfter(text: string, m: Mention, person: Mention): boolean {
  const named = (x: Mention) => x.kind === 'name' || x.kind === 'titled-name';
  if (!named(person) || person.type !== 'PERSON' || !named(m)) return false;
  const gap = text.slice(m.end, person.head?.start ?? person.start);
  if (!TITLE_WORDS.test(gap)) return false;
  const words = gap.trim().split(/\s+/u);
  if (words.some((w) => NOT_IN_TITLES.has(w.toLowerCase()))) return false;
  return (
    words.some((w) => /^\p{Ll}/u.test(w)) || words.filter((w) => /^\p{L}[\p{L}-]+$/u.test(w)).length >= 2
  );
}

/**
 * True when mention m of a source ending at `end` is a possessor: "Trump's", and "Sanders' aides"
 * (a bare apostrophe only with the possessed noun inside the source: "[Sanders'] decision" is his).
 */
export function isPossessor(text: string, m: Mention, end: number): boolean {
  return (
    /['’]s?$/u.test(m.text) ||
    /^['’]s?\b/u.test(text.slice(m.end, m.end + 2)) ||
    /^['’]\s+\p{L}/u.test(text.slice(m.end, end))
  );
}
