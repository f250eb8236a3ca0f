import { fnv1a } from '../util/hash.js';
import type { Quotation, Sentence, Token } from '../model/index.js';
import { cueLexicon, type CueLexicon } from './lexicon.js';
import { quoteState, type QuoteState } from './quotes.js';
import { wordClasses } from './wordclasses.js';

/*
 * Token features for the attribution tagger, hashed to integers without building strings per
 * feature: each feature is (template id, value hashes) mixed into one 32-bit number. The words
 * are hashed once per token; everything else is small integers.
 */

/** Labels of the BIO tagger: sources, cues and contents. */
export const LABELS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'B-CON', 'I-CON'] as const;
export type Label = (typeof LABELS)[number];
export const NUM_LABELS = LABELS.length;
export const ROLE_OF_LABEL = [null, 'source', 'source', 'cue', 'cue', 'content', 'content'] as const;

export { fnv1a };

/** Mixes two 32-bit values into one hash (feature ids are built from small integers and word hashes). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

const STANCE_ID = { neutral: 1, hedged: 2, endorsing: 3, distancing: 4 } as const;

/** Everything about a document the features read, computed once in linear passes. */
export interface DocContext {
  n: number;
  word: Uint32Array; // hash of the lower-cased surface
  suffix: Uint32Array; // hash of the last 3 characters
  wclass: Uint32Array; // hash of the word's part-of-speech ambiguity class (or of its shape when unknown)
  shape: Uint8Array; // 0 lower, 1 Capitalised, 2 UPPER, 3 number, 4 punct, 5 quote, 6 other
  cue: Uint8Array; // stance id of a cue verb form (0 none)
  cueLemma: Uint32Array;
  verb: Uint8Array; // 1 a cue-lexicon verb form ("said", "accused")
  phrase: Uint8Array; // 0 none, 1 first word of a cue phrase, 2 inside one
  noun: Uint8Array; // 1 a cue noun ("statement", "report")
  quote: QuoteState;
  sentence: Int32Array; // sentence index of each token
  sentStart: Int32Array; // token index of the sentence start
  sentEnd: Int32Array;
  paraFirst: Uint8Array; // 1 when the token's sentence opens its paragraph
  cueLeft: Int32Array; // distance to the nearest cue (verb or phrase) to the left in the sentence, 0 none
  cueRight: Int32Array;
  thatLeft: Int32Array; // distance to "that" to the left in the sentence
  colonLeft: Int32Array; // distance to ":" or "," to the left
  sentHasCue: Uint8Array; // by sentence
  sentHasQuote: Uint8Array;
}

const SHAPE_LOWER = 0;
const SHAPE_CAP = 1;
const SHAPE_UPPER = 2;

function shapeOf(surface: string, tok: Token): number {
  if (tok.kind === 'number') return 3;
  if (tok.kind === 'quote') return 5;
  if (tok.kind === 'punct' || tok.kind === 'symbol') return 4;
  const first = surface[0];
  if (first >= 'a' && first <= 'z') return SHAPE_LOWER;
  if (surface.length > 1 && surface === surface.toUpperCase() && surface !== surface.toLowerCase())
    return SHAPE_UPPER;
  if (first !== first.toLowerCase()) return SHAPE_CAP;
  return 6;
}

/** Per-token word facts: hashes of the surface, suffix and word class, shape, cue verbs and nouns. */
interface WordArrays {
  lower: string[];
  word: Uint32Array;
  suffix: Uint32Array;
  shape: Uint8Array;
  wclass: Uint32Array;
  cue: Uint8Array;
  cueLemma: Uint32Array;
  verb: Uint8Array;
  noun: Uint8Array;
}

function wordArrays(text: string, tokens: readonly Token[], lex: CueLexicon): WordArrays {
  const n = tokens.length;
  const w: WordArrays = {
    lower: new Array<string>(n),
    word: new Uint32Array(n),
    suffix: new Uint32Array(n),
    shape: new Uint8Array(n),
    wclass: new Uint32Array(n),
    cue: new Uint8Array(n),
    cueLemma: new Uint32Array(n),
    verb: new Uint8Array(n),
    noun: new Uint8Array(n),
  };
  const classes = wordClasses();
  const classHash = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const surface = text.slice(t.start, t.end);
    const lw = surface.toLowerCase();
    w.lower[i] = lw;
    w.word[i] = fnv1a(lw);
    w.suffix[i] = fnv1a(lw.length > 3 ? lw.slice(-3) : lw);
    w.shape[i] = shapeOf(surface, t);
    const cls = classes?.get(lw) ?? `?${w.shape[i]}`;
    let h = classHash.get(cls);
    if (h === undefined) classHash.set(cls, (h = fnv1a(cls)));
    w.wclass[i] = h;
    const entry = lex.forms.get(lw);
    if (entry) {
      w.cue[i] = STANCE_ID[entry.stance];
      w.cueLemma[i] = fnv1a(entry.lemma);
      w.verb[i] = 1;
    }
    if (lex.nouns.has(lw)) w.noun[i] = 1;
  }
  return w;
}

/** Marks cue phrases ("according to"): 1 on the first word, 2 inside; the phrase's stance on its first word. */
function phraseArray(w: WordArrays, lex: CueLexicon): Uint8Array {
  const { lower, cue } = w;
  const n = lower.length;
  const phrase = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const list = lex.phrases.get(lower[i]);
    if (!list) continue;
    for (const p of list) {
      let ok = i + p.words.length <= n;
      for (let k = 1; ok && k < p.words.length; k++) ok = lower[i + k] === p.words[k];
      if (!ok) continue;
      phrase[i] = 1;
      for (let k = 1; k < p.words.length; k++) phrase[i + k] = 2;
      if (!cue[i]) {
        cue[i] = STANCE_ID[p.stance];
        w.cueLemma[i] = fnv1a(p.lemma);
      }
      break;
    }
  }
  return phrase;
}

type SentenceArrays = Pick<
  DocContext,
  'sentence' | 'sentStart' | 'sentEnd' | 'paraFirst' | 'sentHasCue' | 'sentHasQuote'
>;

function sentenceArrays(
  n: number,
  sentences: readonly Sentence[],
  cue: Uint8Array,
  quote: QuoteState,
): SentenceArrays {
  const sentence = new Int32Array(n);
  const sentStart = new Int32Array(n);
  const sentEnd = new Int32Array(n);
  const paraFirst = new Uint8Array(n);
  const sents = sentences.length ? sentences : [{ tokenStart: 0, tokenEnd: n, paragraph: 0 }];
  const sentHasCue = new Uint8Array(sents.length);
  const sentHasQuote = new Uint8Array(sents.length);
  let prevPara = -1;
  for (let s = 0; s < sents.length; s++) {
    const { tokenStart, tokenEnd, paragraph } = sents[s];
    const first = paragraph !== prevPara;
    prevPara = paragraph;
    for (let i = tokenStart; i < tokenEnd && i < n; i++) {
      sentence[i] = s;
      sentStart[i] = tokenStart;
      sentEnd[i] = tokenEnd;
      paraFirst[i] = first ? 1 : 0;
      if (cue[i]) sentHasCue[s] = 1;
      if (quote.mark[i]) sentHasQuote[s] = 1;
    }
  }
  return { sentence, sentStart, sentEnd, paraFirst, sentHasCue, sentHasQuote };
}

/** Distances within the sentence to the nearest cue on each side, to "that" and to ":" or ",". */
function distances(
  lower: readonly string[],
  cueOrPhrase: (i: number) => boolean,
  sentStart: Int32Array,
  sentEnd: Int32Array,
): Pick<DocContext, 'cueLeft' | 'cueRight' | 'thatLeft' | 'colonLeft'> {
  const n = lower.length;
  const cueLeft = new Int32Array(n);
  const cueRight = new Int32Array(n);
  const thatLeft = new Int32Array(n);
  const colonLeft = new Int32Array(n);
  let lastCue = -1;
  let lastThat = -1;
  let lastColon = -1;
  for (let i = 0; i < n; i++) {
    if (i === sentStart[i]) lastCue = lastThat = lastColon = -1;
    cueLeft[i] = lastCue >= 0 ? i - lastCue : 0;
    thatLeft[i] = lastThat >= 0 ? i - lastThat : 0;
    colonLeft[i] = lastColon >= 0 ? i - lastColon : 0;
    if (cueOrPhrase(i)) lastCue = i;
    if (lower[i] === 'that') lastThat = i;
    if (lower[i] === ':' || lower[i] === ',') lastColon = i;
  }
  let nextCue = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (i === sentEnd[i] - 1) nextCue = -1;
    cueRight[i] = nextCue >= 0 ? nextCue - i : 0;
    if (cueOrPhrase(i)) nextCue = i;
  }
  return { cueLeft, cueRight, thatLeft, colonLeft };
}

/** Builds the per-token context of a document (or of a single text when no sentences are given). */
export function buildContext(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  quotations: readonly Quotation[],
): DocContext {
  const lex = cueLexicon();
  const n = tokens.length;
  const w = wordArrays(text, tokens, lex);
  const phrase = phraseArray(w, lex);
  const quote = quoteState(n, quotations);
  const sents = sentenceArrays(n, sentences, w.cue, quote);
  const near = distances(w.lower, (i) => w.cue[i] !== 0 || phrase[i] !== 0, sents.sentStart, sents.sentEnd);
  const { word, suffix, wclass, shape, cue, cueLemma, verb, noun } = w;
  return { n, word, suffix, wclass, shape, cue, cueLemma, verb, phrase, noun, quote, ...sents, ...near };
}

function bucket(d: number): number {
  if (d <= 0) return 0;
  if (d <= 3) return d;
  if (d <= 6) return 4;
  if (d <= 10) return 5;
  if (d <= 20) return 6;
  return 7;
}

const BOUNDARY = 0x5bd1e995;

// Plain functions rather than closures: featuresAt runs for every token of every article.
function wordAt(ctx: DocContext, j: number): number {
  return j >= 0 && j < ctx.n ? ctx.word[j] : (BOUNDARY + j - (j < 0 ? 0 : ctx.n)) >>> 0;
}
function classAt(ctx: DocContext, j: number): number {
  return j >= 0 && j < ctx.n ? ctx.wclass[j] : (BOUNDARY + 7 * j) >>> 0;
}
function shapeAt(ctx: DocContext, j: number): number {
  return j >= 0 && j < ctx.n ? ctx.shape[j] : 9;
}
function cueAt(ctx: DocContext, i: number, j: number): number {
  return j >= ctx.sentStart[i] && j < ctx.sentEnd[i] ? ctx.cue[j] | (ctx.phrase[j] << 3) : 15;
}
function labelAt(prev: Uint8Array, j: number): number {
  return j >= 0 && j < prev.length ? prev[j] : 7;
}

/** Roles a previous pass predicted near each token, as bit masks, for the stacked pass. */
export interface PrevContext {
  labels: Uint8Array;
  /** Bits 1 source, 2 cue, 3 content (bit 0: O) seen within 40 tokens to the left / right in the sentence. */
  left: Uint8Array;
  right: Uint8Array;
}

const ROLE_WINDOW = 40;

/** Sliding-window role masks in linear time. */
export function prevContext(ctx: DocContext, labels: Uint8Array): PrevContext {
  const n = ctx.n;
  const left = new Uint8Array(n);
  const right = new Uint8Array(n);
  const counts = new Int32Array(4);
  const roleOf = (l: number) => (l + 1) >> 1;
  const mask = () => (counts[0] ? 1 : 0) | (counts[1] ? 2 : 0) | (counts[2] ? 4 : 0) | (counts[3] ? 8 : 0);
  // Left window [max(sentStart, i-40), i).
  for (let i = 0; i < n; i++) {
    if (i === ctx.sentStart[i]) counts.fill(0);
    else {
      counts[roleOf(labels[i - 1])]++;
      const drop = i - 1 - ROLE_WINDOW;
      if (drop >= ctx.sentStart[i]) counts[roleOf(labels[drop])]--;
    }
    left[i] = mask();
  }
  counts.fill(0);
  for (let i = n - 1; i >= 0; i--) {
    if (i === ctx.sentEnd[i] - 1) counts.fill(0);
    else {
      counts[roleOf(labels[i + 1])]++;
      const drop = i + 1 + ROLE_WINDOW;
      if (drop < ctx.sentEnd[i]) counts[roleOf(labels[drop])]--;
    }
    right[i] = mask();
  }
  return { labels, left, right };
}

/**
 * Writes the hashed features of token i into `out` (returns the count). `prev` holds what a
 * first pass predicted, for the stacked second pass; null for the first pass.
 */
export function featuresAt(ctx: DocContext, i: number, prev: PrevContext | null, out: Uint32Array): number {
  const { n, suffix, quote, sentStart, sentEnd } = ctx;
  let k = 0;
  const w0 = wordAt(ctx, i);
  const wm1 = wordAt(ctx, i - 1);
  const wp1 = wordAt(ctx, i + 1);
  const sh0 = shapeAt(ctx, i);
  const ins = quote.inside[i];
  const mk = quote.mark[i];
  const s = ctx.sentence[i];
  const cl = bucket(ctx.cueLeft[i]);
  const cr = bucket(ctx.cueRight[i]);
  const pos = i - sentStart[i];
  const len = sentEnd[i] - sentStart[i];
  const rel = len > 0 ? Math.min(3, Math.floor((4 * pos) / len)) : 0;
  const toEnd = bucket(sentEnd[i] - i);
  out[k++] = 1; // bias
  out[k++] = mix(2, w0);
  out[k++] = mix(3, wm1);
  out[k++] = mix(4, wp1);
  if (prev) {
    // The stacked pass sees the first pass's labels plus a lexical core: half the lookups of the
    // first pass, and as accurate on dev as repeating every feature.
    out[k++] = mix(11, cueAt(ctx, i, i) | (cueAt(ctx, i, i - 1) << 4) | (cueAt(ctx, i, i + 1) << 8));
    out[k++] = mix(15, cl | (cr << 4) | (ins << 8));
    out[k++] = mix(
      16,
      ins | (mk << 2) | (quote.mark[i > 0 ? i - 1 : i] << 4) | (i + 1 < n ? quote.mark[i + 1] << 6 : 0),
    );
    out[k++] = mix(mix(21, w0), ins);
    out[k++] = mix(9, suffix[i]);
    out[k++] = mix(10, sh0 | (shapeAt(ctx, i - 1) << 4) | (shapeAt(ctx, i + 1) << 8));
    return k + stackedFeatures(prev, i, w0, ins, sh0, out, k);
  }
  out[k++] = mix(5, wordAt(ctx, i - 2));
  out[k++] = mix(6, wordAt(ctx, i + 2));
  out[k++] = mix(mix(7, wm1), w0);
  out[k++] = mix(mix(8, w0), wp1);
  out[k++] = mix(9, suffix[i]);
  out[k++] = mix(10, sh0 | (shapeAt(ctx, i - 1) << 4) | (shapeAt(ctx, i + 1) << 8));
  out[k++] = mix(11, cueAt(ctx, i, i) | (cueAt(ctx, i, i - 1) << 4) | (cueAt(ctx, i, i + 1) << 8));
  out[k++] = mix(12, cueAt(ctx, i, i - 2) | (cueAt(ctx, i, i - 3) << 4));
  out[k++] = mix(13, cueAt(ctx, i, i + 2) | (cueAt(ctx, i, i + 3) << 4));
  out[k++] = mix(14, ctx.cueLemma[i]);
  out[k++] = mix(15, cl | (cr << 4) | (ins << 8));
  out[k++] = mix(
    16,
    ins | (mk << 2) | (quote.mark[i > 0 ? i - 1 : i] << 4) | (i + 1 < n ? quote.mark[i + 1] << 6 : 0),
  );
  out[k++] = mix(17, bucket(ctx.thatLeft[i]) | (cl << 4));
  out[k++] = mix(18, bucket(ctx.colonLeft[i]) | (cl << 4) | (cr << 8));
  out[k++] = mix(19, rel | (pos === 0 ? 4 : 0) | (i === sentEnd[i] - 1 ? 8 : 0) | (ctx.paraFirst[i] << 4));
  out[k++] = mix(20, ctx.sentHasCue[s] | (ctx.sentHasQuote[s] << 1) | (ins << 2) | (sh0 << 3));
  out[k++] = mix(mix(21, w0), ins);
  out[k++] = mix(mix(22, wm1), cl | (cr << 4));
  out[k++] = mix(23, ctx.noun[i] | (cueAt(ctx, i, i) << 1));
  out[k++] = mix(mix(24, suffix[i]), cl | (cr << 4));
  out[k++] = mix(mix(25, w0), cr);
  out[k++] = mix(mix(26, w0), cl);
  out[k++] = mix(mix(27, sh0), cl | (cr << 4) | (ins << 8));
  out[k++] = mix(28, wordAt(ctx, i - 3));
  out[k++] = mix(29, wordAt(ctx, i + 3));
  out[k++] = mix(30, toEnd | (bucket(pos + 1) << 4) | (ins << 8));
  out[k++] = mix(31, i > 0 ? suffix[i - 1] : BOUNDARY);
  out[k++] = mix(32, i + 1 < n ? suffix[i + 1] : BOUNDARY);
  out[k++] = mix(mix(33, wm1), wp1);
  out[k++] = mix(34, toEnd | (cl << 4) | (cr << 8));
  // Which cue is nearest on each side ("…, according to" vs "…, he said"), not just how far.
  const cueL = ctx.cueLeft[i] ? ctx.cueLemma[i - ctx.cueLeft[i]] : 0;
  const cueR = ctx.cueRight[i] ? ctx.cueLemma[i + ctx.cueRight[i]] : 0;
  out[k++] = mix(mix(35, cueL), ins);
  out[k++] = mix(mix(36, cueR), ins);
  out[k++] = mix(mix(37, cueR), cr);
  return k + classFeatures(ctx, i, cl | (cr << 4) | (ins << 8), out, k);
}

/** Parts of speech around token i (subject noun phrase, cue verb, complement), written from out[k]. */
function classFeatures(ctx: DocContext, i: number, near: number, out: Uint32Array, k: number): number {
  const start = k;
  const c0 = ctx.wclass[i];
  const cm1 = classAt(ctx, i - 1);
  const cp1 = classAt(ctx, i + 1);
  out[k++] = mix(40, c0);
  out[k++] = mix(mix(41, cm1), c0);
  out[k++] = mix(mix(42, c0), cp1);
  out[k++] = mix(mix(mix(43, cm1), c0), cp1);
  out[k++] = mix(mix(44, c0), near);
  out[k++] = mix(mix(45, classAt(ctx, i - 2)), classAt(ctx, i + 2));
  return k - start;
}

/** Features of the labels a previous pass predicted around token i, written from out[k]. */
function stackedFeatures(
  prev: PrevContext,
  i: number,
  w0: number,
  ins: number,
  sh0: number,
  out: Uint32Array,
  k: number,
): number {
  const start = k;
  const p = prev.labels;
  const p0 = p[i];
  const around = labelAt(p, i - 1) | (labelAt(p, i + 1) << 3);
  out[k++] = mix(100, around);
  out[k++] = mix(101, labelAt(p, i - 2) | (labelAt(p, i + 2) << 3));
  out[k++] = mix(102, labelAt(p, i - 3) | (labelAt(p, i + 3) << 3));
  out[k++] = mix(103, p0);
  out[k++] = mix(mix(104, w0), p0);
  out[k++] = mix(mix(105, p0), around | (ins << 6));
  const roles = prev.left[i] | (prev.right[i] << 4);
  out[k++] = mix(106, roles);
  out[k++] = mix(mix(107, roles), p0);
  out[k++] = mix(mix(108, roles), ins | (sh0 << 1));
  return k - start;
}

export const MAX_FEATURES = 52;
