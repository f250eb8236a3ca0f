import type pg from 'pg';
import { z } from 'zod';
import { IngestItemSchema, isIngestProblem, type IngestItem, type IngestProblem } from '../ingest/types.js';
import { checkText } from '../model/input.js';
import { migrate } from '../store/postgres/index.js';
import { checkStorable } from '../store/rules.js';
import { QUEUE_MIGRATIONS } from './schema.js';

/**
 * A durable job queue in PostgreSQL (`SELECT … FOR UPDATE SKIP LOCKED`): any number of worker
 * processes on any machines that reach the database take jobs without ever taking the same one.
 * A claimed job is leased; a worker that dies (kill -9, power loss) stops renewing the lease and the
 * job returns to the queue when it expires. A failing job is retried with exponential backoff and,
 * after its last attempt, kept in the dead-letter list with every error.
 *
 * The attempt number is the lease's fencing token: a worker finishes a job only while the row still
 * says running, same attempt, same worker — checked under a row lock in the transaction that stores
 * the article, so a worker that lost its lease can never store or finish it twice.
 */

export interface QueueOptions {
  /** How long a claimed job stays leased without a heartbeat (ms). Default 60 s. */
  leaseMs?: number;
  /** Delay before the first retry (ms); doubled each further attempt. Default 5 s. */
  backoffMs?: number;
  /** Longest delay between retries (ms). Default 10 min. */
  maxBackoffMs?: number;
}

export interface JobCounts {
  /** Waiting to run, including retries waiting out their backoff. */
  queued: number;
  running: number;
  /** The dead-letter list: jobs that used up their attempts or failed permanently. */
  failed: number;
  done: number;
}

export interface ClaimedJob {
  id: string;
  key: string;
  /** 1 for the first try; also the lease's fencing token. */
  attempt: number;
  maxAttempts: number;
  /** The job's payload as stored: validate before use (`IngestItemSchema`). */
  payload: unknown;
}

export interface DeadLetter {
  id: string;
  key: string;
  attempts: number;
  error: string | null;
  /** Every attempt's error, oldest first. */
  errors: { attempt: number; error: string; at: string }[];
  failedAt: string | null;
}

export interface EnqueueResult {
  enqueued: number;
  /** Keys already queued, running, done or dead (enqueueing is idempotent by key). */
  alreadyQueued: number;
  /** The reader's problems passed in, and items refused before enqueueing (empty, binary or NUL-bearing text). */
  problems: IngestProblem[];
}

const DEFAULTS = { leaseMs: 60_000, backoffMs: 5_000, maxBackoffMs: 600_000 } as const;
/** The most items or payload characters in one INSERT. */
const BATCH_ITEMS = 500;
const BATCH_CHARS = 8_000_000;
/** Longest error text kept per attempt. */
const MAX_ERROR_CHARS = 2000;

const ErrorsSchema = z.array(z.object({ attempt: z.number(), error: z.string(), at: z.string() }));

export class JobQueue {
  readonly leaseMs: number;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;

  private constructor(
    readonly pool: pg.Pool,
    options: QueueOptions,
  ) {
    this.leaseMs = positive(options.leaseMs, DEFAULTS.leaseMs);
    this.backoffMs = positive(options.backoffMs, DEFAULTS.backoffMs);
    this.maxBackoffMs = positive(options.maxBackoffMs, DEFAULTS.maxBackoffMs);
  }

  /** The queue in the pool's database, its table created or migrated first. */
  static async open(pool: pg.Pool, options: QueueOptions = {}): Promise<JobQueue> {
    await migrate(pool, 'queue', QUEUE_MIGRATIONS);
    return new JobQueue(pool, options);
  }

  /**
   * Enqueues articles to analyse and store, in batched inserts; a key already known to the queue is
   * skipped, so enqueueing the same input again adds nothing.
   */
  async enqueueIngest(
    items: Iterable<IngestItem | IngestProblem> | AsyncIterable<IngestItem | IngestProblem>,
    options: { maxAttempts?: number } = {},
  ): Promise<EnqueueResult> {
    const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? 5));
    const result: EnqueueResult = { enqueued: 0, alreadyQueued: 0, problems: [] };
    let batch: IngestItem[] = [];
    let chars = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const { rowCount } = await this.pool.query(
        `INSERT INTO jobs (kind, key, payload, max_attempts)
         SELECT 'ingest', x->>'key', x, $2 FROM jsonb_array_elements($1::jsonb) x
         ON CONFLICT (kind, key) DO NOTHING`,
        [JSON.stringify(batch), maxAttempts],
      );
      result.enqueued += rowCount ?? 0;
      result.alreadyQueued += batch.length - (rowCount ?? 0);
      batch = [];
      chars = 0;
    };
    const seen = new Set<string>();
    for await (const raw of items) {
      // Problems of the reader (an unreadable file, a dead URL) pass straight through to the result.
      if (isIngestProblem(raw)) {
        result.problems.push(raw);
        continue;
      }
      const parsed = IngestItemSchema.safeParse(raw);
      if (!parsed.success) {
        result.problems.push({
          where: keyOf(raw),
          reason: `not an ingest item: ${parsed.error.issues[0]?.message}`,
        });
        continue;
      }
      const item = parsed.data;
      // Empty, huge or binary text, and NUL anywhere (the stores' one rule; jsonb cannot hold it
      // either), are refused now rather than dead-lettered later by a worker.
      try {
        checkText(item.text);
        checkStorable(item);
      } catch (err) {
        result.problems.push({ where: item.key, reason: err instanceof Error ? err.message : String(err) });
        continue;
      }
      // Two items with one key in a batch would make the INSERT touch a row twice.
      if (seen.has(item.key)) {
        result.alreadyQueued++;
        continue;
      }
      seen.add(item.key);
      batch.push(item);
      chars += item.text.length;
      if (batch.length >= BATCH_ITEMS || chars >= BATCH_CHARS) {
        await flush();
        seen.clear();
      }
    }
    await flush();
    return result;
  }

  /**
   * Returns jobs whose lease expired (their worker died or hung) to the queue, or to the dead-letter
   * list when that was their last attempt. Rows a live worker is finishing right now are locked and skipped.
   */
  async reapExpired(): Promise<{ requeued: number; dead: number }> {
    const { rows } = await this.pool.query<{ state: string }>(
      `WITH expired AS (
         SELECT id FROM jobs WHERE state = 'running' AND lease_until < now() FOR UPDATE SKIP LOCKED
       )
       UPDATE jobs j SET
         state = CASE WHEN j.attempts >= j.max_attempts THEN 'failed' ELSE 'queued' END,
         finished_at = CASE WHEN j.attempts >= j.max_attempts THEN now() END,
         run_at = now(), lease_until = NULL,
         last_error = 'lease expired: worker ' || coalesce(j.worker, '?') || ' stopped during attempt ' || j.attempts,
         errors = j.errors || jsonb_build_array(jsonb_build_object('attempt', j.attempts, 'at', now(),
           'error', 'lease expired: worker ' || coalesce(j.worker, '?') || ' stopped during attempt ' || j.attempts))
       FROM expired WHERE j.id = expired.id
       RETURNING j.state`,
    );
    return {
      requeued: rows.filter((r) => r.state === 'queued').length,
      dead: rows.filter((r) => r.state === 'failed').length,
    };
  }

  /** Leases up to `n` ready jobs to `worker`, oldest first; never a job another worker holds. */
  async claim(worker: string, n: number): Promise<ClaimedJob[]> {
    if (n < 1) return [];
    await this.reapExpired();
    const { rows } = await this.pool.query<{
      id: string;
      key: string;
      payload: unknown;
      attempts: number;
      max_attempts: number;
    }>(
      `WITH picked AS (
         SELECT id FROM jobs WHERE state = 'queued' AND run_at <= now() ORDER BY run_at, id
         LIMIT $1 FOR UPDATE SKIP LOCKED
       )
       UPDATE jobs j SET state = 'running', attempts = j.attempts + 1, worker = $2, started_at = now(),
         lease_until = now() + make_interval(secs => $3::float8 / 1000)
       FROM picked WHERE j.id = picked.id
       RETURNING j.id, j.key, j.payload, j.attempts, j.max_attempts`,
      [Math.floor(n), worker, this.leaseMs],
    );
    return rows
      .map((r) => ({
        id: String(r.id),
        key: r.key,
        attempt: r.attempts,
        maxAttempts: r.max_attempts,
        payload: r.payload,
      }))
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Renews the leases `worker` holds on these jobs; returns how many it still holds. */
  async heartbeat(worker: string, jobs: readonly ClaimedJob[]): Promise<number> {
    if (jobs.length === 0) return 0;
    const { rowCount } = await this.pool.query(
      `UPDATE jobs SET lease_until = now() + make_interval(secs => $3::float8 / 1000)
       FROM unnest($1::bigint[], $2::int[]) AS held(id, attempt)
       WHERE jobs.id = held.id AND jobs.attempts = held.attempt AND jobs.state = 'running' AND jobs.worker = $4`,
      [jobs.map((j) => j.id), jobs.map((j) => j.attempt), this.leaseMs, worker],
    );
    return rowCount ?? 0;
  }

  /**
   * Inside the caller's transaction: locks the job's row and says whether `worker` still holds this
   * attempt. Call first in the transaction that stores the job's result, then `markDone` in it.
   */
  async stillHeld(client: pg.PoolClient, worker: string, job: ClaimedJob): Promise<boolean> {
    const { rows } = await client.query(
      `SELECT 1 FROM jobs WHERE id = $1 AND state = 'running' AND attempts = $2 AND worker = $3 FOR UPDATE`,
      [job.id, job.attempt, worker],
    );
    return rows.length === 1;
  }

  /**
   * Whether this very attempt already finished the job: after a connection dropped during COMMIT the
   * worker cannot know whether the commit landed, and asks before counting the job as lost.
   */
  async finishedBy(
    db: pg.Pool | pg.PoolClient,
    worker: string,
    job: ClaimedJob,
  ): Promise<Record<string, unknown> | null> {
    const { rows } = await db.query(
      `SELECT result FROM jobs WHERE id = $1 AND state = 'done' AND attempts = $2 AND worker = $3`,
      [job.id, job.attempt, worker],
    );
    return (rows[0]?.result as Record<string, unknown> | undefined) ?? null;
  }

  /** Inside the caller's transaction (after `stillHeld`): the job is done; its payload is dropped. */
  async markDone(client: pg.PoolClient, job: ClaimedJob, result: Record<string, unknown>): Promise<void> {
    await client.query(
      `UPDATE jobs SET state = 'done', payload = NULL, lease_until = NULL, finished_at = now(), result = $2
       WHERE id = $1`,
      [job.id, JSON.stringify(result)],
    );
  }

  /**
   * Records a failed attempt: back to the queue after an exponential backoff, or into the dead-letter
   * list when it was the last attempt or the failure is permanent (bad input: retrying cannot help).
   * Returns the job's new state, or null when the worker no longer held it.
   */
  async fail(
    worker: string,
    job: ClaimedJob,
    error: string,
    permanent = false,
  ): Promise<'queued' | 'failed' | null> {
    const message = error.replaceAll('\u0000', '').slice(0, MAX_ERROR_CHARS);
    const { rows } = await this.pool.query<{ state: 'queued' | 'failed' }>(
      `UPDATE jobs SET
         state = CASE WHEN $4::boolean OR attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
         finished_at = CASE WHEN $4::boolean OR attempts >= max_attempts THEN now() END,
         run_at = now() + make_interval(secs => least($6::float8, $5::float8 * power(2, attempts - 1)) / 1000),
         lease_until = NULL, last_error = $3::text,
         errors = errors || jsonb_build_array(jsonb_build_object('attempt', attempts, 'error', $3::text, 'at', now()))
       WHERE id = $1 AND state = 'running' AND attempts = $2 AND worker = $7
       RETURNING state`,
      [job.id, job.attempt, message, permanent, this.backoffMs, this.maxBackoffMs, worker],
    );
    return rows[0]?.state ?? null;
  }

  /** True when no job is waiting or running (retries waiting out a backoff count as waiting). */
  async isIdle(): Promise<boolean> {
    const { rows } = await this.pool.query(`SELECT 1 FROM jobs WHERE state IN ('queued', 'running') LIMIT 1`);
    return rows.length === 0;
  }

  stats(): Promise<JobCounts> {
    return queueStats(this.pool);
  }

  /** The dead-letter list, most recent first. */
  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    const { rows } = await this.pool.query(
      `SELECT id, key, attempts, last_error, errors, finished_at FROM jobs WHERE state = 'failed'
       ORDER BY finished_at DESC NULLS LAST, id DESC LIMIT $1`,
      [Math.max(1, Math.min(10_000, Math.floor(limit)))],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: String(r.id),
      key: String(r.key),
      attempts: Number(r.attempts),
      error: r.last_error === null ? null : String(r.last_error),
      errors: ErrorsSchema.parse(r.errors),
      failedAt: r.finished_at instanceof Date ? r.finished_at.toISOString() : null,
    }));
  }

  /** Puts dead letters (all, or those with these keys) back in the queue with fresh attempts. */
  async retryFailed(keys?: readonly string[]): Promise<number> {
    const { rowCount } = await this.pool.query(
      `UPDATE jobs SET state = 'queued', attempts = 0, run_at = now(), finished_at = NULL
       WHERE state = 'failed' AND ($1::text[] IS NULL OR key = ANY($1::text[]))`,
      [keys ? [...keys] : null],
    );
    return rowCount ?? 0;
  }

  /** Deletes done jobs finished before `before` (their articles stay stored); returns how many. */
  async pruneDone(before: Date): Promise<number> {
    const { rowCount } = await this.pool.query(`DELETE FROM jobs WHERE state = 'done' AND finished_at < $1`, [
      before,
    ]);
    return rowCount ?? 0;
  }
}

/**
 * Job counts for `newsgraph stats --json` (`jobs: {queued, running, failed, done}`); all zero when
 * the database has no queue yet. Each count but `done` reads a small partial index.
 */
export async function queueStats(pool: pg.Pool): Promise<JobCounts> {
  const { rows: exists } = await pool.query(`SELECT to_regclass('jobs') IS NOT NULL AS ok`);
  if (!exists[0]?.ok) return { queued: 0, running: 0, failed: 0, done: 0 };
  const { rows } = await pool.query(`SELECT
    (SELECT count(*) FROM jobs WHERE state = 'queued') AS queued,
    (SELECT count(*) FROM jobs WHERE state = 'running') AS running,
    (SELECT count(*) FROM jobs WHERE state = 'failed') AS failed,
    (SELECT count(*) FROM jobs WHERE state = 'done') AS done`);
  const r = rows[0] as Record<string, unknown>;
  return {
    queued: Number(r.queued),
    running: Number(r.running),
    failed: Number(r.failed),
    done: Number(r.done),
  };
}

/** Enqueues articles for the workers (what `newsgraph ingest --db postgres://…` does instead of analysing). */
export async function enqueueIngest(
  pool: pg.Pool,
  items: Iterable<IngestItem | IngestProblem> | AsyncIterable<IngestItem | IngestProblem>,
  options: { maxAttempts?: number } = {},
): Promise<EnqueueResult> {
  const queue = await JobQueue.open(pool);
  return queue.enqueueIngest(items, options);
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function keyOf(raw: unknown): string {
  const key = (raw as { key?: unknown } | null)?.key;
  return typeof key === 'string' ? key : '(no key)';
}
