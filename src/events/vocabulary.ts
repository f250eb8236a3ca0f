import { authoredCountries, authoredOrganizations, authoredRoleWords } from '../actors/index.js';
import { grammar } from './lexicon.js';
import type { Tagged } from './tagger.js';

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
  /** Lower-cased first words of every entry: most tokens start none and are skipped at once. */
  firstWords: Set<string>;
  /**
   * Every entry lower-cased, sorted, to stop growing a candidate as soon as no entry starts with it
   * (one string per entry: a set of every prefix was 20,000 strings in each start-up snapshot).
   */
  sortedLower: string[];
  exact: Map<string, Entry>;
  lower: Map<string, Entry>;
  notActors: Set<string>;
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
  const firstWords = new Set([...wordStarts, ...nameStarts]);
  const sortedLower = [...new Set([...exact.keys(), ...lower.keys()].map((k) => k.toLowerCase()))].sort(
    (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  for (const p of [...actorPronouns, 'the']) {
    wordStarts.delete(p);
    nameStarts.delete(p);
  }
  vocabulary = { firstWords, sortedLower, exact, lower, notActors, wordStarts, nameStarts };
  return vocabulary;
}

/** Whether some of the sorted strings starts with `prefix` (the first one not before it does, if any). */
function startsSome(sorted: readonly string[], prefix: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return prefix.length > 0 && lo < sorted.length && sorted[lo]!.startsWith(prefix);
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

const WORD_SEPARATOR = /[\s.'’-]/;

/** `w.split(WORD_SEPARATOR)[0]` without splitting: called for every word of a tagged sentence. */
function firstPart(w: string): string {
  const at = w.search(WORD_SEPARATOR);
  return at < 0 ? w : w.slice(0, at);
}

/** Longest vocabulary match starting at token i, at most MAX_PHRASE_WORDS tokens. */
export function matchAt(text: string, toks: readonly Tagged[], i: number): VocabularyMatch | undefined {
  const v = vocab();
  const first = toks[i]!;
  if (!v.firstWords.has(firstPart(first.lower))) return undefined;
  // "the" starts only names ("The Hague", "the United States"): look further only before a capital.
  if (first.lower === 'the' && !/^\p{Lu}/u.test(toks[i + 1]?.text ?? '')) return undefined;
  // Grow the candidate a word at a time while it is still the start of some entry; keep the longest hit.
  let best: VocabularyMatch | undefined;
  let s = '';
  for (let j = i + 1; j <= Math.min(toks.length, i + MAX_PHRASE_WORDS); j++) {
    const t = toks[j - 1]!;
    const gap = j === i + 1 ? '' : text ? text.slice(toks[j - 2]!.end, t.start) : ' ';
    s += (/\s/.test(gap) ? ' ' : gap) + t.text;
    const lower = s.toLowerCase();
    if (!startsSome(v.sortedLower, lower)) break;
    const named = v.exact.get(s);
    const e = named ?? v.lower.get(lower);
    if (e) best = { ...e, i, j, ...(named ? { name: true } : {}) };
  }
  return best;
}
