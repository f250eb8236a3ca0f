/**
 * `newsgraph predict events <gold.jsonl> [--scheme plover|cameo]`: analyses each record's text with
 * the full pipeline and yields `{"id","events":[{"source","target","code","sourceText","targetText"}]}`
 * for ../shared/tools/score-events.mjs (actor codes) and score-dyads.mjs (the actors' words). Only `id`, `text` and `date` are read, never `expected`.
 */
import { z } from 'zod';
import { analyze } from '../pipeline/analyze.js';
import { stagesWith } from '../pipeline/extras.js';
import { ploverActorCode } from '../events/index.js';
import { eventDyads, type Analysis, type DyadConvention, type Event } from '../model/index.js';
import type { Predictor } from './types.js';
import { readGoldInputs } from './gold.js';

const RecordInputsSchema = z.object({
  id: z.string(),
  text: z.string(),
  date: z.string().optional(),
  suite: z.string().optional(),
});

/** Gold dates come as 2000-01-01 or 19950101; the pipeline wants ISO. */
function isoDate(d: string | undefined): string | undefined {
  if (!d) return undefined;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(d);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

export function eventCode(e: Event, scheme: 'plover' | 'cameo'): string | undefined {
  return scheme === 'cameo' ? e.cameo : e.plover?.type;
}

/**
 * One prediction line's events, in the shape the shared event scorers read, each reciprocal act
 * written as the scheme's convention says (`eventDyads`): CAMEO both ways, PLOVER each participant as
 * a source, PLV's records (`plv`) pairwise along the conjunction.
 */
export function predictedEvents(
  analysis: Analysis,
  scheme: 'plover' | 'cameo',
  convention: DyadConvention = scheme,
): { source: string; target: string; code: string; sourceText: string; targetText: string }[] {
  const events = [];
  for (const e of analysis.events) {
    const code = eventCode(e, scheme);
    if (!code) continue;
    // PLOVER records code actors at country/IGO + agent level; CAMEO keeps the full code.
    const actor = (c: string | undefined): string =>
      c === undefined ? '' : scheme === 'plover' ? ploverActorCode(c) : c;
    for (const d of eventDyads(e, convention))
      events.push({
        source: actor(d.source?.code),
        target: actor(d.target?.code),
        code,
        sourceText: d.sourceText,
        targetText: d.targetText,
      });
  }
  return events;
}

/**
 * PLV's records have a convention of their own for reciprocal acts (see `DyadConvention`). They are
 * known by the file's name (plv-*.jsonl) or, for a copy named otherwise, by their ids (plv-train-4).
 */
export const conventionOf = (goldFile: string, scheme: 'plover' | 'cameo', id = ''): DyadConvention =>
  /(^|\/)plv[^/]*$/i.test(goldFile) || /^plv[-_]/i.test(id) ? 'plv' : scheme;

export const predictEvents: Predictor = async function* (goldFile, options) {
  // Extra dictionaries (--actors/--verbs) are optional knowledge; the reported figures use neither.
  const stages =
    options.actors?.length || options.verbs
      ? stagesWith({ actors: options.actors, verbs: options.verbs })
      : undefined;
  for await (const rec of readGoldInputs(goldFile, RecordInputsSchema, 'an event record', options.limit)) {
    const scheme =
      options.scheme ??
      (rec.suite === 'plover-gsr' || /plover|plv/i.test(goldFile) || /^plv[-_]/i.test(rec.id)
        ? 'plover'
        : 'cameo');
    let events: ReturnType<typeof predictedEvents> = [];
    if (rec.text.trim()) {
      const published = isoDate(rec.date);
      const analysis = analyze(rec.text, published ? { published } : {}, {
        id: rec.id,
        ...(stages ? { stages } : {}),
      });
      events = predictedEvents(analysis, scheme, conventionOf(goldFile, scheme, rec.id));
    }
    yield JSON.stringify({ id: rec.id, events });
  }
};
