/**
 * The precise comparison of two reports: features of their words, speakers, dates and surrounding
 * text, and a logistic model over them whose weights are data (data/statements/matcher.json, fit by
 * scripts/statements/fit-matcher.ts by cross-validation on the statements gold).
 */
import { z } from 'zod';
import { loadData } from '../../util/data.js';
import { statementsLexicon } from './lexicon.js';
import { hashWord } from './minhash.js';
import { sameSpeaker, speakerKey } from './speaker.js';
import { reportWords } from './words.js';
import type { Report } from './types.js';

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
  /** Hashes of the longer words around the report in its article (its occasion, its topic), sorted. */
  context: Uint32Array;
  direct: boolean;
}

const CONTEXT_WORD = /\p{L}{4,}/gu;

/** Word → small integer, shared by the profiles of one index so words compare as numbers. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) this.ids.set(word, (id = this.ids.size));
    return id;
  }
  get size(): number {
    return this.ids.size;
  }
}

const sortedDistinct = (xs: Iterable<number>): Uint32Array => Uint32Array.from(new Set(xs)).sort();

const IdfSchema = z.object({
  about: z.string(),
  articles: z.number().int().positive(),
  df: z.record(z.string(), z.number()),
});
let idfTable: { articles: number; df: Map<string, number> } | undefined;

/** Inverse article frequency of a word (data/statements/idf.json); unseen words count as rarest. */
export function idf(word: string): number {
  if (!idfTable) {
    const raw = loadData('statements/idf.json', IdfSchema);
    idfTable = { articles: raw.articles, df: new Map(Object.entries(raw.df)) };
  }
  return Math.log((idfTable.articles + 1) / ((idfTable.df.get(word) ?? 0) + 1));
}

export function profile(report: Report, vocab: Vocabulary): Profile {
  const { functionWords } = statementsLexicon();
  const texts = reportWords(report.content).words.map((w) => w.text);
  const words = Uint32Array.from(texts, (w) => vocab.id(w));
  const contentText = [...new Set(texts.filter((w) => !functionWords.has(w)))];
  const time = report.published ? Date.parse(report.published) : Number.NaN;
  const ctx = ((report.context ?? '').toLowerCase().match(CONTEXT_WORD) ?? []).filter(
    (w) => !functionWords.has(w),
  );
  return {
    id: report.id,
    article: report.article,
    speaker: report.speaker,
    speakerKey: speakerKey(report.speaker),
    day: Number.isNaN(time) ? null : Math.floor(time / 864e5),
    words,
    ...weighted(contentText, vocab),
    contentText,
    contentTextIdf: contentText.map(idf),
    context: sortedDistinct(ctx.map(hashWord)),
    direct: report.form === 'direct',
  };
}

function weighted(
  words: string[],
  vocab: Vocabulary,
): Pick<Profile, 'contentWords' | 'contentIdf' | 'idfTotal'> {
  const pairs = words.map((w) => [vocab.id(w), idf(w)] as const).sort((a, b) => a[0] - b[0]);
  return {
    contentWords: Uint32Array.from(pairs, (p) => p[0]),
    contentIdf: Float32Array.from(pairs, (p) => p[1]),
    idfTotal: pairs.reduce((s, p) => s + p[1], 0),
  };
}

/** Summed idf of the content words two profiles share. */
function sharedIdf(a: Profile, b: Profile): number {
  let n = 0;
  const x = a.contentWords;
  const y = b.contentWords;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) {
      n += a.contentIdf[i];
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

/** Shared elements of two sorted distinct arrays. */
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
] as const;
export type Feature = (typeof FEATURES)[number];

/** The feature vector of a pair, in FEATURES order. */
export function features(a: Profile, b: Profile): number[] {
  const shared = overlap(a.contentWords, b.contentWords);
  const minSize = Math.max(1, Math.min(a.contentWords.length, b.contentWords.length));
  const union = Math.max(1, a.contentWords.length + b.contentWords.length - shared);
  const { lcs, run } = commonWords(a.words, b.words);
  const days = a.day !== null && b.day !== null ? Math.abs(a.day - b.day) : null;
  const ctxShared = overlap(a.context, b.context);
  const ctxUnion = Math.max(1, a.context.length + b.context.length - ctxShared);
  const named = a.speaker !== null && b.speaker !== null;
  const same = named && sameSpeaker(a.speaker as string, b.speaker as string);
  const surname = named && !same && a.speakerKey === b.speakerKey;
  const sIdf = sharedIdf(a, b);
  const idfContainment = sIdf / Math.max(1e-9, Math.min(a.idfTotal, b.idfTotal));
  const recent = days !== null && days <= 2 ? 1 : 0;
  return [
    1,
    shared / minSize,
    shared / union,
    Math.log1p(run),
    lcs / Math.max(1, Math.min(a.words.length, b.words.length)),
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
  ];
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

/** Whether a report is long enough to be matched at all. */
export function matchable(model: MatcherModel, p: Profile): boolean {
  return p.contentWords.length >= model.minContentWords;
}

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
  return score(model, features(a, b)) >= model.threshold;
}
