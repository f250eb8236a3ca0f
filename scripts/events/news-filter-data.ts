/**
 * Training data of the news filter (src/events/news-filter.ts), prepared as the coder reads text at
 * run time (text, mentions, actors and attribution stages), then coded by a given events model with
 * the filter off, each event's filter features kept:
 *   - the hand-labelled news triggers (data/events/news-triggers.jsonl, PolNeAR training articles): an
 *     event at a labelled trigger is to keep when its type is the label's, else to drop; events at
 *     unlabelled words are left out;
 *   - PLV's sentences (every one holds its marked events): an event of a marked type is to keep;
 *   - NGEC's synthetic stories (international news, one PLOVER type each): an event of the story's type
 *     is to keep. Those in the filter's international domain teach it what PolNeAR's US campaign news
 *     cannot: that a state's stated intent ("expressed willingness to support") is an act.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Doc } from '../../src/model/index.js';
import { emptyDoc, runStages } from '../../src/pipeline/pipeline.js';
import { textStage } from '../../src/text/index.js';
import { mentionsStage } from '../../src/mentions/index.js';
import { actorsStage } from '../../src/actors/index.js';
import { attributionStage } from '../../src/attribution/index.js';
import { codeEvents, type FilterCase } from '../../src/events/coder.js';
import { foldType, TYPES, type FoldedType } from '../../src/events/features.js';
import type { EventModel } from '../../src/events/model.js';
import { filterDomain } from '../../src/events/news-filter.js';
import type { FilterExample } from '../../src/events/news-filter-train.js';
import { NEWS_TRIGGERS_FILE, POLNEAR_FILE, readNgec, type NgecRecord, type PlvRecord } from './corpus.js';
import { numArg } from './options.js';
import { intentStoriesArg, NEWS_FILTER_DEFAULTS } from './train-news-filter-options.js';

const STAGES = [textStage, mentionsStage, actorsStage, attributionStage];

/** A prepared text: its layers up to the attributions, and what is known of its events. */
export interface FilterDoc {
  id: string;
  doc: Doc;
  /** News: trigger offset → labelled type (and source, when labelled). */
  labels?: ReadonlyMap<number, NewsLabel>;
  /** PLV: the marked types. */
  marked?: ReadonlySet<FoldedType>;
  /** Only composed acts (intents) of a marked type are positives (NGEC's stories). */
  composedOnly?: boolean;
}

function prepare(id: string, text: string): Doc {
  return runStages(STAGES, emptyDoc(text, {}, id));
}

const TriggerSchema = z.object({
  id: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  type: z.enum(TYPES),
  /**
   * The act's source as the reader finds it: the character span of its words ([start, end)), or null
   * when no actor of the text does it (a victim, a place, a headline's target). Absent: not labelled.
   */
  source: z.tuple([z.number().int(), z.number().int()]).nullable().optional(),
});

/** What a hand label says of an event at its trigger. */
export interface NewsLabel {
  type: FoldedType;
  source?: [number, number] | null;
}

/**
 * Whether a coded event is what the label says: the labelled type and, when the label has one, a
 * source whose words overlap the labelled source's (an event whose source is a victim or a bystander
 * is not to keep, though its type is right).
 */
export function labelledRight(
  label: NewsLabel,
  type: FoldedType,
  source: readonly [number, number],
): boolean {
  if (label.type !== type) return false;
  if (label.source === undefined) return true;
  return label.source !== null && source[0] < label.source[1] && label.source[0] < source[1];
}

/** The PolNeAR training articles that hold labelled triggers, prepared. */
export function newsFilterDocs(file = NEWS_TRIGGERS_FILE, articles = POLNEAR_FILE): FilterDoc[] {
  const byDoc = new Map<string, Map<number, NewsLabel>>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const l = TriggerSchema.parse(JSON.parse(line));
    const own = byDoc.get(l.id) ?? new Map<number, NewsLabel>();
    own.set(l.start, { type: l.type, ...(l.source !== undefined ? { source: l.source } : {}) });
    byDoc.set(l.id, own);
  }
  const out: FilterDoc[] = [];
  for (const line of readFileSync(articles, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const a = z.object({ id: z.string(), text: z.string() }).parse(JSON.parse(line));
    const labels = byDoc.get(a.id);
    if (labels) out.push({ id: a.id, doc: prepare(a.id, a.text), labels });
  }
  return out;
}

/** PLV records, prepared, with their marked types. */
export function plvFilterDocs(records: readonly PlvRecord[]): FilterDoc[] {
  return records.map((r) => ({
    id: r.id,
    doc: prepare(r.id, r.text),
    marked: new Set(r.expected.map((e) => foldType(e.type)).filter((t): t is FoldedType => !!t)),
  }));
}

/**
 * NGEC stories, prepared, with their one type marked: every `every`-th story of those in the filter's
 * international domain (news-filter.ts `filterDomain`), at most `max`. With `intentStories` (PLOVER labels),
 * only those stories are read and only their composed intents are positives: a state's stated intent
 * in a story of cooperation is an act between actors (CAMEO 03x is verbal cooperation).
 */
export function ngecFilterDocs(
  records: readonly NgecRecord[],
  every: number,
  max: number,
  intentStories?: ReadonlySet<string>,
): FilterDoc[] {
  const out: FilterDoc[] = [];
  for (let k = 0; k < records.length && out.length < max; k += every) {
    const r = records[k]!;
    // The filter judges composed acts only when they are intents (AGREE, coder.ts `filteredOut`).
    const type = intentStories ? (intentStories.has(r.label) ? 'AGREE' : undefined) : foldType(r.label);
    if (!type) continue;
    const doc = prepare(r.id, r.text);
    // Only the stories the filter reads as international train (their domain's copy of) the filter:
    // one about a country's own affairs would teach PolNeAR's domestic domain what it must not learn.
    if (filterDomain(doc.sentences.length, doc.actors ?? []) === 'international')
      out.push({ id: r.id, doc, marked: new Set([type]), composedOnly: !!intentStories });
  }
  return out;
}

/** The events a model codes in a prepared text with the filter off, as the filter sees them. */
export function filterCases(d: FilterDoc, model: EventModel): FilterCase[] {
  const cases: FilterCase[] = [];
  const { doc } = d;
  codeEvents({
    text: doc.text,
    sentences: doc.sentences,
    mentions: doc.mentions,
    actors: doc.actors,
    attributions: doc.attributions,
    tokens: doc.tokens,
    pos: doc.pos,
    quotations: doc.quotations,
    ...(doc.byline ? { byline: doc.byline } : {}),
    model,
    newsFilter: null,
    onFilterCase: (c) => cases.push(c),
  });
  // One case per trigger and type (an act with two sources is seen twice).
  const seen = new Set<string>();
  return cases.filter((c) => {
    const key = `${c.trigger}|${c.type}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A labelled example of each event the filter can learn from, with its text's id. */
export function filterExamples(
  d: FilterDoc,
  model: EventModel,
  plvWeight: number,
): Array<FilterExample & { doc: string; trigger: number; news: boolean }> {
  const out: Array<FilterExample & { doc: string; trigger: number; news: boolean }> = [];
  for (const c of filterCases(d, model)) {
    if (d.labels) {
      const label = d.labels.get(c.trigger);
      if (label === undefined) continue;
      const keep = labelledRight(label, c.type, c.source);
      out.push({ features: c.features, keep, weight: 1, doc: d.id, trigger: c.trigger, news: true });
    } else if (d.marked?.has(c.type) && plvWeight > 0 && (c.composed || !d.composedOnly)) {
      out.push({
        features: c.features,
        keep: true,
        weight: plvWeight,
        doc: d.id,
        trigger: c.trigger,
        news: false,
      });
    }
  }
  return out;
}

/** The texts the news filter learns from, prepared once (a cross-validation codes them with each fold's model). */
export interface FilterTexts {
  news: FilterDoc[];
  plv: FilterDoc[];
  /** Empty when NGEC's positives weigh 0 (the default). */
  ngec: FilterDoc[];
}

/**
 * The news filter's texts: the labelled news articles, the PLV records given, and, when `ngecWeight` is
 * above 0, the NGEC stories as --ngec-every, --ngec-max and --ngec-intent-stories choose them.
 */
export function filterTexts(plvRecords: readonly PlvRecord[], ngecWeight: number): FilterTexts {
  return {
    news: newsFilterDocs(),
    plv: plvFilterDocs(plvRecords),
    ngec:
      ngecWeight > 0
        ? ngecFilterDocs(
            readNgec(),
            numArg('ngec-every', NEWS_FILTER_DEFAULTS.ngecEvery),
            numArg('ngec-max', NEWS_FILTER_DEFAULTS.ngecMax),
            intentStoriesArg(),
          )
        : [],
  };
}

/** The update weights of the news filter's positives (a labelled news event weighs 1). */
export interface FilterWeights {
  plv: number;
  ngec: number;
}

/** The news filter's training examples by what they come from, and all of them in training order. */
export interface FilterTraining {
  news: FilterExample[];
  plv: FilterExample[];
  ngec: FilterExample[];
  /** The labelled news events, then the PLV positives, then NGEC's: the trainer's shuffles start from this order. */
  all: FilterExample[];
}

/**
 * The news filter's training examples, each text's events coded by `model` with the filter off, as
 * train:events-filter trains the shipped filter and each cross-validation fold trains its own: the
 * labelled news events, the PLV positives (of the records `plvKept` keeps, by index: a fold's
 * training records) and the NGEC positives.
 */
export function filterTrainingExamples(
  texts: FilterTexts,
  model: EventModel,
  weights: FilterWeights,
  plvKept: (index: number) => boolean = () => true,
): FilterTraining {
  const news = texts.news.flatMap((d) => filterExamples(d, model, weights.plv));
  const plv = texts.plv.filter((_, i) => plvKept(i)).flatMap((d) => filterExamples(d, model, weights.plv));
  const ngec = texts.ngec.flatMap((d) => filterExamples(d, model, weights.ngec));
  return { news, plv, ngec, all: [...news, ...plv, ...ngec] };
}
