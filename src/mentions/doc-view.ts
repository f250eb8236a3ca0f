import type { Sentence, Token } from '../model/index.js';
import { hashString } from './hash.js';
import { FNV_OFFSET, fnvStep } from '../util/hash.js';
import { honorificHashes } from './titles.js';
import { CASE_BOTH, CASE_CAPITALISED, CASE_LOWER, CASE_UNSEEN, type Lexicon } from './lexicon.js';

/** Capitalisation classes of a token. */
export const CAP_NONE = 0; // no letters
export const CAP_LOWER = 1; // "said"
export const CAP_INITIAL = 2; // "Rutte", "A"
export const CAP_ALL = 3; // "NATO"
export const CAP_MIXED = 4; // "McDonald", "iPhone"

/**
 * Everything per token the feature templates read, computed once per document. Word identities are
 * hashes of normalised forms: lower case, digits as 0, curly apostrophes and quotes straightened.
 */
export interface DocView {
  readonly n: number;
  readonly lower: Uint32Array;
  readonly cased: Uint32Array;
  readonly shape: Uint32Array;
  /** Prefix and suffix hashes of length 1..4, four per token (0 when the word is shorter). */
  readonly prefix: Uint32Array;
  readonly suffix: Uint32Array;
  readonly cap: Uint8Array;
  /** Sentence bounds of each token: first token index and one past the last. */
  readonly sentStart: Int32Array;
  readonly sentEnd: Int32Array;
  /** 1 when the token's sentence is written in capitals only (headlines, datelines). */
  readonly capsLine: Uint8Array;
  /** Usual casing of the word in the training corpus and in this document (CASE_*). */
  readonly usualCase: Uint8Array;
  readonly docCase: Uint8Array;
  /** Gazetteer match codes (see Gazetteer.match). */
  readonly gaz: Uint16Array;
  /** Bit mask of the types of known names the word occurs in (Lexicon.nameWords). */
  readonly nameWord: Uint8Array;
  /**
   * Other occurrences of the same word in the document (up to OTHER_MAX per token, -1 padded),
   * whose neighbours are features: "Leicestershire" in a capitals headline learns from
   * "Leicestershire beat Somerset" in the body.
   */
  readonly others: Int32Array;
  /**
   * The run of consecutive capitalised words each token belongs to (itself alone when it is not
   * capitalised): the words around the whole run ("… said", "in …") speak for every word in it.
   */
  readonly runStart: Int32Array;
  readonly runEnd: Int32Array;
  /** 1 for an honorific before a capitalised word ("Mr." in "Mr. Trump"): never part of a name. */
  readonly honorific: Uint8Array;
}

export const OTHER_MAX = 3;

function normalise(form: string): string {
  let s = form.toLowerCase();
  if (/[0-9’‘“”]/.test(s)) {
    s = s.replace(/[0-9]/g, '0').replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
  }
  return s;
}

function capClass(form: string): number {
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    let isUpper = false;
    let isLower = false;
    if (c < 128) {
      isUpper = c >= 65 && c <= 90;
      isLower = c >= 97 && c <= 122;
    } else {
      const ch = form[i];
      isUpper = ch !== ch.toLowerCase();
      isLower = !isUpper && ch !== ch.toUpperCase();
    }
    if (isUpper) {
      if (upper + lower === 0) firstUpper = true;
      upper++;
    } else if (isLower) lower++;
  }
  if (upper + lower === 0) return CAP_NONE;
  if (upper === 0) return CAP_LOWER;
  if (lower === 0) return upper === 1 ? CAP_INITIAL : CAP_ALL;
  return firstUpper && upper === 1 ? CAP_INITIAL : CAP_MIXED;
}

/** Word shape with runs collapsed: "Rutte" → "Xx", "U.S." → "X.X.", "1996-08-30" → "d-d-d". */
function shapeHash(form: string): number {
  let h = FNV_OFFSET;
  let last = -1;
  let len = 0;
  for (let i = 0; i < form.length && len < 8; i++) {
    const c = form.charCodeAt(i);
    let k: number;
    if (c >= 65 && c <= 90)
      k = 88; // X
    else if (c >= 97 && c <= 122)
      k = 120; // x
    else if (c >= 48 && c <= 57)
      k = 100; // d
    else if (c < 128) k = c;
    else {
      const ch = form[i];
      if (ch !== ch.toLowerCase()) k = 88;
      else if (ch !== ch.toUpperCase()) k = 120;
      else if (/\p{L}/u.test(ch))
        k = 76; // letters without case (Arabic, CJK)
      else if (/\p{N}/u.test(ch)) k = 100;
      else k = c === 0x2019 || c === 0x2018 ? 39 : 35; // curly apostrophe as ', other symbols #
    }
    if (k === last) continue;
    last = k;
    len++;
    h = fnvStep(h, k);
  }
  return h >>> 0 || 1;
}

export function caseClassOf(capCount: number, lowerCount: number): number {
  if (capCount + lowerCount === 0) return CASE_UNSEEN;
  const ratio = capCount / (capCount + lowerCount);
  if (ratio >= 0.75) return CASE_CAPITALISED;
  if (ratio <= 0.25) return CASE_LOWER;
  return CASE_BOTH;
}

/** Whether token i counts as running text for casing statistics. */
export function isRunningTextPosition(view: DocView, i: number): boolean {
  return i > view.sentStart[i] && view.capsLine[i] === 0 && view.cap[i] !== CAP_NONE;
}

/**
 * A headline in title case ("Hillary Clinton Was Headed to ER But Diverted"): at least two
 * capitalised words that running text writes in lower case, making a third or more of the
 * capitalised words, and no lower-case word longer than four letters (title case lowers only
 * short function words).
 */
function isTitleCaseLine(
  tokens: readonly Token[],
  cap: Uint8Array,
  usualCase: Uint8Array,
  from: number,
  to: number,
): boolean {
  let capitalised = 0;
  let commonCapitalised = 0;
  for (let j = from; j < to; j++) {
    const c = cap[j];
    if (c === CAP_LOWER) {
      if (tokens[j].end - tokens[j].start > 4) return false;
    } else if (c !== CAP_NONE) {
      capitalised++;
      if (j > from && usualCase[j] === CASE_LOWER) commonCapitalised++;
    }
  }
  return commonCapitalised >= 2 && commonCapitalised * 3 >= capitalised;
}

/** What a word form contributes to the view, independent of its document. */
interface WordInfo {
  lower: number;
  cased: number;
  shape: number;
  cap: number;
  prefix: Uint32Array;
  suffix: Uint32Array;
}

function describeWord(form: string): WordInfo {
  const norm = normalise(form);
  const lower = hashString(norm);
  const prefix = new Uint32Array(4);
  const suffix = new Uint32Array(4);
  // Prefixes: FNV-1a over the first k chars. Suffixes: over the last k chars read backwards, with
  // FNV's two constants swapped — not FNV-1a, but the NER model's suffix features are these hashes,
  // so the loop stays as it is trained.
  let h = FNV_OFFSET;
  for (let k = 0; k < 4 && k < norm.length; k++) {
    h = fnvStep(h, norm.charCodeAt(k));
    prefix[k] = h >>> 0 || 1;
  }
  h = 0x01000193;
  for (let k = 0; k < 4 && k < norm.length; k++) {
    h = Math.imul(h ^ norm.charCodeAt(norm.length - 1 - k), 0x811c9dc5);
    suffix[k] = h >>> 0 || 1;
  }
  return {
    lower,
    cased: form === norm ? lower : hashString(form),
    shape: shapeHash(form),
    cap: capClass(form),
    prefix,
    suffix,
  };
}

/**
 * Word forms repeat across articles, so their descriptions are cached (bounded: cleared when
 * full, so hostile input with endless distinct words costs memory only up to the bound).
 */
const WORD_CACHE_MAX = 200_000;
const wordCache = new Map<string, WordInfo>();

/** Builds the per-token view of a document, step by step (each step reads what the earlier ones wrote). */
export function buildDocView(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  lexicon: Lexicon | null,
): DocView {
  const view = emptyView(tokens.length);
  describeTokens(view, text, tokens, lexicon);
  fillSentenceBounds(view, sentences);
  markCapitalLines(view, text, tokens, lexicon);
  markHonorifics(view, text, tokens);
  markCapitalisedRuns(view);
  addDocumentCasing(view, lexicon);
  return view;
}

function emptyView(n: number): DocView {
  return {
    n,
    lower: new Uint32Array(n),
    cased: new Uint32Array(n),
    shape: new Uint32Array(n),
    prefix: new Uint32Array(n * 4),
    suffix: new Uint32Array(n * 4),
    cap: new Uint8Array(n),
    sentStart: new Int32Array(n),
    sentEnd: new Int32Array(n),
    capsLine: new Uint8Array(n),
    usualCase: new Uint8Array(n),
    docCase: new Uint8Array(n),
    gaz: new Uint16Array(n),
    nameWord: new Uint8Array(n),
    others: new Int32Array(n * OTHER_MAX).fill(-1),
    runStart: new Int32Array(n),
    runEnd: new Int32Array(n),
    honorific: new Uint8Array(n),
  };
}

/** Each token's word: hashes, shape, capitalisation, affixes, and its usual casing in the corpus. */
function describeTokens(
  view: DocView,
  text: string,
  tokens: readonly Token[],
  lexicon: Lexicon | null,
): void {
  const { n, lower, cased, shape, cap, prefix, suffix, usualCase } = view;
  for (let i = 0; i < n; i++) {
    const form = text.slice(tokens[i].start, tokens[i].end);
    let w = wordCache.get(form);
    if (w === undefined) {
      if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
      w = describeWord(form);
      wordCache.set(form, w);
    }
    lower[i] = w.lower;
    cased[i] = w.cased;
    shape[i] = w.shape;
    cap[i] = w.cap;
    prefix.set(w.prefix, i * 4);
    suffix.set(w.suffix, i * 4);
    if (lexicon && w.cap !== CAP_NONE) usualCase[i] = lexicon.casing.get(w.lower) ?? CASE_UNSEEN;
  }
}

/** Sentences come from the text stage; tokens outside any sentence form their own. */
function fillSentenceBounds(view: DocView, sentences: readonly Sentence[]): void {
  const { n, sentStart, sentEnd } = view;
  sentStart.fill(-1);
  for (const s of sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd && i < n; i++) {
      sentStart[i] = s.tokenStart;
      sentEnd[i] = Math.min(s.tokenEnd, n);
    }
  }
  for (let i = 0; i < n; i++) {
    if (sentStart[i] === -1) {
      sentStart[i] = i;
      sentEnd[i] = i + 1;
    }
  }
}

/**
 * Sentences in capitals only, or in title case, are read as capitals (headlines, datelines);
 * gazetteer matches are found sentence by sentence.
 */
function markCapitalLines(
  view: DocView,
  text: string,
  tokens: readonly Token[],
  lexicon: Lexicon | null,
): void {
  const { n, sentEnd, cap, capsLine, usualCase, shape, cased, lower, gaz } = view;
  for (let i = 0; i < n;) {
    const end = sentEnd[i];
    let lowerWords = 0;
    let capsWords = 0;
    for (let j = i; j < end; j++) {
      if (cap[j] === CAP_LOWER || cap[j] === CAP_MIXED) lowerWords++;
      else if (cap[j] === CAP_ALL) capsWords++;
    }
    if (lowerWords === 0 && capsWords > 0) capsLine.fill(1, i, end);
    else if (isTitleCaseLine(tokens, cap, usualCase, i, end)) {
      // Seen as the capitals headlines the model learned from: capitalisation carries no signal.
      capsLine.fill(1, i, end);
      for (let j = i; j < end; j++) {
        if (cap[j] === CAP_NONE) continue;
        const upper = text.slice(tokens[j].start, tokens[j].end).toUpperCase();
        cap[j] = capClass(upper);
        shape[j] = shapeHash(upper);
        cased[j] = hashString(upper);
      }
    }
    if (lexicon) lexicon.gazetteer.match(lower, i, end, gaz);
    i = end;
  }
}

/** Honorifics before a capitalised word of the same sentence ("Mr." in "Mr. Trump"). */
function markHonorifics(view: DocView, text: string, tokens: readonly Token[]): void {
  const { n, lower, sentEnd, cap, honorific } = view;
  const honorifics = honorificHashes();
  for (let i = 0; i + 1 < n; i++) {
    if (!honorifics.has(lower[i])) continue;
    let next = i + 1;
    if (text.charCodeAt(tokens[i].end) === 46 && tokens[next].start === tokens[i].end) next++; // "Mr."
    if (next < n && next < sentEnd[i] && cap[next] >= CAP_INITIAL) honorific[i] = 1;
  }
}

/** The run of consecutive capitalised words in a sentence that each token belongs to. */
function markCapitalisedRuns(view: DocView): void {
  const { n, cap, sentEnd, runStart, runEnd } = view;
  for (let i = 0; i < n;) {
    let j = i + 1;
    if (cap[i] >= CAP_INITIAL) while (j < sentEnd[i] && cap[j] >= CAP_INITIAL) j++;
    runStart.fill(i, i, j);
    runEnd.fill(j, i, j);
    i = j;
  }
}

/**
 * In-document casing: how the same word is written in running text elsewhere in this article,
 * the other occurrences of each capitalised word, and the name types the lexicon knows it in.
 */
function addDocumentCasing(view: DocView, lexicon: Lexicon | null): void {
  const { n, lower, cap, others, docCase, nameWord } = view;
  const counts = new Map<number, number>(); // packed: capitalised count * 65536 + lower count
  for (let i = 0; i < n; i++) {
    if (!isRunningTextPosition(view, i)) continue;
    const c = counts.get(lower[i]) ?? 0;
    const capital = cap[i] === CAP_LOWER ? 0 : 1;
    if (c < 0x7fff0000) counts.set(lower[i], c + (capital ? 65536 : 1));
  }
  // Positions of the first few occurrences of each capitalised word, for context aggregation.
  const firstSeen = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (cap[i] < CAP_INITIAL) continue;
    const list = firstSeen.get(lower[i]);
    if (!list) firstSeen.set(lower[i], [i]);
    else if (list.length <= OTHER_MAX) list.push(i);
  }
  for (let i = 0; i < n; i++) {
    if (cap[i] < CAP_INITIAL) continue;
    let k = 0;
    for (const j of firstSeen.get(lower[i])!) {
      if (j !== i && k < OTHER_MAX) others[i * OTHER_MAX + k++] = j;
    }
  }
  for (let i = 0; i < n; i++) {
    if (cap[i] === CAP_NONE) continue;
    const c = counts.get(lower[i]);
    if (c !== undefined) docCase[i] = caseClassOf(Math.floor(c / 65536), c % 65536);
    if (lexicon) nameWord[i] = lexicon.nameWords.get(lower[i]) ?? 0;
  }
}
