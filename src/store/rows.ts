import { dyadRows, type Actor, type Analysis, type Role } from '../model/index.js';

/**
 * Flattens one article's analysis into the rows every store indexes (actors, quotes, events), so the
 * SQLite and a later PostgreSQL store derive exactly the same data from an analysis.
 */

export interface ActorRow {
  localId: string;
  actorId: string;
  name: string;
  type: string;
  cameo: string | null;
  roles: Role[];
}

export interface QuoteRow {
  attributionId: string;
  speaker: string | null;
  speakerActor: string | null;
  cue: string | null;
  content: string;
  kind: 'direct' | 'mixed' | 'indirect';
  stance: string;
  start: number;
  end: number;
  /** The attribution whose content holds this report ("'…,' Y testified" inside X's quote), if any. */
  within: string | null;
}

export interface EventRow {
  /** The analysis event's id; a reciprocal act has one row per direction, "E3.1", "E3.2" (`dyadRows`). */
  eventId: string;
  cameo: string;
  root: string;
  quadClass: number;
  goldstein: number;
  sourceText: string | null;
  sourceActor: string | null;
  sourceCode: string | null;
  targetText: string | null;
  targetActor: string | null;
  targetCode: string | null;
  trigger: string;
  start: number;
  end: number;
  day: string | null;
}

export interface IndexedAnalysis {
  actors: ActorRow[];
  quotes: QuoteRow[];
  events: EventRow[];
}

/** Store-wide actor id: the knowledge-base id when the actor was found there, else its normalised name. */
export function storeActorId(actor: Pick<Actor, 'kb' | 'name' | 'type'>): string {
  if (actor.kb) return actor.kb;
  const slug = actor.name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${actor.type.toLowerCase()}:${slug || 'unnamed'}`;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/** An event's day: its own date when it states a full one, else the article's publication day. */
export function eventDay(time: string | undefined, published: string | undefined): string | null {
  if (time && ISO_DAY.test(time)) return time.slice(0, 10);
  if (published && ISO_DAY.test(published)) return published.slice(0, 10);
  return null;
}

export function indexAnalysis(analysis: Analysis): IndexedAnalysis {
  const globalOf = new Map<string, string>();
  const actors: ActorRow[] = analysis.actors.map((a) => {
    const actorId = storeActorId(a);
    globalOf.set(a.id, actorId);
    return { localId: a.id, actorId, name: a.name, type: a.type, cameo: a.cameo, roles: a.roles };
  });
  const mentionActor = new Map<string, string>();
  for (const m of analysis.mentions) if (m.actor) mentionActor.set(m.id, m.actor);
  const resolve = (actor?: string, mention?: string): string | null => {
    const local = actor ?? (mention ? mentionActor.get(mention) : undefined);
    return local ? (globalOf.get(local) ?? null) : null;
  };

  const quotes: QuoteRow[] = [];
  for (const a of analysis.attributions) {
    if (a.content.length === 0) continue;
    quotes.push({
      attributionId: a.id,
      speaker: a.source?.text ?? null,
      speakerActor: a.source ? resolve(a.source.actor, a.source.mention) : null,
      cue: a.cue?.text ?? null,
      content: a.content.map((c) => c.text).join(' … '),
      kind: a.kind,
      stance: a.stance,
      start: a.content[0].start,
      end: a.content[a.content.length - 1].end,
      within: a.within ?? null,
    });
  }

  // An event's time may name a time expression of the article ("T2") or hold a value itself.
  const timeValue = new Map(analysis.times.map((t) => [t.id, t.value]));
  // A reciprocal act is indexed in each direction, as CAMEO codes it, so the dyad graph has both edges.
  const events: EventRow[] = analysis.events.flatMap((e) =>
    dyadRows(e, 'cameo').map(({ dyad: d, id }) => ({
      eventId: id,
      cameo: e.cameo,
      root: e.cameo.slice(0, 2),
      quadClass: e.quadClass,
      goldstein: e.goldstein,
      sourceText: d.source?.text ?? null,
      sourceActor: d.source ? resolve(d.source.actor, d.source.mention) : null,
      sourceCode: d.source?.code ?? null,
      targetText: d.target?.text ?? null,
      targetActor: d.target ? resolve(d.target.actor, d.target.mention) : null,
      targetCode: d.target?.code ?? null,
      trigger: e.trigger.text,
      start: e.trigger.start,
      end: e.trigger.end,
      day: eventDay(e.time ? (timeValue.get(e.time) ?? e.time) : undefined, analysis.meta.published),
    })),
  );
  return { actors, quotes, events };
}
