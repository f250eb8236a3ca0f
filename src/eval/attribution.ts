/**
 * `newsgraph predict attribution <gold.jsonl>`: runs the pipeline on each record's text and yields
 * `{"id","attributions":[{"source","cue","content"}]}` lines for ../shared/tools/score-attributions.mjs.
 * Only `id`, `text`, `date` and `title` are read from the gold file, never its attributions.
 */
import { z } from 'zod';
import { analyze } from '../pipeline/index.js';
import { textStage } from '../text/index.js';
import { mentionsStage } from '../mentions/index.js';
import { actorsStage } from '../actors/index.js';
import { attributionStage } from '../attribution/index.js';
import type { Analysis, Attribution } from '../model/index.js';
import type { Predictor } from './types.js';
import { readGoldInputs } from './gold.js';

/** The inputs of a PolNeAR line; zod drops every other field, so labels cannot leak in. */
export const AttributionInputSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  date: z.string().optional(),
  title: z.string().optional(),
});

type SpanPair = [number, number];

/** The stages attribution depends on; events and times are not needed for this task. */
export const ATTRIBUTION_STAGES = [textStage, mentionsStage, actorsStage, attributionStage];

/** One gold record's text through the attribution stages; a date not in ISO form is left out. */
export function analyzeAttributions(input: z.infer<typeof AttributionInputSchema>): Analysis {
  const published = input.date && /^\d{4}-\d{2}-\d{2}/.test(input.date) ? input.date : undefined;
  return analyze(input.text, published ? { published } : {}, { id: input.id, stages: ATTRIBUTION_STAGES });
}

/**
 * The scorer's shape of one attribution. A source that spans a relative pronoun's antecedent
 * ("Marco Rubio, who") is given as the pronoun alone, as PolNeAR marks it.
 */
export function toScorerLine(a: Attribution): { source: SpanPair[]; cue: SpanPair[]; content: SpanPair[] } {
  const source = a.source?.relative ?? a.source;
  return {
    source: source ? [[source.start, source.end]] : [],
    cue: a.cue ? [[a.cue.start, a.cue.end]] : [],
    content: a.content.map((c): SpanPair => [c.start, c.end]),
  };
}

export const predictAttribution: Predictor = async function* (goldFile, options) {
  for await (const input of readGoldInputs(
    goldFile,
    AttributionInputSchema,
    'an attribution record',
    options.limit,
  )) {
    const analysis = analyzeAttributions(input);
    // PolNeAR annotates no report nested in another's content, so nested ones are left out here.
    const outer = analysis.attributions.filter((a) => a.within === undefined);
    yield JSON.stringify({ id: input.id, attributions: outer.map(toScorerLine) });
  }
};
