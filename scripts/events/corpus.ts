/**
 * Training data of the event coder, read from ../shared/data/events and prepared as the coder reads
 * text at run time (text, mentions and actors stages, then the coder's own sentence preparation):
 *   - plv-train.jsonl: sentences with marked source and target words and a type;
 *   - ngec-synthetic.jsonl: synthetic stories with a document-level type (weak labels);
 *   - plover-gsr-dev.jsonl: PLOVER's gold-standard sentences with marked source, target and event words
 *     (`--gsr 1`; its own cross-validation, cv-gsr.ts, keeps that dev check out of sample).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../src/util/data.js';
import { seededRandom } from '../../src/util/random.js';
import { emptyDoc, runStages } from '../../src/pipeline/pipeline.js';
import { textStage } from '../../src/text/index.js';
import { mentionsStage } from '../../src/mentions/index.js';
import { actorsStage } from '../../src/actors/index.js';
import { prepareSentence } from '../../src/events/sentence.js';
import { foldType } from '../../src/events/features.js';
import { TYPES } from '../../src/events/features.js';
import type { TrainEvent, TrainSentence } from '../../src/events/train.js';
import { GSR_DEFAULTS, NEGATIVE_DEFAULTS, NEWS_LABEL_DEFAULTS, NGEC_DEFAULTS, numArg } from './options.js';

export const SHARED_EVENTS = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'events');
export const PLV_FILE = path.join(SHARED_EVENTS, 'plv-train.jsonl');
export const NGEC_FILE = path.join(SHARED_EVENTS, 'ngec-synthetic.jsonl');
export const GSR_FILE = path.join(SHARED_EVENTS, 'plover-gsr-dev.jsonl');
export const POLNEAR_FILE = path.resolve(SHARED_EVENTS, '..', 'attribution', 'polnear-train.jsonl');
export const NEWS_TRIGGERS_FILE = path.join(PROJECT_ROOT, 'data', 'events', 'news-triggers.jsonl');

const PlvSchema = z.object({
  id: z.string(),
  text: z.string(),
  expected: z.array(
    z.object({ type: z.string(), sourceText: z.string(), targetText: z.string(), markup: z.string() }),
  ),
});
export type PlvRecord = z.infer<typeof PlvSchema>;
const NgecSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  label: z.string(),
  mode: z.string(),
});
export type NgecRecord = z.infer<typeof NgecSchema>;
const GsrSchema = z.object({
  id: z.string(),
  text: z.string(),
  markup: z.string().default(''),
  expected: z.array(z.object({ source: z.string(), target: z.string(), code: z.string() })),
});
export type GsrRecord = z.infer<typeof GsrSchema>;

function readJsonl<S extends z.ZodType>(file: string, schema: S): Array<z.infer<S>> {
  if (!existsSync(file)) {
    console.error(
      `training data not found: ${file} (the shared data folder sits beside the repo as ../shared)`,
    );
    process.exit(1);
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, n) => {
      const r = schema.safeParse(JSON.parse(l));
      if (!r.success) throw new Error(`${file}:${n + 1}: ${r.error.issues[0]?.message}`);
      return r.data;
    });
}
export const readPlv = (file = PLV_FILE): PlvRecord[] => readJsonl(file, PlvSchema);

/** The cross-validation fold of each of n PLV records: a seeded shuffle, so every run splits alike. */
export function plvFolds(n: number, folds: number): Int32Array {
  return shuffledFolds(n, folds, 2024);
}

function shuffledFolds(n: number, folds: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const foldOf = new Int32Array(n);
  order.forEach((r, k) => (foldOf[r] = k % folds));
  return foldOf;
}
export const readNgec = (file = NGEC_FILE): NgecRecord[] => readJsonl(file, NgecSchema);
export const readGsr = (file = GSR_FILE): GsrRecord[] => readJsonl(file, GsrSchema);

/** The cross-validation fold of each of n GSR records (the same seeded shuffle as PLV's, another seed). */
export function gsrFolds(n: number, folds: number): Int32Array {
  return shuffledFolds(n, folds, 2025);
}

const STAGES = [textStage, mentionsStage, actorsStage];

/** Character spans of the words marked <s>…</s> and <t>…</t> in a PLV markup. */
export function markedSpans(markup: string): {
  source: Array<[number, number]>;
  target: Array<[number, number]>;
} {
  const out = { source: [] as Array<[number, number]>, target: [] as Array<[number, number]> };
  let plain = 0;
  const open: Record<string, number> = {};
  const re = /<(\/?)([st])>/g;
  let last = 0;
  for (let m = re.exec(markup); m; m = re.exec(markup)) {
    plain += m.index - last;
    last = m.index + m[0].length;
    if (!m[1]) open[m[2]!] = plain;
    else (m[2] === 's' ? out.source : out.target).push([open[m[2]!]!, plain]);
  }
  return out;
}

/**
 * Character spans of the words a PLOVER-GSR markup marks as source and target: "(SRC: Libya) has
 * (EVT: offered to hand over) to (TAR: Great Britain)". "SRC/TAR" (the parties of a joint act, which
 * the gold codes as sources without a target) counts as a source. Each marked phrase is found in the
 * record's text in order, since a few markups differ from their text by a typo elsewhere.
 */
export function gsrMarkedSpans(markup: string, text: string): ReturnType<typeof markedSpans> {
  const out: ReturnType<typeof markedSpans> = { source: [], target: [] };
  let cursor = 0;
  for (const m of markup.matchAll(/\((SRC|TAR|EVT|LOC)(?:\/(SRC|TAR|EVT|LOC))?: ([^()]+)\)/g)) {
    const phrase = m[3]!.trim();
    let at = text.indexOf(phrase, cursor);
    if (at < 0) at = text.indexOf(phrase);
    if (at < 0) continue;
    cursor = at + phrase.length;
    // PLV marks the whole phrase ("<s>The United States</s>"), GSR the actor words ("The (SRC: United
    // States)"): a determiner just before the words joins them, so both teach one span convention.
    const determiner = /\b(?:the|a|an) $/i.exec(text.slice(Math.max(0, at - 4), at));
    const span: [number, number] = [determiner ? at - determiner[0].length : at, at + phrase.length];
    const role = m[1] === 'SRC' ? out.source : m[1] === 'TAR' ? out.target : undefined;
    // PLV marks conjoined actors as one phrase ("<s>Israel and Jordan</s>"), GSR each conjunct.
    const last = role?.at(-1);
    if (last && /^(?:\s*,)?\s*(?:and\s*)?$/.test(text.slice(last[1], span[0]))) last[1] = span[1];
    else role?.push(span);
  }
  return out;
}

/**
 * A GSR record as one training sentence, trained as PLV's are: one event per folded type the gold
 * codes, with the marked source and target words.
 */
export function gsrExample(r: GsrRecord): TrainSentence | undefined {
  const s = plvSentence(r.text).whole;
  const spans = gsrMarkedSpans(r.markup, r.text);
  const source = toTokens(s, spans.source);
  const target = toTokens(s, spans.target);
  // The trigger is latent and found near the marked words: a record without any (one has no markup) is left out.
  if (source.length + target.length === 0) return undefined;
  const types = [...new Set(r.expected.flatMap((e) => foldType(e.code) ?? []))];
  const events = types.map((type) => ({ type, source, target }));
  return events.length > 0 ? { s, events } : undefined;
}

function toTokens(s: TrainSentence['s'], spans: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [a, b] of spans) {
    let i = 0;
    while (i < s.toks.length && s.toks[i]!.end <= a) i++;
    let j = i;
    while (j < s.toks.length && s.toks[j]!.start < b) j++;
    if (j > i) out.push([i, j]);
  }
  return out;
}

/** A PLV text through the stages the coder reads, and the whole of it as one prepared sentence. */
export function plvSentence(text: string) {
  const doc = runStages(STAGES, emptyDoc(text, {}));
  const actorsById = new Map(doc.actors.map((a) => [a.id, a]));
  const whole = prepareSentence(
    text,
    { start: 0, end: text.length },
    doc.mentions,
    actorsById,
    doc.byline,
    doc.tokens,
  );
  return { doc, actorsById, whole };
}

/** A PLV record as one training sentence (the whole record is one sentence). */
export function plvExample(r: PlvRecord): TrainSentence | undefined {
  const s = plvSentence(r.text).whole;
  const events = r.expected.flatMap((e) => plvTrainEvent(s, e) ?? []);
  return events.length > 0 ? { s, events } : undefined;
}

/** A PLV gold event as training sees it: its folded type, its marked source and target as token ranges. */
export function plvTrainEvent(
  s: TrainSentence['s'],
  e: PlvRecord['expected'][number],
): TrainEvent | undefined {
  const type = foldType(e.type);
  if (!type) return undefined;
  const spans = markedSpans(e.markup);
  return { type, source: toTokens(s, spans.source), target: toTokens(s, spans.target) };
}

/** An NGEC story's first sentences, each a weak example of the story's type. */
export function ngecExamples(r: NgecRecord, sentences: number, weight: number): TrainSentence[] {
  const type = foldType(r.label);
  if (!type) return [];
  const doc = runStages(STAGES, emptyDoc(r.text, {}));
  const actorsById = new Map(doc.actors.map((a) => [a.id, a]));
  return doc.sentences.slice(0, sentences).map((sent) => ({
    s: prepareSentence(r.text, sent, doc.mentions, actorsById, doc.byline, doc.tokens, doc.pos),
    events: [{ type, source: [], target: [] }],
    weak: weight,
  }));
}

/**
 * Sentences of ordinary political news (PolNeAR's training articles, 2016 US politics) as negatives:
 * most hold no PLOVER event, and PLV alone (one event in every sentence) never shows the coder a
 * sentence without one. Every `every`-th sentence of each article, at most `max` in all.
 */
export function newsNegatives(
  every: number,
  max: number,
  weight: number,
  file = POLNEAR_FILE,
): TrainSentence[] {
  const lines = readJsonl(file, z.object({ id: z.string(), text: z.string() }));
  const out: TrainSentence[] = [];
  for (const line of lines) {
    if (out.length >= max) break;
    const doc = runStages(STAGES, emptyDoc(line.text, {}));
    const actorsById = new Map(doc.actors.map((a) => [a.id, a]));
    doc.sentences.forEach((sent, n) => {
      if (n % every !== 0 || out.length >= max) return;
      out.push({
        s: prepareSentence(line.text, sent, doc.mentions, actorsById, doc.byline, doc.tokens, doc.pos),
        events: [],
        negative: weight,
      });
    });
  }
  return out;
}

const NewsTriggerSchema = z.object({
  id: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  type: z.enum(TYPES),
});

/**
 * Hand-labelled triggers of ordinary news (data/events/news-triggers.jsonl: PolNeAR training article id,
 * the trigger word's offsets, and its type in that sentence, NONE when it states no event), one training
 * sentence per labelled sentence. PLV holds only sentences with an event; these show the typer what its
 * dictionary-typed words mean in news that is not about one ("released a poll", "the debate").
 */
export function newsTriggerExamples(
  weight: number,
  file = NEWS_TRIGGERS_FILE,
  articles = POLNEAR_FILE,
): TrainSentence[] {
  const labels = readJsonl(file, NewsTriggerSchema);
  const byDoc = new Map<string, typeof labels>();
  for (const l of labels) byDoc.set(l.id, [...(byDoc.get(l.id) ?? []), l]);
  const out: TrainSentence[] = [];
  for (const line of readJsonl(articles, z.object({ id: z.string(), text: z.string() }))) {
    const own = byDoc.get(line.id);
    if (!own) continue;
    const doc = runStages(STAGES, emptyDoc(line.text, {}));
    const actorsById = new Map(doc.actors.map((a) => [a.id, a]));
    for (const sent of doc.sentences) {
      const inside = own.filter((l) => l.start >= sent.start && l.end <= sent.end);
      if (inside.length === 0) continue;
      const s = prepareSentence(line.text, sent, doc.mentions, actorsById, doc.byline, doc.tokens, doc.pos);
      const labelled = new Map<number, number>();
      for (const l of inside) {
        const k = s.candidates.findIndex((c) => s.toks[c.i]!.start === l.start);
        if (k >= 0) labelled.set(k, TYPES.indexOf(l.type));
      }
      if (labelled.size > 0) out.push({ s, events: [], labelled, labelledWeight: weight });
    }
  }
  return out;
}

/**
 * The training data beside PLV, as the command line sets it: NGEC's weak examples, the news negatives,
 * labelled news triggers and GSR's records (`gsr: false` leaves those to a caller that splits them).
 */
export function extraTrainingData(options: { gsr?: boolean } = {}): {
  ngec: TrainSentence[];
  negatives: TrainSentence[];
  news: TrainSentence[];
  gsr: TrainSentence[];
} {
  const newsWeight = numArg('news-weight', NEWS_LABEL_DEFAULTS.weight);
  const ngecWeight = numArg('ngec-weight', NGEC_DEFAULTS.weight);
  const ngecSentences = numArg('ngec-sentences', NGEC_DEFAULTS.sentences);
  const negWeight = numArg('negative-weight', NEGATIVE_DEFAULTS.weight);
  return {
    ngec: ngecWeight > 0 ? readNgec().flatMap((r) => ngecExamples(r, ngecSentences, ngecWeight)) : [],
    negatives:
      negWeight > 0
        ? newsNegatives(
            numArg('negative-every', NEGATIVE_DEFAULTS.every),
            numArg('negative-max', NEGATIVE_DEFAULTS.max),
            negWeight,
          )
        : [],
    news: newsWeight > 0 ? newsTriggerExamples(newsWeight) : [],
    gsr:
      options.gsr !== false && numArg('gsr', GSR_DEFAULTS.use) > 0
        ? readGsr().flatMap((r) => gsrExample(r) ?? [])
        : [],
  };
}

/** A cross-validation fold's predicted events by record id (`fold<F>.pred.jsonl` under `dir`, from cv:events). */
export function foldPredictions(dir: string, fold: number): Map<string, Array<{ code: string }>> {
  const preds = new Map<string, Array<{ code: string }>>();
  for (const l of readFileSync(path.join(dir, `fold${fold}.pred.jsonl`), 'utf8').split('\n'))
    if (l.trim()) {
      const p = JSON.parse(l) as { id: string; events: Array<{ code: string }> };
      preds.set(p.id, p.events);
    }
  return preds;
}
