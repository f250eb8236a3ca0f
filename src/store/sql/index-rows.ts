/**
 * An article's row and the rows that index its analysis (LSH bands, actors, quotes, events), written
 * with the backend's bulk insert; the full-text index and the store's hooks follow.
 */
import type { Analysis } from '../../model/index.js';
import { ARTICLE_INSERT_COLUMNS, articleRow } from '../row-mappers.js';
import { indexAnalysis, type ActorRow, type EventRow, type IndexedAnalysis, type QuoteRow } from '../rows.js';
import type { ArticleHook, ArticleInput } from '../types.js';
import type { Column, SqlRunner } from './adapter.js';

/** What a write needs besides its input: the transaction, the time, and the hooks to run. */
export interface WriteContext {
  db: SqlRunner;
  now: string;
  hooks: readonly ArticleHook[];
}

const text = (name: string): Column => ({ name, type: 'text' });
const int = (name: string): Column => ({ name, type: 'int' });

const LSH_COLUMNS = [text('band'), text('article_id')];
const ACTOR_COLUMNS = [text('id'), text('name'), text('type'), text('cameo')];
const ARTICLE_ACTOR_COLUMNS = [
  text('article_id'),
  text('local_id'),
  text('actor_id'),
  { name: 'roles', type: 'json' } as const,
];
const QUOTE_COLUMNS = [
  ...['article_id', 'attribution_id', 'speaker', 'speaker_actor', 'cue', 'content', 'kind', 'stance'].map(
    text,
  ),
  int('start'),
  int('"end"'),
  ...['outlet', 'published', 'title', 'within_id'].map(text),
];
/** The fields of a quote's index row, in the order of their columns after article_id. */
const QUOTE_FIELDS: readonly (keyof QuoteRow)[] = [
  ...(['attributionId', 'speaker', 'speakerActor', 'cue', 'content', 'kind', 'stance'] as const),
  ...(['start', 'end'] as const),
];
const EVENT_COLUMNS = [
  ...['article_id', 'event_id', 'cameo', 'root'].map(text),
  int('quad_class'),
  { name: 'goldstein', type: 'float' } as const,
  ...[
    'source_text',
    'source_actor',
    'source_code',
    'target_text',
    'target_actor',
    'target_code',
    'trigger',
  ].map(text),
  int('start'),
  int('"end"'),
  ...['day', 'outlet', 'title'].map(text),
];

/** The fields of an event's index row, in the order of their columns after article_id. */
const EVENT_FIELDS: readonly (keyof EventRow)[] = [
  ...(['eventId', 'cameo', 'root', 'quadClass', 'goldstein'] as const),
  ...(['sourceText', 'sourceActor', 'sourceCode', 'targetText', 'targetActor', 'targetCode'] as const),
  ...(['trigger', 'start', 'end', 'day'] as const),
];

/**
 * An article's row (a new one, or the stored one rewritten in place when its text is the same), its
 * index rows and its place in the search index; then the hooks.
 */
export async function writeArticle(
  w: WriteContext,
  id: string,
  input: ArticleInput,
  analysis: Analysis,
  mode: 'insert' | 'update',
): Promise<void> {
  const indexed = indexAnalysis(analysis);
  const row = articleRow(id, input, analysis, { kind: 'new' }, indexed.quotes.length);
  const columns = `${ARTICLE_INSERT_COLUMNS}, input_order, ingested_at`;
  const values = [...row.values, input.inputOrder ?? null, w.now];
  const placeholders = values.map(() => '?').join(', ');
  if (mode === 'insert') await w.db.run(`INSERT INTO articles (${columns}) VALUES (${placeholders})`, values);
  else await w.db.run(`UPDATE articles SET (${columns}) = (${placeholders}) WHERE id = ?`, [...values, id]);
  await insertIndexRows(w, id, input, analysis, indexed, row);
}

async function insertIndexRows(
  w: WriteContext,
  id: string,
  input: ArticleInput,
  analysis: Analysis,
  indexed: IndexedAnalysis,
  row: { title: string | null; published: string | null; outlet: string | null },
): Promise<void> {
  const { db } = w;
  const { title, published, outlet } = row;
  const insert = db.dialect.insertRows.bind(db.dialect, db);
  if (input.lshKeys?.length)
    await insert(
      'lsh',
      LSH_COLUMNS,
      [...new Set(input.lshKeys)].map((band) => [band, id]),
      'ON CONFLICT DO NOTHING',
    );
  await insert(
    'actors',
    ACTOR_COLUMNS,
    distinctActors(indexed.actors).map((a) => [a.actorId, a.name, a.type, a.cameo]),
    'ON CONFLICT (id) DO UPDATE SET cameo = coalesce(excluded.cameo, actors.cameo)',
  );
  await insert(
    'article_actors',
    ARTICLE_ACTOR_COLUMNS,
    indexed.actors.map((a) => [id, a.localId, a.actorId, JSON.stringify(a.roles)]),
    'ON CONFLICT (article_id, local_id) DO UPDATE SET actor_id = excluded.actor_id, roles = excluded.roles',
  );
  await insert(
    'quotes',
    QUOTE_COLUMNS,
    indexed.quotes.map((q) => [id, ...QUOTE_FIELDS.map((f) => q[f]), outlet, published, title, q.within]),
  );
  await insert(
    'events',
    EVENT_COLUMNS,
    indexed.events.map((e) => [id, ...EVENT_FIELDS.map((f) => e[f]), outlet, title]),
    'ON CONFLICT DO NOTHING',
  );
  await db.dialect.search.indexArticle(db, id);
  const article = { id, key: input.key, outlet, published, analysis };
  for (const hook of w.hooks) await hook.stored(db, article);
}

/**
 * One row per store-wide actor, in id order (two writers upserting the same actors lock them in the
 * same order): the first name and type the article gives it, the last CAMEO code it states.
 */
function distinctActors(actors: readonly ActorRow[]): ActorRow[] {
  const byId = new Map<string, ActorRow>();
  for (const a of actors) {
    const seen = byId.get(a.actorId);
    byId.set(a.actorId, seen ? { ...seen, cameo: a.cameo ?? seen.cameo } : a);
  }
  return [...byId.values()].sort((a, b) => (a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : 0));
}

/** Removes an article's index rows (search index, bands, actors, quotes, events); the row stays. */
export async function deleteIndexRows(db: SqlRunner, id: string): Promise<void> {
  await db.dialect.search.unindexArticle(db, id);
  for (const table of ['quotes', 'events', 'article_actors', 'lsh'])
    await db.run(`DELETE FROM ${table} WHERE article_id = ?`, [id]);
}
