/**
 * The tables both backends keep alike, written once: each backend's first migration
 * (`../sqlite/migrations.ts`, `../postgres/migrations.ts`) adds its own articles and quotes tables
 * (insertion order, full-text search) and its own indexes.
 */

/** How a backend spells the column types and options of the shared tables. */
export interface SchemaTypes {
  text: string;
  int: string;
  real: string;
  json: string;
  /** A stored time, filled by the writer (SQLite) or defaulting to now (PostgreSQL). */
  stamp: string;
  /** Table option of key-only tables (SQLite: WITHOUT ROWID). */
  keyOnly: string;
}

export const SQLITE_TYPES: SchemaTypes = {
  text: 'TEXT',
  int: 'INTEGER',
  real: 'REAL',
  json: 'TEXT',
  stamp: 'TEXT NOT NULL',
  keyOnly: ' WITHOUT ROWID',
};

export const POSTGRES_TYPES: SchemaTypes = {
  text: 'text',
  int: 'int',
  real: 'double precision',
  json: 'jsonb',
  stamp: 'timestamptz NOT NULL DEFAULT now()',
  keyOnly: '',
};

/** Exact copies, LSH bands, actors, article actors, events and feed checkpoints. */
export function sharedTables(t: SchemaTypes): string {
  return `
    -- Exact republications (same text or same canonical URL): metadata only, the text is stored once.
    CREATE TABLE copies (
      key ${t.text} PRIMARY KEY,
      article_id ${t.text} NOT NULL REFERENCES articles (id),
      reason ${t.text} NOT NULL,
      url ${t.text}, canonical_url ${t.text}, title ${t.text}, outlet ${t.text}, published ${t.text},
      ingested_at ${t.stamp}
    );
    CREATE INDEX copies_article ON copies (article_id);
    CREATE INDEX copies_canonical ON copies (canonical_url);

    CREATE TABLE lsh (band ${t.text} NOT NULL, article_id ${t.text} NOT NULL, PRIMARY KEY (band, article_id))${t.keyOnly};

    CREATE TABLE actors (id ${t.text} PRIMARY KEY, name ${t.text} NOT NULL, type ${t.text} NOT NULL, cameo ${t.text});
    CREATE TABLE article_actors (
      article_id ${t.text} NOT NULL, local_id ${t.text} NOT NULL, actor_id ${t.text} NOT NULL, roles ${t.json} NOT NULL,
      PRIMARY KEY (article_id, local_id)
    );
    CREATE INDEX article_actors_actor ON article_actors (actor_id);

    CREATE TABLE events (
      article_id ${t.text} NOT NULL, event_id ${t.text} NOT NULL,
      cameo ${t.text} NOT NULL, root ${t.text} NOT NULL, quad_class ${t.int} NOT NULL, goldstein ${t.real} NOT NULL,
      source_text ${t.text}, source_actor ${t.text}, source_code ${t.text},
      target_text ${t.text}, target_actor ${t.text}, target_code ${t.text},
      trigger ${t.text} NOT NULL, start ${t.int} NOT NULL, "end" ${t.int} NOT NULL,
      day ${t.text}, outlet ${t.text}, title ${t.text},
      PRIMARY KEY (article_id, event_id)
    );

    CREATE TABLE feeds (feed ${t.text} PRIMARY KEY, etag ${t.text}, last_modified ${t.text}, last_poll ${t.text});
  `;
}

/**
 * Version 2 of both schemas: the originals rule compares input order (where each article came in its
 * input); the text's length is kept, so listing never counts a long text's characters again.
 */
export function inputOrderAndLength(bigint: string, int: string): string {
  return `ALTER TABLE articles ADD COLUMN input_order ${bigint};
      ALTER TABLE articles ADD COLUMN n_chars ${int};
      UPDATE articles SET n_chars = length(text);`;
}
