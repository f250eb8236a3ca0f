import type { Migration } from '../sql/adapter.js';
import { inputOrderAndLength, POSTGRES_TYPES, sharedTables } from '../sql/schema.js';

/**
 * The store's PostgreSQL schema: the tables both backends share (`../sql/schema.ts`), plus articles
 * and quotes with generated tsvector columns and GIN indexes for full-text search, and the indexes
 * the API's filters use.
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
      ${sharedTables(POSTGRES_TYPES)}
      CREATE INDEX actors_name ON actors (lower(name));

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

      -- The API filters events by actor (either side, by id or CAMEO code), by code or root, and by date.
      CREATE INDEX events_source ON events (source_actor, day);
      CREATE INDEX events_target ON events (target_actor, day);
      CREATE INDEX events_source_code ON events (source_code);
      CREATE INDEX events_target_code ON events (target_code);
      CREATE INDEX events_day ON events (day);
      CREATE INDEX events_cameo ON events (cameo, day);
      CREATE INDEX events_root ON events (root, day);
    `,
  },
  { version: 2, sql: inputOrderAndLength('bigint', 'int') },
  {
    version: 3,
    // Filled from the stored analyses; only articles whose JSON names a `within` are parsed.
    sql: `ALTER TABLE quotes ADD COLUMN within_id text;
      UPDATE quotes q SET within_id = a ->> 'within'
      FROM articles ar, jsonb_array_elements(ar.analysis::jsonb -> 'attributions') a
      WHERE ar.id = q.article_id AND a ->> 'id' = q.attribution_id AND a ->> 'within' IS NOT NULL
        AND ar.analysis LIKE '%"within":%';`,
  },
];
