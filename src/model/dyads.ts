import type { Event, EventActor } from './analysis.js';

/**
 * How a coding scheme writes an event's actors:
 * - `cameo` (CAMEO, PETRARCH, GDELT): a reciprocal act is coded in every direction, A>B and B>A;
 * - `plover`: each participant of a reciprocal act is a source with no target, A> and B>;
 * - `plv` (PLV's markup, ../shared/data/events/plv-train.jsonl): a reciprocal act is marked pairwise
 *   along its conjunction, A>B (and B>C: "Ethiopian, Mozambican and South African troops"); 41 of its
 *   training events are so marked ("<s>India</s> and <t>Pakistan</t> agreed to a cease-fire"), while a
 *   conjoined group acting on a third is one source ("Germany and UNICEF hand over 30 vehicles"), as
 *   the event's own `sourceText` is;
 * - `event`: the event as analysed, once.
 * Any event that is not reciprocal has the one dyad it states, in every scheme.
 */
export type DyadConvention = 'cameo' | 'plover' | 'plv' | 'event';

/** One directed pair of an event, as a scheme writes it. */
export interface Dyad {
  source: EventActor | null;
  target: EventActor | null;
  /** The article's words for the source and the target ("" when none). */
  sourceText: string;
  targetText: string;
}

const pair = (source: EventActor, target: EventActor | null): Dyad => ({
  source,
  target,
  sourceText: source.text,
  targetText: target?.text ?? '',
});

/** The dyads an event is written as under a scheme's convention (see `DyadConvention`). */
export function eventDyads(e: Event, convention: DyadConvention): Dyad[] {
  const ps = e.participants ?? [];
  if (!e.reciprocal || ps.length < 2 || convention === 'event') {
    const sourceText = e.sourceText ?? e.source?.text ?? '';
    return [
      { source: e.source, target: e.target, sourceText, targetText: e.targetText ?? e.target?.text ?? '' },
    ];
  }
  if (convention === 'plover') return ps.map((p) => pair(p, null));
  if (convention === 'plv') return ps.slice(1).map((q, k) => pair(ps[k]!, q));
  return ps.flatMap((p) => ps.filter((q) => q !== p).map((q) => pair(p, q)));
}

/**
 * An event's dyads under a convention, each with its row id: the event's own, numbered on ("ev3.1",
 * "ev3.2") when the event is written as several rows (exports, the store's event index).
 */
export function dyadRows(e: Event, convention: DyadConvention): { dyad: Dyad; id: string }[] {
  const dyads = eventDyads(e, convention);
  return dyads.map((dyad, k) => ({ dyad, id: dyads.length > 1 ? `${e.id}.${k + 1}` : e.id }));
}
