import type { Doc, Stage, StageOutput } from '../model/index.js';
import { accordingToPhrases } from './steps/according-to.js';
import { contentForBareCues } from './steps/content-for-bare-cues.js';
import { continuedQuotations } from './steps/continued-quotations.js';
import { attributionContext, type AttributionStep } from './steps/context.js';
import { creditSpeakers } from './steps/credit-speakers.js';
import { cueEdges } from './steps/cue-edges.js';
import { dropSlips } from './steps/drop-slips.js';
import { nestedReports } from './steps/nested-reports.js';
import { linkTagged } from './steps/link-tagged.js';
import { passiveReports } from './steps/passive-reports.js';
import { trailingParticiples } from './steps/trailing-participles.js';
import { signedAndLabelled } from './steps/signed-and-labelled.js';
import { repairSources } from './steps/sources.js';
import { sourcesWithAntecedents } from './steps/relative-sources.js';
import type { LinkedAttribution } from './link.js';

export { quoteState } from './quotes.js';
export { cueLemma, cueLexicon } from './lexicon.js';

/**
 * The steps that find attributions as token spans, in order. Each takes the list so far and
 * returns a new one; the rules were learnt from or checked on PolNeAR's training split.
 */
export const ATTRIBUTION_STEPS: readonly AttributionStep[] = [
  linkTagged, // the tagger's source, cue and content runs, grouped
  trailingParticiples, // "…, adding “…”" inside a content: a report of its own
  contentForBareCues, // speech cues the tagger left without content get the sentence around them
  accordingToPhrases, // "X, according to Y" the tagger missed; relayed speech frames
  cueEdges, // cue edges moved to the annotators' conventions
  repairSources, // passive agents, parentheticals, adjacent and shared subjects; slips dropped
  passiveReports, // "was echoed by Rubio"
  signedAndLabelled, // "“…” ― Name", signed posts, "PENCE: …"
  continuedQuotations, // a quotation's later paragraphs join the report it began in
  nestedReports, // "“Lane replied that …,” Reyes testified": reports within another's content
];

/**
 * Finds who said what, according to whom: a BIO tagger (averaged perceptron, two stacked passes,
 * constrained Viterbi; word identity, part-of-speech classes and cue-lexicon features) marks
 * source, cue and content tokens; the steps above link and repair them; speakers are resolved to
 * actors and relaying outlets become `via`; a lone relative pronoun source ("who") spans its
 * antecedent ("Marco Rubio, who"); sentences asserting facts about named parties without
 * any source become `claims`, and attributions that are tagging slips are dropped.
 */
export function findAttributions(doc: Doc): StageOutput {
  if (!doc.tokens.length) return { attributions: [], claims: [] };
  const c = attributionContext(doc);
  let linked: LinkedAttribution[] = [];
  for (const step of ATTRIBUTION_STEPS) linked = step(c, linked);
  const { attributions, claims } = dropSlips(c, creditSpeakers(c, linked));
  return { attributions: sourcesWithAntecedents(c, attributions), claims, messages: c.tagged.quote.messages };
}

export const attributionStage: Stage = {
  name: 'attribution',
  requires: ['tokens', 'quotations', 'sentences', 'mentions', 'actors'],
  provides: ['attributions', 'claims'],
  run: findAttributions,
};
