import type { Migration } from '../store/postgres/index.js';

/**
 * The job queue's table, beside the store's tables in the same database and schema. A job is one
 * article to analyse and store, identified by the article key (enqueueing a key twice is a no-op).
 *
 * States: queued (ready at run_at; a retry waits out its backoff there) → running (leased to one
 * worker until lease_until) → done (payload dropped, result kept) or failed (the dead-letter list,
 * with every attempt's error). A running job whose lease expires goes back to queued.
 */
export const QUEUE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE jobs (
        id bigserial PRIMARY KEY,
        kind text NOT NULL DEFAULT 'ingest',
        key text NOT NULL,
        payload jsonb,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        max_attempts int NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
        run_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        worker text,
        last_error text,
        errors jsonb NOT NULL DEFAULT '[]',
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        UNIQUE (kind, key)
      );
      -- Partial indexes keep claiming, lease expiry and the dead-letter list fast however many jobs are done.
      CREATE INDEX jobs_ready ON jobs (run_at, id) WHERE state = 'queued';
      CREATE INDEX jobs_leased ON jobs (lease_until) WHERE state = 'running';
      CREATE INDEX jobs_failed ON jobs (finished_at DESC) WHERE state = 'failed';
      CREATE INDEX jobs_done ON jobs (finished_at) WHERE state = 'done';
    `,
  },
];
