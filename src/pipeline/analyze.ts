import type { Analysis, ArticleMeta, Doc, Stage } from '../model/index.js';
import { ArticleMetaSchema } from '../model/index.js';
import { textStage } from '../text/index.js';
import { mentionsStage } from '../mentions/index.js';
import { actorsStage } from '../actors/index.js';
import { attributionStage } from '../attribution/index.js';
import { eventsStage } from '../events/index.js';
import { timesStage } from '../time/index.js';
import { checkOrder, emptyDoc, runStages } from './pipeline.js';
import { checkText } from './input.js';

/** The default stage order: text → mentions → actors → attributions → events → times. */
export const DEFAULT_STAGES: readonly Stage[] = [
  textStage,
  mentionsStage,
  actorsStage,
  attributionStage,
  eventsStage,
  timesStage,
];
checkOrder(DEFAULT_STAGES);

export interface AnalyzeOptions {
  id?: string;
  /** Include the token layer in the result (large; off by default). */
  tokens?: boolean;
  /** Accumulates milliseconds per stage name, for the benchmark. */
  timings?: Map<string, number>;
  stages?: readonly Stage[];
}

/** Analyses one article: every layer of the result carries `[start, end)` spans into `text`. */
export function analyze(text: string, meta: ArticleMeta = {}, options: AnalyzeOptions = {}): Analysis {
  checkText(text);
  const parsedMeta = ArticleMetaSchema.parse(meta);
  const stages = options.stages ?? DEFAULT_STAGES;
  if (options.stages) checkOrder(stages);
  const doc = runStages(stages, emptyDoc(text, parsedMeta, options.id), options.timings);
  return toAnalysis(doc, options.tokens === true);
}

export function toAnalysis(doc: Doc, withTokens: boolean): Analysis {
  const meta = { ...doc.meta };
  if (!meta.title && doc.title) meta.title = doc.title.text;
  if (!meta.byline && doc.byline) meta.byline = doc.byline.text;
  return {
    version: 1,
    ...(doc.id !== undefined ? { id: doc.id } : {}),
    text: doc.text,
    meta,
    ...(doc.title ? { title: doc.title } : {}),
    ...(doc.byline ? { byline: doc.byline } : {}),
    sentences: [...doc.sentences],
    ...(withTokens ? { tokens: [...doc.tokens] } : {}),
    mentions: [...doc.mentions],
    actors: [...doc.actors],
    attributions: [...doc.attributions],
    claims: [...doc.claims],
    events: [...doc.events],
    times: [...doc.times],
    messages: [...doc.messages],
  };
}
