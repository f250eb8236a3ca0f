import type Database from 'better-sqlite3';

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

      -- Exact republications (same text or same canonical URL): metadata only, the text is stored once.
      CREATE TABLE copies (
        key TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        reason TEXT NOT NULL,
        url TEXT, canonical_url TEXT, title TEXT, outlet TEXT, published TEXT,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX copies_article ON copies(article_id);
      CREATE INDEX copies_canonical ON copies(canonical_url);

      CREATE TABLE lsh (band TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (band, article_id)) WITHOUT ROWID;

      CREATE TABLE actors (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, cameo TEXT);
      CREATE TABLE article_actors (
        article_id TEXT NOT NULL, local_id TEXT NOT NULL, actor_id TEXT NOT NULL, roles TEXT NOT NULL,
        PRIMARY KEY (article_id, local_id)
      );
      CREATE INDEX article_actors_actor ON article_actors(actor_id);

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

      CREATE TABLE events (
        article_id TEXT NOT NULL, event_id TEXT NOT NULL,
        cameo TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
        source_text TEXT, source_actor TEXT, source_code TEXT,
        target_text TEXT, target_actor TEXT, target_code TEXT,
        trigger TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        day TEXT, outlet TEXT, title TEXT,
        PRIMARY KEY (article_id, event_id)
      );
      CREATE INDEX events_source ON events(source_actor);
      CREATE INDEX events_target ON events(target_actor);
      CREATE INDEX events_day ON events(day);
      CREATE INDEX events_cameo ON events(cameo);

      CREATE TABLE feeds (feed TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_poll TEXT);
    `,
  },
  {
    // The originals rule compares input order (where each article came in its input); the text's
    // length is kept, so listing never counts a long text's characters again.
    version: 2,
    sql: `ALTER TABLE articles ADD COLUMN input_order INTEGER;
      ALTER TABLE articles ADD COLUMN n_chars INTEGER;
      UPDATE articles SET n_chars = length(text);`,
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
