// From its own module, not the model's index: the CLI loads the exports for `--help`, and the index
// brings zod and the analysis schemas with it (+30–50 ms of every start).
import { dyadRows } from '../model/dyads.js';
import type { Analysis, Dyad, DyadConvention, Event, EventActor } from '../model/index.js';

/** One dyad of an event with the article it came from: the unit every exporter writes. */
export interface EventRow {
  analysis: Analysis;
  event: Event;
  /** The event's actors as the export's scheme writes them (a reciprocal act has several, `eventDyads`). */
  dyad: Dyad;
  /** The row's id (`dyadRows`): the event's, numbered on ("ev3.2") when the event is written as several dyads. */
  id: string;
  /** Position of the row in the export, from 1. */
  seq: number;
}

/** Every dyad of every event of every analysis, in order; `firstSeq` numbers a later chunk of a longer export. */
export function* eventRows(
  analyses: Iterable<Analysis>,
  convention: DyadConvention,
  firstSeq = 1,
): Generator<EventRow> {
  let seq = firstSeq - 1;
  for (const analysis of analyses)
    for (const event of analysis.events)
      for (const { dyad, id } of dyadRows(event, convention)) yield { analysis, event, dyad, id, seq: ++seq };
}

/** The article's publication day as YYYYMMDD, or '' when unknown (never guessed). */
export function day(a: Analysis): { ymd: string; y: string; m: string; d: string } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(a.meta.published ?? '');
  return m ? { ymd: `${m[1]}${m[2]}${m[3]}`, y: m[1]!, m: m[2]!, d: m[3]! } : undefined;
}

/** The id of an article: its analysis id, else its URL, else its position. */
export function articleId(a: Analysis, index: number): string {
  return a.id ?? a.meta.url ?? `article-${index + 1}`;
}

/** The name to show for an event actor: its actor's name when the text is a pronoun or description. */
export function actorName(a: Analysis, ref: EventActor | null): string {
  if (!ref) return '';
  const actor = ref.actor ? a.actors.find((x) => x.id === ref.actor) : undefined;
  if (actor && (ref.text.length < 4 || /^[a-z]/.test(ref.text))) return actor.name;
  return ref.text;
}

/** The paragraph GDELT calls the lead: the first one after the title. */
export function leadParagraph(a: Analysis): number | undefined {
  const title = a.title;
  const first = a.sentences.find((s) => !title || s.start >= title.end);
  return first?.paragraph;
}
