/** Reading events: filtered lists, the timeline per actor pair and day, the actor network. */
import { str, toEvent } from '../row-mappers.js';
import { queryText } from '../rules.js';
import {
  pageOf,
  type EventHit,
  type EventQuery,
  type Network,
  type TimelinePoint,
  type TimelineQuery,
} from '../types.js';
import { inList, type SqlRunner } from './adapter.js';

/** The conditions on events `e` a query asks for (each part optional). */
function eventWhere(query: EventQuery & TimelineQuery): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.actor) {
    where.push('(e.source_actor = ? OR e.target_actor = ? OR e.source_code = ? OR e.target_code = ?)');
    const actor = queryText(query.actor);
    params.push(actor, actor, actor, actor);
  }
  if (query.code) {
    where.push('e.cameo = ?');
    params.push(queryText(query.code));
  }
  if (query.root) {
    where.push('e.root = ?');
    params.push(queryText(query.root).padStart(2, '0'));
  }
  if (query.quadClass !== undefined) {
    where.push('e.quad_class = ?');
    params.push(Math.trunc(query.quadClass));
  }
  if (query.from) {
    where.push('e.day >= ?');
    params.push(queryText(query.from).slice(0, 10));
  }
  if (query.to) {
    where.push('e.day <= ?');
    params.push(queryText(query.to).slice(0, 10));
  }
  return { where, params };
}

export async function searchEvents(
  db: SqlRunner,
  query: EventQuery,
): Promise<{ total: number; items: EventHit[] }> {
  const { limit, offset } = pageOf(query);
  const { where, params } = eventWhere(query);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number((await db.get(`SELECT count(*) AS n FROM events e ${w}`, params))?.n ?? 0);
  const items = (
    await db.all(
      `SELECT e.* FROM events e ${w} ORDER BY e.day NULLS LAST, e.article_id, e.start LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    )
  ).map(toEvent);
  return { total, items };
}

/** Mean Goldstein score rounded to two decimals. */
const mean2 = (g: unknown) => Math.round(Number(g) * 100) / 100;

export async function timeline(db: SqlRunner, query: TimelineQuery): Promise<TimelinePoint[]> {
  const { where, params } = eventWhere(query);
  where.push('e.day IS NOT NULL');
  const rows = await db.all(
    `SELECT e.day, coalesce(e.source_actor, e.source_code, '?') AS src,
       coalesce(e.target_actor, e.target_code, '?') AS tgt, count(*) AS n, avg(e.goldstein) AS g
     FROM events e WHERE ${where.join(' AND ')} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LIMIT 5000`,
    params,
  );
  return rows.map((r) => ({
    day: String(r.day),
    source: String(r.src),
    target: String(r.tgt),
    count: Number(r.n),
    meanGoldstein: mean2(r.g),
  }));
}

export async function network(db: SqlRunner, query?: { limit?: number }): Promise<Network> {
  const limit = Math.max(1, Math.min(2000, Math.floor(query?.limit ?? 200)));
  const edges = (
    await db.all(
      `SELECT source_actor AS s, target_actor AS t, count(*) AS n, avg(goldstein) AS g FROM events
       WHERE source_actor IS NOT NULL AND target_actor IS NOT NULL AND source_actor <> target_actor
       GROUP BY 1, 2 ORDER BY n DESC, s, t LIMIT ?`,
      [limit],
    )
  ).map((r) => ({ source: String(r.s), target: String(r.t), count: Number(r.n), meanGoldstein: mean2(r.g) }));
  const ids = new Set<string>();
  for (const e of edges) ids.add(e.source).add(e.target);
  // Quoted speakers are nodes too, so a corpus with quotes but no events still shows its actors.
  for (const r of await db.all(
    `SELECT speaker_actor AS id FROM quotes WHERE speaker_actor IS NOT NULL GROUP BY speaker_actor
     ORDER BY count(*) DESC, speaker_actor LIMIT ?`,
    [limit],
  ))
    ids.add(String(r.id));
  const list = [...ids];
  const found = new Map<string, Record<string, unknown>>();
  if (list.length > 0) {
    for (const r of await db.all(
      `SELECT x.id, x.name, x.cameo,
         (SELECT count(*) FROM events e WHERE e.source_actor = x.id OR e.target_actor = x.id) AS events,
         (SELECT count(*) FROM quotes q WHERE q.speaker_actor = x.id) AS quotes
       FROM actors x WHERE x.id IN ${inList(list)}`,
      list,
    ))
      found.set(String(r.id), r);
  }
  const nodes = list.map((id) => {
    const a = found.get(id);
    return {
      id,
      name: String(a?.name ?? id),
      cameo: str(a?.cameo),
      events: Number(a?.events ?? 0),
      quotes: Number(a?.quotes ?? 0),
    };
  });
  return { nodes, edges };
}
