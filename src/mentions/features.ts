import type { Sentence, Token } from '../model/index.js';
import { hashString, mix } from './hash.js';
import { honorificHashes } from './titles.js';
import { CASE_BOTH, CASE_CAPITALISED, CASE_LOWER, CASE_UNSEEN, type Lexicon } from './lexicon.js';

/** Capitalisation classes of a token. */
export const CAP_NONE = 0; // no letters
export const CAP_LOWER = 1; // "said"
export const CAP_INITIAL = 2; // "Rutte", "A"
export const CAP_ALL = 3; // "NATO"
export const CAP_MIXED = 4; // "McDonald", "iPhone"

/** Stand-ins for the words before the sentence start and after its end. */
const BOUNDARY_BEFORE = hashString('<s>');
const BOUNDARY_AFTER = hashString('</s>');

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
  let h = 0x811c9dc5;
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
    h ^= k;
    h = Math.imul(h, 0x01000193);
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
  // Affixes: FNV over the first k chars, and over the last k chars read backwards.
  let h = 0x811c9dc5;
  for (let k = 0; k < 4 && k < norm.length; k++) {
    h = Math.imul(h ^ norm.charCodeAt(k), 0x01000193);
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

export function buildDocView(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  lexicon: Lexicon | null,
): DocView {
  const n = tokens.length;
  const lower = new Uint32Array(n);
  const cased = new Uint32Array(n);
  const shape = new Uint32Array(n);
  const prefix = new Uint32Array(n * 4);
  const suffix = new Uint32Array(n * 4);
  const cap = new Uint8Array(n);
  const sentStart = new Int32Array(n);
  const sentEnd = new Int32Array(n);
  const capsLine = new Uint8Array(n);
  const usualCase = new Uint8Array(n);
  const docCase = new Uint8Array(n);
  const gaz = new Uint16Array(n);
  const nameWord = new Uint8Array(n);
  const others = new Int32Array(n * OTHER_MAX).fill(-1);
  const runStart = new Int32Array(n);
  const runEnd = new Int32Array(n);
  const honorific = new Uint8Array(n);
  const honorifics = honorificHashes();

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

  // Sentences come from the text stage; tokens outside any sentence form their own.
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

  const view: DocView = {
    n,
    lower,
    cased,
    shape,
    prefix,
    suffix,
    cap,
    sentStart,
    sentEnd,
    capsLine,
    usualCase,
    docCase,
    gaz,
    nameWord,
    others,
    runStart,
    runEnd,
    honorific,
  };
  for (let i = 0; i + 1 < n; i++) {
    if (!honorifics.has(lower[i])) continue;
    let next = i + 1;
    if (text.charCodeAt(tokens[i].end) === 46 && tokens[next].start === tokens[i].end) next++; // "Mr."
    if (next < n && next < sentEnd[i] && cap[next] >= CAP_INITIAL) honorific[i] = 1;
  }
  for (let i = 0; i < n;) {
    let j = i + 1;
    if (cap[i] >= CAP_INITIAL) while (j < sentEnd[i] && cap[j] >= CAP_INITIAL) j++;
    runStart.fill(i, i, j);
    runEnd.fill(j, i, j);
    i = j;
  }

  // In-document casing: how the same word is written in running text elsewhere in this article.
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
  return view;
}

/** Template ids; each feature is mix(template, values…). */
const enum T {
  Bias = 1,
  Word,
  Cased,
  WordPrev,
  WordNext,
  WordPrev2,
  WordNext2,
  BigramPrev,
  BigramNext,
  Shape,
  ShapePrev,
  ShapeNext,
  ShapeTriple,
  ShapePrevCur,
  ShapeCurNext,
  Prefix,
  Suffix,
  FirstShape,
  CapsLineShape,
  CapsLineWord,
  UsualCase,
  UsualCasePrev,
  UsualCaseNext,
  DocCase,
  Gaz,
  GazShape,
  GazPrev,
  GazNext,
  WordShapeNext,
  PrevTag,
  PrevTags,
  PrevTagWord,
  PrevTagShape,
  History,
  HistoryShape,
  HistoryNext,
  GazTag,
  NameWord,
  NameWordPrev,
  NameWordNext,
  OtherPrev,
  OtherNext,
  RunBefore,
  RunAfter,
  RunShape,
}

/**
 * Appends the static features of token i (those not depending on earlier decisions) to `out`
 * starting at `at`; returns the new end. `out` must have room for STATIC_MAX features.
 */
export const STATIC_MAX = 72;

/**
 * Positions, in what staticFeatures writes, of the features naming the word itself (word, cased
 * word, the two bigrams). Training sometimes blanks them so context and shape learn to carry
 * unseen names too.
 */
export const WORD_IDENTITY_SLOTS = [1, 2, 7, 8] as const;

export function staticFeatures(v: DocView, i: number, out: Uint32Array, at: number): number {
  const s = v.sentStart[i];
  const e = v.sentEnd[i];
  const w0 = v.lower[i];
  const wp = i - 1 >= s ? v.lower[i - 1] : BOUNDARY_BEFORE;
  const wn = i + 1 < e ? v.lower[i + 1] : BOUNDARY_AFTER;
  const wp2 = i - 2 >= s ? v.lower[i - 2] : BOUNDARY_BEFORE;
  const wn2 = i + 2 < e ? v.lower[i + 2] : BOUNDARY_AFTER;
  const s0 = v.shape[i];
  const sp = i - 1 >= s ? v.shape[i - 1] : BOUNDARY_BEFORE;
  const sn = i + 1 < e ? v.shape[i + 1] : BOUNDARY_AFTER;
  const caps = v.capsLine[i];
  const cap0 = v.cap[i];
  let k = at;
  out[k++] = mix(T.Bias, 0);
  out[k++] = mix(T.Word, w0);
  out[k++] = mix(T.Cased, v.cased[i]);
  out[k++] = mix(T.WordPrev, wp);
  out[k++] = mix(T.WordNext, wn);
  out[k++] = mix(T.WordPrev2, wp2);
  out[k++] = mix(T.WordNext2, wn2);
  out[k++] = mix(mix(T.BigramPrev, wp), w0);
  out[k++] = mix(mix(T.BigramNext, w0), wn);
  out[k++] = mix(T.Shape, s0);
  out[k++] = mix(T.ShapePrev, sp);
  out[k++] = mix(T.ShapeNext, sn);
  out[k++] = mix(mix(mix(T.ShapeTriple, sp), s0), sn);
  out[k++] = mix(mix(T.ShapePrevCur, sp), s0);
  out[k++] = mix(mix(T.ShapeCurNext, s0), sn);
  out[k++] = mix(mix(T.WordShapeNext, w0), sn);
  for (let a = 0; a < 4; a++) {
    const p = v.prefix[i * 4 + a];
    if (p === 0) break;
    out[k++] = mix(mix(T.Prefix, a), p);
    out[k++] = mix(mix(T.Suffix, a), v.suffix[i * 4 + a]);
  }
  out[k++] = mix(mix(T.FirstShape, i === s ? 1 : 0), s0);
  out[k++] = mix(mix(T.CapsLineShape, caps), s0);
  if (caps) out[k++] = mix(T.CapsLineWord, w0);
  out[k++] = mix(mix(mix(T.UsualCase, v.usualCase[i]), cap0), caps);
  out[k++] = mix(mix(T.UsualCasePrev, i - 1 >= s ? v.usualCase[i - 1] * 8 + v.cap[i - 1] : 99), cap0);
  out[k++] = mix(mix(T.UsualCaseNext, i + 1 < e ? v.usualCase[i + 1] * 8 + v.cap[i + 1] : 99), cap0);
  out[k++] = mix(mix(mix(T.DocCase, v.docCase[i]), cap0), caps);
  const g = v.gaz[i];
  if (g !== 0) {
    for (let b = 0; b < 16; b++) {
      if ((g & (1 << b)) === 0) continue;
      out[k++] = mix(T.Gaz, b);
      out[k++] = mix(mix(T.GazShape, b), cap0 * 2 + caps);
    }
  }
  out[k++] = mix(mix(mix(T.NameWord, v.nameWord[i]), cap0), caps);
  out[k++] = mix(mix(T.NameWordPrev, i - 1 >= s ? v.nameWord[i - 1] * 8 + v.cap[i - 1] : 99), cap0);
  out[k++] = mix(mix(T.NameWordNext, i + 1 < e ? v.nameWord[i + 1] * 8 + v.cap[i + 1] : 99), cap0);
  for (let o = 0; o < OTHER_MAX; o++) {
    const j = v.others[i * OTHER_MAX + o];
    if (j < 0) break;
    out[k++] = mix(T.OtherPrev, j > v.sentStart[j] ? v.lower[j - 1] : BOUNDARY_BEFORE);
    out[k++] = mix(T.OtherNext, j + 1 < v.sentEnd[j] ? v.lower[j + 1] : BOUNDARY_AFTER);
  }
  const rs = v.runStart[i];
  const re = v.runEnd[i];
  if (re - rs > 1) {
    out[k++] = mix(T.RunBefore, rs > s ? v.lower[rs - 1] : BOUNDARY_BEFORE);
    out[k++] = mix(T.RunAfter, re < e ? v.lower[re] : BOUNDARY_AFTER);
    out[k++] = mix(mix(T.RunShape, Math.min(re - rs, 5)), (i === rs ? 1 : 0) + (i === re - 1 ? 2 : 0));
  }
  out[k++] = mix(T.GazPrev, i - 1 >= s ? v.gaz[i - 1] : 0xffff);
  out[k++] = mix(T.GazNext, i + 1 < e ? v.gaz[i + 1] : 0xffff);
  return k;
}

/** Number of dynamic features `dynamicFeatures` writes at `out[at…]`. */
export const DYNAMIC_COUNT = 8;

/**
 * Features of decisions already made: the previous two tags, and `history`/`historyNext`, the
 * tag last predicted for the same word (and the next word) earlier in the document (0 = never seen).
 */
export function dynamicFeatures(
  v: DocView,
  i: number,
  prev: number,
  prev2: number,
  history: number,
  historyNext: number,
  out: Uint32Array,
  at: number,
): void {
  out[at] = mix(T.PrevTag, prev);
  out[at + 1] = mix(mix(T.PrevTags, prev2), prev);
  out[at + 2] = mix(mix(T.PrevTagWord, prev), v.lower[i]);
  out[at + 3] = mix(mix(T.PrevTagShape, prev), v.shape[i]);
  out[at + 4] = mix(T.History, history);
  out[at + 5] = mix(mix(T.HistoryShape, history), v.cap[i] * 2 + v.capsLine[i]);
  out[at + 6] = mix(T.HistoryNext, historyNext);
  out[at + 7] = mix(mix(T.GazTag, prev), v.gaz[i]);
}
