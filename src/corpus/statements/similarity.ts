/**
 * The precise comparison of two reports: features of their words, speakers, dates and surrounding
 * text, and a logistic model over them whose weights are data (data/statements/matcher.json, fit by
 * scripts/statements/fit-matcher.ts by cross-validation on the statements gold).
 */
import { z } from 'zod';
import { loadData } from '../../util/data.js';
import { statementsLexicon } from './lexicon.js';
import { hashWord } from './minhash.js';
import { occasionOf, type Occasion } from './occasion.js';
import { paraphrase } from './paraphrase.js';
import { matchingSpeaker, sameSpeaker, speakerKey } from './speaker.js';
import { reportWords } from './words.js';
import { stem, Vocabulary } from './vocabulary.js';
import type { Report } from './types.js';

export { idf, stem, Vocabulary } from './vocabulary.js';

/** What the comparison needs of a report, computed once when it is added. */
export interface Profile {
  id: string;
  article: string;
  speaker: string | null;
  speakerKey: string | null;
  /** Days since the epoch, or null when the date is unknown. */
  day: number | null;
  /** Word ids (see Vocabulary), in order. */
  words: Uint32Array;
  /** Content words (the words without function words): sorted distinct ids. */
  contentWords: Uint32Array;
  /** Inverse article frequency of each content word, parallel to contentWords. */
  contentIdf: Float32Array;
  idfTotal: number;
  /** The content words themselves, for LSH keys. */
  contentText: string[];
  /** Inverse article frequency of each of contentText. */
  contentTextIdf: number[];
  /** The word-vector row of each of contentText (-1: none), for the paraphrase similarity. */
  contentVectors: Int32Array;
  /**
   * Its content only names someone ("Republican front-runner Donald Trump", the object of "a swipe
   * against"): every content word is capitalised or a title word. Such a report is no utterance.
   */
  namesOnly: boolean;
  /** Hashes of the longer words around the report in its article (its occasion, its topic), sorted. */
  context: Uint32Array;
  direct: boolean;
  /** Some of its words are quoted: a direct or mixed report. */
  quoted: boolean;
  /** Stems of the content words (see `stem`): sorted distinct hashes, with the highest idf of their words. */
  stems: Uint32Array;
  stemIdf: Float32Array;
  stemIdfTotal: number;
  /** Its words hold a negation ("not", "never", "won't"). */
  negated: boolean;
  /** Stems of the cue's words, sorted distinct hashes. */
  cueStems: Uint32Array;
  /** The occasion its frame names: venue and medium words, the day said, a repeated line. */
  occasion: Occasion;
}

const CONTEXT_WORD = /\p{L}{4,}/gu;

const sortedDistinct = (xs: Iterable<number>): Uint32Array => Uint32Array.from(new Set(xs)).sort();

/**
 * What a profile is derived from: the report's words as vocabulary ids, its context and cue hashes
 * and its flags. The statement index keeps only this per report (packed in typed arrays) and
 * expands a profile when it compares one.
 */
export interface ProfileCore extends Pick<
  Profile,
  | 'id'
  | 'article'
  | 'speaker'
  | 'speakerKey'
  | 'day'
  | 'words'
  | 'context'
  | 'cueStems'
  | 'direct'
  | 'quoted'
  | 'negated'
  | 'namesOnly'
  | 'occasion'
> {
  /** The distinct content words (vocabulary ids), in order of first occurrence. */
  contentText: Uint32Array;
}

export function profileCore(report: Report, vocab: Vocabulary): ProfileCore {
  const { functionWords, negationWords, negationSuffixes, titleWords } = statementsLexicon();
  const cueWords = report.cue.flatMap((c) => c.text.toLowerCase().match(/\p{L}+/gu) ?? []);
  const texts = reportWords(report.content).words.map((w) => w.text);
  const words = Uint32Array.from(texts, (w) => vocab.id(w));
  const contentText = [...new Set(texts.filter((w) => !functionWords.has(w)))];
  const time = report.published ? Date.parse(report.published) : Number.NaN;
  const ctx = ((report.context ?? '').toLowerCase().match(CONTEXT_WORD) ?? []).filter(
    (w) => !functionWords.has(w),
  );
  const day = Number.isNaN(time) ? null : Math.floor(time / 864e5);
  const speaker = matchingSpeaker(report.speaker, report.published);
  return {
    id: report.id,
    article: report.article,
    speaker,
    speakerKey: speakerKey(speaker),
    day,
    words,
    contentText: Uint32Array.from(contentText, (w) => vocab.id(w)),
    context: sortedDistinct(ctx.map(hashWord)),
    cueStems: sortedDistinct(cueWords.map((w) => hashWord(stem(w)))),
    direct: report.form === 'direct',
    quoted: report.form !== 'indirect',
    negated: texts.some((w) => negationWords.has(w) || negationSuffixes.some((s) => w.endsWith(s))),
    namesOnly: namesOnly(report, titleWords),
    occasion: occasionOf(report, day),
  };
}

/** The profile of a core (`vocab` is the one that gave its ids). */
export function expandProfile(core: ProfileCore, vocab: Vocabulary): Profile {
  const contentText = Array.from(core.contentText, (id) => vocab.word(id));
  return {
    id: core.id,
    article: core.article,
    speaker: core.speaker,
    speakerKey: core.speakerKey,
    day: core.day,
    words: core.words,
    ...weighted(core.contentText, vocab),
    contentText,
    contentTextIdf: Array.from(core.contentText, (id) => vocab.idf(id)),
    contentVectors: Int32Array.from(core.contentText, (id) => vocab.vectorRow(id)),
    context: core.context,
    direct: core.direct,
    quoted: core.quoted,
    occasion: core.occasion,
    ...stemmed(core.contentText, vocab),
    negated: core.negated,
    cueStems: core.cueStems,
    namesOnly: core.namesOnly,
  };
}

export function profile(report: Report, vocab: Vocabulary): Profile {
  return expandProfile(profileCore(report, vocab), vocab);
}

function stemmed(ids: Uint32Array, vocab: Vocabulary): Pick<Profile, 'stems' | 'stemIdf' | 'stemIdfTotal'> {
  const best = new Map<number, number>();
  for (const id of ids) {
    const h = vocab.stemHash(id);
    best.set(h, Math.max(best.get(h) ?? 0, vocab.idf(id)));
  }
  const pairs = [...best].sort((a, b) => a[0] - b[0]);
  return {
    stems: Uint32Array.from(pairs, (p) => p[0]),
    stemIdf: Float32Array.from(pairs, (p) => p[1]),
    stemIdfTotal: pairs.reduce((s, p) => s + p[1], 0),
  };
}

function weighted(
  ids: Uint32Array,
  vocab: Vocabulary,
): Pick<Profile, 'contentWords' | 'contentIdf' | 'idfTotal'> {
  const pairs = Array.from(ids, (id) => [id, vocab.idf(id)] as const).sort((a, b) => a[0] - b[0]);
  return {
    contentWords: Uint32Array.from(pairs, (p) => p[0]),
    contentIdf: Float32Array.from(pairs, (p) => p[1]),
    idfTotal: pairs.reduce((s, p) => s + p[1], 0),
  };
}

/** Summed weight (of the first side) of the elements two sorted distinct arrays share. */
function sharedWeight(x: Uint32Array, y: Uint32Array, weight: Float32Array): number {
  let n = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) {
      n += weight[i];
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return n;
}

/** Longest common subsequence length and longest common run of two word sequences. */
function commonWords(a: Uint32Array, b: Uint32Array): { lcs: number; run: number } {
  const width = b.length + 1;
  const rows = new Uint16Array(4 * width);
  let prevL = rows.subarray(0, width);
  let curL = rows.subarray(width, 2 * width);
  let prevR = rows.subarray(2 * width, 3 * width);
  let curR = rows.subarray(3 * width);
  let run = 0;
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      if (ai === b[j - 1]) {
        curL[j] = prevL[j - 1] + 1;
        curR[j] = prevR[j - 1] + 1;
        if (curR[j] > run) run = curR[j];
      } else {
        curL[j] = prevL[j] > curL[j - 1] ? prevL[j] : curL[j - 1];
        curR[j] = 0;
      }
    }
    [prevL, curL] = [curL, prevL];
    [prevR, curR] = [curR, prevR];
  }
  return { lcs: prevL[b.length], run };
}

/** Shared elements of two sorted arrays (a repeated element counts as often as both hold it). */
function overlap(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

export const FEATURES = [
  'bias',
  'containment',
  'jaccard',
  'logRun',
  'lcsRatio',
  'logShared',
  'logDays',
  'daysUnknown',
  'context',
  'speakerSame',
  'surnameSame',
  'speakerUnknown',
  'speakerDifferent',
  'bothDirect',
  'idfContainment',
  'idfJaccard',
  'recent',
  'recentIdfContainment',
  'saidDaySame',
  'saidDayClash',
  'habitual',
  'stemIdfContainment',
  'stemIdfJaccard',
  'cueShared',
  'perfect',
  'negationDiffers',
  'paraphrase',
  'quotedBoth',
  'namesOtherSpeaker',
  'quotedLogDays',
] as const;
export type Feature = (typeof FEATURES)[number];

/** The feature vector of a pair, in FEATURES order. */
export function features(a: Profile, b: Profile): number[] {
  return withQuadratic(cheapFeatures(a, b), a, b);
}

/** Fills in the quadratic features of a vector from cheapFeatures. */
function withQuadratic(x: number[], a: Profile, b: Profile): number[] {
  const { lcs, run } = commonWords(a.words, b.words);
  x[LOG_RUN] = Math.log1p(run);
  x[LCS_RATIO] = lcs / Math.max(1, Math.min(a.words.length, b.words.length));
  x[PARAPHRASE] = paraphrase(side(a), side(b));
  return x;
}

/** The features that cost a quadratic pass over the two reports' words, filled in last. */
const LOG_RUN = FEATURES.indexOf('logRun');
const LCS_RATIO = FEATURES.indexOf('lcsRatio');
const PARAPHRASE = FEATURES.indexOf('paraphrase');

/** Every feature but the quadratic ones (NaN there). */
function cheapFeatures(a: Profile, b: Profile): number[] {
  const shared = overlap(a.contentWords, b.contentWords);
  const minSize = Math.max(1, Math.min(a.contentWords.length, b.contentWords.length));
  const union = Math.max(1, a.contentWords.length + b.contentWords.length - shared);
  const days = a.day !== null && b.day !== null ? Math.abs(a.day - b.day) : null;
  const ctxShared = overlap(a.context, b.context);
  const ctxUnion = Math.max(1, a.context.length + b.context.length - ctxShared);
  const named = a.speaker !== null && b.speaker !== null;
  const same = named && sameSpeaker(a.speaker as string, b.speaker as string);
  const surname = named && !same && a.speakerKey === b.speakerKey;
  const sIdf = sharedWeight(a.contentWords, b.contentWords, a.contentIdf);
  const stemShared = sharedWeight(a.stems, b.stems, a.stemIdf);
  const idfContainment = sIdf / Math.max(1e-9, Math.min(a.idfTotal, b.idfTotal));
  const recent = days !== null && days <= 2 ? 1 : 0;
  return [
    1,
    shared / minSize,
    shared / union,
    Number.NaN,
    Number.NaN,
    Math.log1p(shared),
    days === null ? 0 : Math.log1p(days),
    days === null ? 1 : 0,
    (5 * ctxShared) / ctxUnion,
    same ? 1 : 0,
    surname ? 1 : 0,
    named ? 0 : 1,
    named && !same && !surname ? 1 : 0,
    a.direct && b.direct ? 1 : 0,
    idfContainment,
    sIdf / Math.max(1e-9, a.idfTotal + b.idfTotal - sIdf),
    recent,
    recent * idfContainment,
    ...occasionFeatures(a.occasion, b.occasion),
    stemShared / Math.max(1e-9, Math.min(a.stemIdfTotal, b.stemIdfTotal)),
    stemShared / Math.max(1e-9, a.stemIdfTotal + b.stemIdfTotal - stemShared),
    overlap(a.cueStems, b.cueStems) > 0 ? 1 : 0,
    a.occasion.perfect || b.occasion.perfect ? 1 : 0,
    a.negated !== b.negated ? 1 : 0,
    Number.NaN,
    a.quoted && b.quoted ? 1 : 0,
    namesSpeakerOf(a, b) || namesSpeakerOf(b, a) ? 1 : 0,
    // Days apart weigh differently when both quote: quoted words travel unchanged for months.
    a.quoted && b.quoted && days !== null ? Math.log1p(days) : 0,
  ];
}

/**
 * The content of `a` names the speaker of `b` ("condemned Trump's proposal to ban Muslims" against
 * Trump's own call): a report about that person's utterance, whose own speaker said something else.
 */
function namesSpeakerOf(a: Profile, b: Profile): boolean {
  const key = b.speakerKey;
  return key !== null && a.contentText.some((w) => w === key || (w.startsWith(key) && w[key.length] === "'"));
}

/** Words the two sequences share, counted with repeats: no common subsequence or run is longer. */
function sharedTokens(a: Uint32Array, b: Uint32Array): number {
  return overlap(a.slice().sort(), b.slice().sort());
}

/**
 * An upper bound of the pair's score from its cheap features: each quadratic feature at the end of
 * its range that raises the score (the run and the common subsequence no longer than the words the
 * two share, the paraphrase similarity at most 1). A pair whose bound is under the threshold is no
 * match, so the quadratic passes are skipped for it without changing any decision.
 */
function scoreBound(model: MatcherModel, x: number[], a: Profile, b: Profile): number {
  const common = sharedTokens(a.words, b.words);
  const ranges: Array<[number, number, number]> = [
    [LOG_RUN, 0, Math.log1p(common)],
    [LCS_RATIO, 0, common / Math.max(1, Math.min(a.words.length, b.words.length))],
    [PARAPHRASE, 0, 1],
  ];
  const bounded = x.slice();
  for (const [k, low, high] of ranges) bounded[k] = model.weights[k] >= 0 ? high : low;
  return score(model, bounded);
}

const side = (p: Profile) => ({ words: p.contentText, weights: p.contentTextIdf, rows: p.contentVectors });

/** The same or another day said, a repeated line. */
function occasionFeatures(a: Occasion, b: Occasion): number[] {
  const days = a.day !== null && b.day !== null;
  return [days && a.day === b.day ? 1 : 0, days && a.day !== b.day ? 1 : 0, a.habitual || b.habitual ? 1 : 0];
}

export const MatcherModelSchema = z.object({
  about: z.string(),
  features: z.array(z.enum(FEATURES)),
  weights: z.array(z.number()),
  /** Pairs scoring at least this (log-odds) are the same statement. */
  threshold: z.number(),
  /** Reports with fewer content words are too short to identify an utterance ("attacked Trump"). */
  minContentWords: z.number().int().nonnegative(),
  /** Named speakers that are not the same person never match (precision before recall). */
  vetoDifferentSpeakers: z.boolean(),
});
export type MatcherModel = z.infer<typeof MatcherModelSchema>;

export function shippedModel(): MatcherModel {
  return loadData('statements/matcher.json', MatcherModelSchema);
}

/** Whether a report can be matched at all: long enough, and more than a name. */
export function matchable(model: MatcherModel, p: Profile): boolean {
  return p.contentWords.length >= model.minContentWords && !p.namesOnly;
}

const CONTENT_TOKEN = /[\p{L}\p{N}]+(?:['’‘ʼ][\p{L}\p{N}]+)*/gu;

/**
 * Every word of the content is capitalised, a title word or a function word (see Profile.namesOnly);
 * not in a headline, where every word is capitalised (its cue is too: "Obama Claims …").
 */
function namesOnly(report: Report, titleWords: ReadonlySet<string>): boolean {
  if (/^\p{Lu}/u.test(report.cue[0]?.text.trim() ?? '')) return false;
  const { functionWords } = statementsLexicon();
  const tokens = report.content.flatMap((c) => c.text.match(CONTENT_TOKEN) ?? []);
  return (
    tokens.length > 0 &&
    tokens.every(
      (t) => /^\p{Lu}/u.test(t) || titleWords.has(t.toLowerCase()) || functionWords.has(t.toLowerCase()),
    )
  );
}

const BOUND_MARGIN = 1e-9;

export function score(model: MatcherModel, x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += model.weights[i] * x[i];
  return z;
}

/** Whether two reports of different articles report the same utterance. */
export function sameStatement(model: MatcherModel, a: Profile, b: Profile): boolean {
  if (a.article === b.article) return false;
  if (!matchable(model, a) || !matchable(model, b)) return false;
  if (model.vetoDifferentSpeakers && a.speakerKey && b.speakerKey && a.speakerKey !== b.speakerKey)
    return false;
  const x = cheapFeatures(a, b);
  // The margin keeps a bound equal to the score (summed in another order) from pruning a match.
  if (scoreBound(model, x, a, b) + BOUND_MARGIN < model.threshold) return false;
  return score(model, withQuadratic(x, a, b)) >= model.threshold;
}
