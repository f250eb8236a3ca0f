import type { Migration } from './migrate.js';

/**
 * The store's PostgreSQL schema. It mirrors the SQLite schema (src/store/sqlite/migrations.ts) table
 * for table so both stores answer the same queries the same way; full-text search uses generated
 * tsvector columns with GIN indexes instead of FTS5.
 */

/**
 * Characters of an article indexed for search: a tsvector is capped at 1 MB, and no query needs a
 * match past the first 200,000 characters of an article (the text itself is stored whole).
 */
export const SEARCH_CHARS = 200_000;

export const STORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE articles (
        seq bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        key text NOT NULL UNIQUE,
        url text, canonical_url text, title text, outlet text, published text, language text, feed text,
        text text NOT NULL,
        content_hash text NOT NULL UNIQUE,
        signature bytea,
        story_id text NOT NULL,
        copy_of text, copy_reason text, similarity double precision,
        analysis text NOT NULL,
        n_actors int NOT NULL, n_attributions int NOT NULL, n_events int NOT NULL,
        ingested_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
          to_tsvector('english', left(text, ${SEARCH_CHARS}))
        ) STORED
      );
      CREATE INDEX articles_canonical ON articles (canonical_url);
      CREATE INDEX articles_story ON articles (story_id);
      CREATE INDEX articles_copy_of ON articles (copy_of);
      CREATE INDEX articles_published ON articles (published DESC NULLS LAST, seq DESC);
      CREATE INDEX articles_outlet ON articles (lower(outlet));
      CREATE INDEX articles_search ON articles USING gin (search);

      -- Exact republications (same text or same canonical URL): metadata only, the text is stored once.
      CREATE TABLE copies (
        key text PRIMARY KEY,
        article_id text NOT NULL REFERENCES articles (id),
        reason text NOT NULL,
        url text, canonical_url text, title text, outlet text, published text,
        ingested_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX copies_article ON copies (article_id);
      CREATE INDEX copies_canonical ON copies (canonical_url);

      CREATE TABLE lsh (band text NOT NULL, article_id text NOT NULL, PRIMARY KEY (band, article_id));

      CREATE TABLE actors (id text PRIMARY KEY, name text NOT NULL, type text NOT NULL, cameo text);
      CREATE INDEX actors_name ON actors (lower(name));
      CREATE TABLE article_actors (
        article_id text NOT NULL, local_id text NOT NULL, actor_id text NOT NULL, roles jsonb NOT NULL,
        PRIMARY KEY (article_id, local_id)
      );
      CREATE INDEX article_actors_actor ON article_actors (actor_id);

      CREATE TABLE quotes (
        seq bigserial PRIMARY KEY,
        article_id text NOT NULL, attribution_id text NOT NULL,
        speaker text, speaker_actor text, cue text, content text NOT NULL,
        kind text NOT NULL, stance text NOT NULL, start int NOT NULL, "end" int NOT NULL,
        outlet text, published text, title text,
        search tsvector GENERATED ALWAYS AS (to_tsvector('english', left(content, ${SEARCH_CHARS}))) STORED
      );
      CREATE INDEX quotes_actor ON quotes (speaker_actor, published);
      CREATE INDEX quotes_article ON quotes (article_id);
      CREATE INDEX quotes_published ON quotes (published DESC NULLS LAST, seq);
      CREATE INDEX quotes_search ON quotes USING gin (search);

      CREATE TABLE events (
        article_id text NOT NULL, event_id text NOT NULL,
        cameo text NOT NULL, root text NOT NULL, quad_class int NOT NULL, goldstein double precision NOT NULL,
        source_text text, source_actor text, source_code text,
        target_text text, target_actor text, target_code text,
        trigger text NOT NULL, start int NOT NULL, "end" int NOT NULL,
        day text, outlet text, title text,
        PRIMARY KEY (article_id, event_id)
      );
      -- The API filters events by actor (either side, by id or CAMEO code), by code or root, and by date.
      CREATE INDEX events_source ON events (source_actor, day);
      CREATE INDEX events_target ON events (target_actor, day);
      CREATE INDEX events_source_code ON events (source_code);
      CREATE INDEX events_target_code ON events (target_code);
      CREATE INDEX events_day ON events (day);
      CREATE INDEX events_cameo ON events (cameo, day);
      CREATE INDEX events_root ON events (root, day);

      CREATE TABLE feeds (feed text PRIMARY KEY, etag text, last_modified text, last_poll text);
    `,
  },
  {
    // The originals rule compares input order (where each article came in its input); the text's
    // length is kept, so listing never counts a long text's characters again.
    version: 2,
    sql: `ALTER TABLE articles ADD COLUMN input_order bigint;
      ALTER TABLE articles ADD COLUMN n_chars int;
      UPDATE articles SET n_chars = length(text);`,
  },
];
