import type { Analysis, EventActor } from '../model/index.js';
import { ploverActorCode } from '../events/codes.js';
import { actorName, articleId, eventRows } from './rows.js';

/** An actor of a PLOVER record: its name, its CAMEO code, and the code as PLOVER writes it. */
export interface PloverActor {
  name: string;
  /** The full CAMEO code, as the other exports carry it ("USAHLH", "IGOUNOHLHWHO"). */
  code: string;
  /** Country or non-state code, PLOVER sector and secondary code ("USAMED", "IGOMED"): `ploverActorCode`. */
  plover_code: string;
}

/** A PLOVER/POLECAT-style event record. */
export interface PloverRecord {
  event_id: string;
  story_id: string;
  event_date: string | null;
  event_type: string;
  event_mode: string | null;
  event_text: string;
  source: PloverActor | null;
  target: PloverActor | null;
  cameo: string;
  goldstein: number;
  quad_class: number;
  negated: boolean;
  attribution: string | null;
  trigger: { start: number; end: number; text: string };
  evidence: { start: number; end: number; text: string }[];
  url: string | null;
}

/**
 * Events with a PLOVER type as POLECAT-style records (CAMEO 01x statements have none and are left out);
 * each participant of a reciprocal act is a record of its own with no target, as PLOVER codes it.
 */
export function toPloverRecords(analyses: Iterable<Analysis>): PloverRecord[] {
  const out: PloverRecord[] = [];
  const index = new Map<Analysis, number>();
  for (const { analysis, event, dyad, id } of eventRows(analyses, 'plover')) {
    if (!index.has(analysis)) index.set(analysis, index.size);
    if (!event.plover) continue;
    const story = articleId(analysis, index.get(analysis)!);
    out.push({
      event_id: `${story}#${id}`,
      story_id: story,
      event_date: analysis.meta.published?.slice(0, 10) ?? null,
      event_type: event.plover.type,
      event_mode: event.plover.mode ?? null,
      event_text: event.evidence[0]?.text ?? event.trigger.text,
      source: dyad.source ? ploverActor(analysis, dyad.source) : null,
      target: dyad.target ? ploverActor(analysis, dyad.target) : null,
      cameo: event.cameo,
      goldstein: event.goldstein,
      quad_class: event.quadClass,
      negated: event.negated === true,
      attribution: event.attribution ?? null,
      trigger: event.trigger,
      evidence: event.evidence,
      url: analysis.meta.url ?? null,
    });
  }
  return out;
}

function ploverActor(analysis: Analysis, a: EventActor): PloverActor {
  return { name: actorName(analysis, a), code: a.code, plover_code: ploverActorCode(a.code) };
}

/** The PLOVER export as one JSON document (an array), streamed record by record. */
export function* toPlover(analyses: Iterable<Analysis>): Generator<string> {
  const records = toPloverRecords(analyses);
  if (records.length === 0) {
    yield '[]';
    return;
  }
  yield '[';
  for (let k = 0; k < records.length; k++)
    yield JSON.stringify(records[k]) + (k < records.length - 1 ? ',' : '');
  yield ']';
}
