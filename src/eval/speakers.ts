/**
 * `newsgraph predict speakers <gold.jsonl>`: runs the pipeline on each record's text and yields, per
 * attribution, its cue, content, the speaker's canonical name (or null when the source is unnamed or
 * unresolved) and the relaying outlet, as ../shared/tools/score-speakers.mjs reads them.
 * Only `id`, `text`, `date` and `title` are read from the gold file, never its attributions.
 */
import type { Analysis, Attribution } from '../model/index.js';
import type { Predictor } from './types.js';
import { readGoldInputs } from './gold.js';
import { AttributionInputSchema, analyzeAttributions } from './attribution.js';

type SpanPair = [number, number];

export interface SpeakerLine {
  cue: SpanPair | null;
  content: SpanPair[];
  speaker: string | null;
  via?: string[];
}

/**
 * One attribution as the speakers scorer reads it: one line per speaker, so a coordinated source
 * ("Volker and Morrison said") credits each of them. Unnamed sources get no name.
 */
export function toSpeakerLines(analysis: Analysis, a: Attribution): SpeakerLine[] {
  const names = (a.source?.actors ?? (a.source?.actor ? [a.source.actor] : []))
    .map((id) => analysis.actors.find((x) => x.id === id)?.name)
    .filter((n): n is string => n !== undefined);
  const via = a.via.map((v) => v.outlet);
  const line = (speaker: string | null): SpeakerLine => ({
    cue: a.cue ? [a.cue.start, a.cue.end] : null,
    content: a.content.map((c): SpanPair => [c.start, c.end]),
    speaker,
    ...(via.length ? { via } : {}),
  });
  if (a.source?.unnamed || names.length === 0) return [line(null)];
  return names.map(line);
}

export const predictSpeakers: Predictor = async function* (goldFile, options) {
  for await (const input of readGoldInputs(
    goldFile,
    AttributionInputSchema,
    'a speakers record',
    options.limit,
  )) {
    const analysis = analyzeAttributions(input);
    yield JSON.stringify({
      id: input.id,
      attributions: analysis.attributions.flatMap((a) => toSpeakerLines(analysis, a)),
    });
  }
};
