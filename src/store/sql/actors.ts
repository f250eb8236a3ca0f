/** Reading actors across articles, and the quotes (attributions) of every stored article. */
import type { Role } from '../../model/index.js';
import { RolesSchema, toActorSummary, toEvent, toQuote } from '../row-mappers.js';
import { likePattern, queryText } from '../rules.js';
import {
  pageOf,
  type ActorDetail,
  type ActorSummary,
  type Page,
  type QuoteHit,
  type QuoteQuery,
} from '../types.js';
import type { SqlRunner } from './adapter.js';

/** An actor's counts across the store, for a row `x` of actors. */
const ACTOR_COUNTS = `
  (SELECT count(DISTINCT article_id) FROM article_actors aa WHERE aa.actor_id = x.id) AS articles,
  (SELECT count(*) FROM quotes q WHERE q.speaker_actor = x.id) AS quotes,
  (SELECT count(*) FROM events e WHERE e.source_actor = x.id OR e.target_actor = x.id) AS events`;

export async function listActors(
  db: SqlRunner,
  page?: Page & { q?: string },
): Promise<{ total: number; items: ActorSummary[] }> {
  const { limit, offset } = pageOf(page);
  const where = page?.q ? `WHERE x.name ${db.dialect.ilike} ? ESCAPE '\\' OR x.id = ?` : '';
  const params = page?.q ? [likePattern(page.q), queryText(page.q)] : [];
  const total = Number((await db.get(`SELECT count(*) AS n FROM actors x ${where}`, params))?.n ?? 0);
  const items = (
    await db.all(
      `SELECT x.id, x.name, x.type, x.cameo, ${ACTOR_COUNTS}
       FROM actors x ${where} ORDER BY articles DESC, quotes DESC, x.name LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    )
  ).map(toActorSummary);
  return { total, items };
}

export async function getActor(db: SqlRunner, id: string): Promise<ActorDetail | null> {
  const actorId = queryText(id);
  const row = await db.get(
    `SELECT x.id, x.name, x.type, x.cameo, ${ACTOR_COUNTS} FROM actors x WHERE x.id = ?`,
    [actorId],
  );
  if (!row) return null;
  const roles = await rolesOf(db, actorId);
  const quotes = (
    await db.all(
      `SELECT q.*, x.name AS actor_name FROM quotes q JOIN actors x ON x.id = q.speaker_actor
       WHERE q.speaker_actor = ? ORDER BY q.published NULLS LAST, q.${db.dialect.insertionOrder} LIMIT 500`,
      [actorId],
    )
  ).map(toQuote);
  const events = (side: 'source' | 'target') =>
    db.all(
      `SELECT * FROM events WHERE ${side}_actor = ? ORDER BY day NULLS LAST, article_id, start LIMIT 500`,
      [actorId],
    );
  const eventsGiven = (await events('source')).map(toEvent);
  const eventsReceived = (await events('target')).map(toEvent);
  return { ...toActorSummary(row), roles, quotes, eventsGiven, eventsReceived };
}

/** Every distinct role (title and affiliation) the actor holds in any article. */
async function rolesOf(db: SqlRunner, actorId: string): Promise<Role[]> {
  const roles: Role[] = [];
  const seen = new Set<string>();
  for (const r of await db.all(
    'SELECT roles FROM article_actors WHERE actor_id = ? ORDER BY article_id, local_id',
    [actorId],
  )) {
    // A JSON column: text in SQLite, already parsed from jsonb by PostgreSQL.
    const stored: unknown = typeof r.roles === 'string' ? JSON.parse(r.roles) : r.roles;
    for (const role of RolesSchema.parse(stored)) {
      const k = `${role.title}|${role.affiliation ?? ''}`;
      if (seen.has(k)) continue;
      seen.add(k);
      roles.push(role);
    }
  }
  return roles;
}

export async function searchQuotes(
  db: SqlRunner,
  query: QuoteQuery,
): Promise<{ total: number; items: QuoteHit[] }> {
  const { limit, offset } = pageOf(query);
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.text) {
    const match = db.dialect.search.quoteCondition(query.text);
    if (!match) return { total: 0, items: [] };
    where.push(match.sql);
    params.push(...match.params);
  }
  if (query.speaker) {
    const like = db.dialect.ilike;
    where.push(`(q.speaker_actor = ? OR q.speaker ${like} ? ESCAPE '\\'
      OR q.speaker_actor IN (SELECT id FROM actors WHERE name ${like} ? ESCAPE '\\'))`);
    params.push(queryText(query.speaker), likePattern(query.speaker), likePattern(query.speaker));
  }
  if (query.outlet) {
    where.push('lower(q.outlet) = lower(?)');
    params.push(queryText(query.outlet));
  }
  if (query.stance) {
    where.push('q.stance = ?');
    params.push(query.stance);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number((await db.get(`SELECT count(*) AS n FROM quotes q ${w}`, params))?.n ?? 0);
  const items = (
    await db.all(
      `SELECT q.*, x.name AS actor_name FROM quotes q LEFT JOIN actors x ON x.id = q.speaker_actor ${w}
       ORDER BY q.published DESC NULLS LAST, q.${db.dialect.insertionOrder} LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    )
  ).map(toQuote);
  return { total, items };
}
