import { authoredCountries, authoredOrganizations, authoredRoleWords } from '../actors/index.js';
import { grammar } from './lexicon.js';
import type { Tagged } from './tagger.js';
import { PrefixCursor } from '../util/prefix-cursor.js';
import { WordFilter } from '../util/word-filter.js';
import { isSpaceCode } from '../util/letter-words.js';

/*
 * The events coder's actor vocabulary: a thin adapter over the actors stage's data (data/actors/:
 * countries with their capitals, demonyms, metonyms and former names, organisations, role words),
 * each name read as the actors stage reads it. The events stage keeps no actor vocabulary of its own.
 */

export type PieceKind = 'coded' | 'country' | 'demonym' | 'capital' | 'org' | 'agent' | 'pronoun';
export interface Entry {
  kind: PieceKind;
  code: string;
  generic?: boolean;
  /** Agent a metonym stands for ("White House" → GOV). */
  agent?: string;
}
/** A vocabulary entry found at tokens [i, j). */
export interface VocabularyMatch extends Entry {
  i: number;
  j: number;
  /** Matched a capitalised name of the vocabulary (not a lower-case word). */
  name?: boolean;
}

/** Longest entry matched, in tokens ("United Nations Office on Drugs and Crime" is 8). */
const MAX_PHRASE_WORDS = 12;

interface Vocabulary {
  /**
   * Lower-cased first words of every entry, each with the cursor's mark of the entries that start
   * with it: most tokens start none and are skipped at once, the others are read on from there.
   */
  firstWords: Map<string, number>;
  /** A Bloom filter of `firstWords`: most tokens are told apart from them without a Map lookup. */
  firstWordFilter: WordFilter;
  /**
   * A cursor over every entry lower-cased and sorted, to stop growing a candidate as soon as no entry
   * starts with it (one string per entry: a set of every prefix was 20,000 strings in each start-up
   * snapshot).
   */
  cursor: PrefixCursor;
  exact: Map<string, Entry>;
  /** The keys of `exact`, lower-cased: only a candidate among them is looked up as written. */
  namesLower: Set<string>;
  lower: Map<string, Entry>;
  notActors: Set<string>;
  /** A Bloom filter of `notActors`, asked of every token first. */
  notActorFilter: WordFilter;
  /** First words of lower-case entries ("police", "rebel"): they start an actor in any case. */
  wordStarts: Set<string>;
  /** Lower-cased first words of capitalised names ("iranian", "nato"): they start one only capitalised. */
  nameStarts: Set<string>;
}
let vocabulary: Vocabulary | undefined;
let countrySet: Set<string> | undefined;
export function countryCodes(): Set<string> {
  countrySet ??= new Set(authoredCountries().map((c) => c.code));
  return countrySet;
}

/**
 * The actors stage's vocabulary as the coder's entries, each name read as the actors stage reads it:
 * a capital is its country ("Beijing" is CHN), another seat of power its country's agent ("Kremlin"
 * → RUS GOV), a national body its full code ("State Department" → USAGOV). The first reading wins.
 */
export function vocab(): Vocabulary {
  if (vocabulary) return vocabulary;
  const exact = new Map<string, Entry>();
  const lower = new Map<string, Entry>();
  const add = (name: string, e: Entry): void => {
    const key = name.replace(/\s+/g, ' ').trim();
    if (!key) return;
    // Lower-case entries (agent words, pronouns) match in any case; capitalised names only as written.
    const map = key === key.toLowerCase() ? lower : exact;
    if (!map.has(key)) map.set(key, e);
  };
  for (const o of authoredOrganizations()) {
    const e: Entry = o.country ? { kind: 'coded', code: o.cameo } : { kind: 'org', code: o.cameo };
    for (const n of [o.name, ...o.aliases, ...(o.formerNames ?? []).map((f) => f.name)]) add(n, e);
  }
  for (const c of authoredCountries()) {
    for (const n of [c.name, ...c.aliases]) {
      add(n, { kind: 'country', code: c.code });
      add(n.replace(/^(?:the )?/i, 'The '), { kind: 'country', code: c.code });
    }
    for (const d of c.demonyms) add(d, { kind: 'demonym', code: c.code });
    for (const f of c.formerNames ?? [])
      add(f.name, { kind: f.demonym ? 'demonym' : 'country', code: c.code });
    if (c.capital) add(c.capital, { kind: 'country', code: c.code });
    for (const m of c.metonyms) add(m.name, { kind: 'capital', code: c.code, agent: m.agent });
  }
  const { actorPronouns, notActors, genericRoleWords } = grammar();
  for (const r of authoredRoleWords())
    for (const w of r.words)
      add(w, { kind: 'agent', code: r.agent, generic: genericRoleWords.has(w.toLowerCase()) });
  for (const p of actorPronouns) lower.set(p, { kind: 'pronoun', code: '' });
  const firstWord = (k: string) => k.split(/[\s.'’-]/)[0]!.toLowerCase();
  const wordStarts = new Set([...lower.keys()].map(firstWord));
  const nameStarts = new Set([...exact.keys()].map(firstWord));
  const sortedLower = [...new Set([...exact.keys(), ...lower.keys()].map((k) => k.toLowerCase()))].sort(
    (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  const cursor = new PrefixCursor(sortedLower);
  const firstWords = new Map<string, number>();
  for (const w of [...wordStarts, ...nameStarts]) {
    cursor.reset();
    cursor.readString(w);
    firstWords.set(w, cursor.mark());
  }
  for (const p of [...actorPronouns, 'the']) {
    wordStarts.delete(p);
    nameStarts.delete(p);
  }
  const namesLower = new Set([...exact.keys()].map((k) => k.toLowerCase()));
  const firstWordFilter = new WordFilter(firstWords.keys());
  vocabulary = {
    firstWords,
    firstWordFilter,
    cursor,
    exact,
    namesLower,
    lower,
    notActors,
    notActorFilter: new WordFilter(notActors),
    wordStarts,
    nameStarts,
  };
  return vocabulary;
}

/**
 * Whether a word, as written, may start an actor's name or description: a word of a lower-case entry
 * in any case ("police", "Rebel"), the first word of a name only capitalised ("Iranian", "NATO"; not
 * "old" for Moscow's "Old Square").
 */
export function isActorWord(word: string): boolean {
  const v = vocab();
  const lower = word.toLowerCase();
  return v.wordStarts.has(lower) || (v.nameStarts.has(lower) && /^\p{Lu}/u.test(word));
}

/** A word's part before its first separator (white space, `.`, `'`, `’`, `-`): `w.split(/[\s.'’-]/)[0]`. */
function firstPart(w: string): string {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c === 46 || c === 39 || c === 0x2019 || c === 45 || isSpaceCode(c)) return w.slice(0, k);
  }
  return w;
}

/** What joins token j - 1 to token j in a phrase: the text between them, any white space as one space. */
function gapBefore(text: string, toks: readonly Tagged[], j: number): string {
  if (!text) return ' ';
  const gap = text.slice(toks[j - 1]!.end, toks[j]!.start);
  for (let k = 0; k < gap.length; k++) if (isSpaceCode(gap.charCodeAt(k))) return ' ';
  return gap;
}

/** Tokens [i, j) as a vocabulary key is written: their words joined by `gapBefore`. */
function phraseKey(text: string, toks: readonly Tagged[], i: number, j: number): string {
  let s = toks[i]!.text;
  for (let x = i + 1; x < j; x++) s += gapBefore(text, toks, x) + toks[x]!.text;
  return s;
}

/**
 * Reads the gap before token j (j > i) and its word, lower-cased, into the cursor; false once no
 * entry starts with what was read. A single space, the usual gap, is read without slicing the text.
 */
function readToken(cursor: PrefixCursor, text: string, toks: readonly Tagged[], j: number): boolean {
  const t = toks[j]!;
  const end = toks[j - 1]!.end;
  if (!text || (t.start === end + 1 && text.charCodeAt(end) === 32)) {
    if (!cursor.read(32)) return false;
  } else if (t.start > end && !cursor.readString(gapBefore(text, toks, j).toLowerCase())) return false;
  return cursor.readString(t.lower);
}

/**
 * Longest vocabulary match starting at token i, at most MAX_PHRASE_WORDS tokens. The candidate grows a
 * word at a time while it is still the start of some entry (lower-cased), read character by character
 * (`PrefixCursor`); only a candidate equal to an entry is looked up.
 */
export function matchAt(text: string, toks: readonly Tagged[], i: number): VocabularyMatch | undefined {
  const v = vocab();
  const first = toks[i]!;
  const head = firstPart(first.lower);
  const mark = v.firstWordFilter.mayHold(head) ? v.firstWords.get(head) : undefined;
  if (mark === undefined) return undefined;
  // "the" starts only names ("The Hague", "the United States"): look further only before a capital.
  if (first.lower === 'the' && !/^\p{Lu}/u.test(toks[i + 1]?.text ?? '')) return undefined;
  const cursor = v.cursor;
  cursor.seek(mark, head.length);
  let best: Entry | undefined;
  let bestJ = 0;
  let bestNamed = false;
  for (let j = i + 1; j <= Math.min(toks.length, i + MAX_PHRASE_WORDS); j++) {
    const read =
      j === i + 1 ? cursor.readString(first.lower, head.length) : readToken(cursor, text, toks, j - 1);
    if (!read) break;
    const lower = cursor.whole();
    if (lower === undefined) continue;
    // Capitalised names match only as written.
    const named = v.namesLower.has(lower) ? v.exact.get(phraseKey(text, toks, i, j)) : undefined;
    const e = named ?? v.lower.get(lower);
    if (e) {
      best = e;
      bestJ = j;
      bestNamed = named !== undefined;
    }
  }
  return best && matchOf(best, i, bestJ, bestNamed);
}

/** The match of entry e at tokens [i, j) (an object spread here cost as much as the search). */
function matchOf(e: Entry, i: number, j: number, named: boolean): VocabularyMatch {
  const m: VocabularyMatch = { kind: e.kind, code: e.code, i, j };
  if ('generic' in e) m.generic = e.generic;
  if ('agent' in e) m.agent = e.agent;
  if (named) m.name = true;
  return m;
}
