import type Database from 'better-sqlite3';
import { inputOrderAndLength, sharedTables, SQLITE_TYPES } from '../sql/schema.js';

/**
 * Versioned schema migrations, applied in order inside one transaction each; the applied version is
 * kept in `PRAGMA user_version`, so an old database is upgraded on open and a newer one is refused.
 */
export const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        key TEXT NOT NULL UNIQUE,
        url TEXT, canonical_url TEXT, title TEXT, outlet TEXT, published TEXT, language TEXT, feed TEXT,
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        signature BLOB,
        story_id TEXT NOT NULL,
        copy_of TEXT, copy_reason TEXT, similarity REAL,
        analysis TEXT NOT NULL,
        n_actors INTEGER NOT NULL, n_attributions INTEGER NOT NULL, n_events INTEGER NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX articles_canonical ON articles(canonical_url);
      CREATE INDEX articles_story ON articles(story_id);
      CREATE INDEX articles_copy_of ON articles(copy_of);
      CREATE INDEX articles_published ON articles(published);
      CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
      ${sharedTables(SQLITE_TYPES)}
      CREATE TABLE quotes (
        rowid INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL, attribution_id TEXT NOT NULL,
        speaker TEXT, speaker_actor TEXT, cue TEXT, content TEXT NOT NULL,
        kind TEXT NOT NULL, stance TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        outlet TEXT, published TEXT, title TEXT
      );
      CREATE INDEX quotes_actor ON quotes(speaker_actor);
      CREATE INDEX quotes_article ON quotes(article_id);
      CREATE VIRTUAL TABLE quotes_fts USING fts5(content, speaker, content='quotes', content_rowid='rowid');

      CREATE INDEX events_source ON events(source_actor);
      CREATE INDEX events_target ON events(target_actor);
      CREATE INDEX events_day ON events(day);
      CREATE INDEX events_cameo ON events(cameo);
    `,
  },
  { version: 2, sql: inputOrderAndLength('INTEGER', 'INTEGER') },
  {
    version: 3,
    // Filled from the stored analyses; only articles whose JSON names a `within` are parsed.
    sql: `ALTER TABLE quotes ADD COLUMN within_id TEXT;
      UPDATE quotes SET within_id = (
        SELECT json_extract(a.value, '$.within')
        FROM articles ar, json_each(ar.analysis, '$.attributions') a
        WHERE ar.id = quotes.article_id AND json_extract(a.value, '$.id') = quotes.attribution_id
      )
      WHERE article_id IN (SELECT id FROM articles WHERE analysis LIKE '%"within":%');`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `the database has schema version ${current}, newer than this newsgraph (${SCHEMA_VERSION}): upgrade newsgraph`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
