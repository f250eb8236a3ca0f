import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { IngestItemSchema, type IngestItem } from '../ingest/types.js';
import type { Analysis, ArticleMeta } from '../model/index.js';
import { analyze, checkText } from '../pipeline/index.js';
import type { AnalysisPool } from '../pipeline/pool.js';
import { articleInput, loadIngestApi, metaOf, type Fingerprinter } from '../store/ingest.js';
import {
  isConnectionError,
  openPostgresStore,
  redactUrl,
  type PostgresStore,
} from '../store/postgres/index.js';
import { MissingAnalysisError, type ArticleInput, type PutResult } from '../store/types.js';
import { JobQueue, type ClaimedJob, type QueueOptions } from './queue.js';

/**
 * A queue worker: takes ingest jobs from PostgreSQL, analyses each article and stores it, the store
 * write and the job's completion in one transaction (exactly once). Runs on any machine that reaches
 * the database; start as many as the load needs.
 *
 * Test-only fault hooks, off unless set (test/faults uses them on worker processes):
 * - NEWSGRAPH_FAULT_POISON=<marker>: the analyse step throws for every article whose text contains
 *   <marker> (a "poison" article), to exercise retries and the dead-letter list end to end;
 * - NEWSGRAPH_FAULT_DELAY_MS=<ms>: the analyse step first waits that long, so a test can kill a
 *   worker or stop the database while jobs are surely in flight.
 */

export const POISON_ENV = 'NEWSGRAPH_FAULT_POISON';
export const DELAY_ENV = 'NEWSGRAPH_FAULT_DELAY_MS';

export interface WorkerOptions extends QueueOptions {
  /** postgres:// URL of the store and queue. */
  db: string;
  /** Jobs in flight at once; above 1 the analyses run in a pool of as many threads. Default 1. */
  concurrency?: number;
  /** Exit once no job is queued or running, instead of waiting for more. */
  untilIdle?: boolean;
  /** Wait between polls of an empty queue (ms). Default 1 s. */
  pollMs?: number;
  /** Stops taking jobs when aborted; jobs in flight are finished first. */
  signal?: AbortSignal;
  /** One line per notable thing (outage, retry, dead letter); default: nothing. */
  log?: (line: string) => void;
  /** Name in the jobs table; default host:pid:random. */
  workerId?: string;
  /** Analyses in worker threads (else in this thread when concurrency is 1); the caller closes it. */
  pool?: AnalysisPool;
}

export interface WorkerSummary {
  worker: string;
  /** Jobs finished: stored, copies and already-stored keys. */
  done: number;
  stored: number;
  copies: number;
  alreadyStored: number;
  /** Failed attempts sent back for a retry. */
  retried: number;
  /** Jobs that ended in the dead-letter list. */
  deadLettered: number;
  /** Jobs this worker held when its lease was lost (another worker took over). */
  leaseLost: number;
  /** Times the database could not be reached (each waited out). */
  outages: number;
  /** Summed time of the analyses, and of the store transactions (store + mark done), in seconds. */
  analyseSeconds: number;
  storeSeconds: number;
  seconds: number;
  articlesPerSecond: number;
}

/** A failure that retrying cannot fix: the job goes straight to the dead-letter list. */
class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const worker = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const log = options.log ?? (() => undefined);
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const pollMs = Math.max(10, options.pollMs ?? 1000);
  const signal = options.signal;
  const started = performance.now();
  const summary: WorkerSummary = {
    worker,
    done: 0,
    stored: 0,
    copies: 0,
    alreadyStored: 0,
    retried: 0,
    deadLettered: 0,
    leaseLost: 0,
    outages: 0,
    analyseSeconds: 0,
    storeSeconds: 0,
    seconds: 0,
    articlesPerSecond: 0,
  };

  const store = await untilConnected(() =>
    openPostgresStore(options.db, { max: concurrency + 2, onIdleError: () => undefined }),
  );
  let queue: JobQueue;
  try {
    queue = await untilConnected(() => JobQueue.open(store.pool, options));
  } catch (err) {
    await store.close();
    throw err;
  }
  const fp: Fingerprinter = await loadIngestApi();
  const held = new Map<string, ClaimedJob>();
  let outage = false;

  /** Runs a database step, waiting out an outage (backoff up to 5 s) instead of failing the job. */
  async function withDb<T>(step: () => Promise<T>): Promise<T> {
    let wait = 250;
    for (;;) {
      try {
        const r = await step();
        if (outage) {
          outage = false;
          log(`database reachable again; resuming`);
        }
        return r;
      } catch (err) {
        if (!isConnectionError(err)) throw err;
        if (!outage) {
          outage = true;
          summary.outages++;
          log(`database unreachable (${err instanceof Error ? err.message : String(err)}); waiting`);
        }
        await sleep(wait);
        wait = Math.min(5000, wait * 2);
      }
    }
  }

  async function untilConnected<T>(step: () => Promise<T>): Promise<T> {
    // At start-up too: a worker started before its database comes up waits for it, until aborted.
    let wait = 250;
    for (;;) {
      try {
        return await step();
      } catch (err) {
        if (!isConnectionError(err) || signal?.aborted) throw err;
        log(
          `database ${redactUrl(options.db)} unreachable at start (${err instanceof Error ? err.message : String(err)}); waiting`,
        );
        await sleep(wait);
        wait = Math.min(5000, wait * 2);
      }
    }
  }

  const analyse = async (item: IngestItem, meta: ArticleMeta): Promise<Analysis> => {
    const marker = process.env[POISON_ENV];
    if (marker && item.text.includes(marker))
      throw new Error(`poison article: text contains the ${POISON_ENV} marker`);
    const delay = Number(process.env[DELAY_ENV] ?? 0);
    if (delay > 0) await sleep(Math.min(delay, 600_000));
    const t0 = performance.now();
    try {
      return options.pool ? await options.pool.run({ text: item.text, meta }) : analyze(item.text, meta);
    } finally {
      summary.analyseSeconds += (performance.now() - t0) / 1000;
    }
  };

  async function process1(job: ClaimedJob): Promise<void> {
    try {
      const parsed = IngestItemSchema.safeParse(job.payload);
      if (!parsed.success) throw new PermanentJobError(`bad job payload: ${parsed.error.issues[0]?.message}`);
      const item = parsed.data;
      try {
        checkText(item.text);
      } catch (err) {
        throw new PermanentJobError(err instanceof Error ? err.message : String(err));
      }
      const meta = metaOf(item);
      // The job's place in the queue is the article's input order (enqueued in input order).
      const input = articleInput(item, meta, fp, Number(job.id));
      const c = await withDb(() => store.classify(input));
      let analysis = c.kind === 'exists' || c.kind === 'copy' ? null : await analyse(item, meta);
      for (;;) {
        try {
          const t0 = performance.now();
          const result = await withDb(() => finish(store, queue, worker, job, input, analysis));
          summary.storeSeconds += (performance.now() - t0) / 1000;
          if (result === null) {
            summary.leaseLost++;
            log(`job ${job.key}: lease lost to another worker; dropped`);
          } else {
            summary.done++;
            if (result.status === 'stored') summary.stored++;
            else if (result.status === 'copy') summary.copies++;
            else summary.alreadyStored++;
          }
          return;
        } catch (err) {
          // A race: the article turned out to be new after all (its original vanished): analyse it now.
          if (err instanceof MissingAnalysisError && analysis === null) {
            analysis = await analyse(item, meta);
            continue;
          }
          throw err;
        }
      }
    } catch (err) {
      const message = errorText(err);
      const permanent =
        err instanceof PermanentJobError || (err instanceof Error && err.name === 'InputError');
      try {
        const state = await withDb(() => queue.fail(worker, job, message, permanent));
        if (state === 'failed') {
          summary.deadLettered++;
          log(`job ${job.key}: dead-lettered after attempt ${job.attempt}: ${message}`);
        } else if (state === 'queued') {
          summary.retried++;
          log(`job ${job.key}: attempt ${job.attempt} failed, will retry: ${message}`);
        } else summary.leaseLost++;
      } catch (failErr) {
        // Even recording the failure failed: the lease runs out and the job is retried from the queue.
        log(
          `job ${job.key}: could not record its failure (${failErr instanceof Error ? failErr.message : String(failErr)})`,
        );
      }
    } finally {
      held.delete(job.id);
    }
  }

  // Renews the leases of jobs in flight (a third of the lease apart), also while waiting out an outage.
  const heartbeat = setInterval(
    () => {
      const jobs = [...held.values()];
      if (jobs.length > 0) void queue.heartbeat(worker, jobs).catch(() => undefined);
    },
    Math.max(50, Math.floor(queue.leaseMs / 3)),
  );
  heartbeat.unref();

  const inFlight = new Set<Promise<void>>();
  try {
    while (!signal?.aborted) {
      const free = concurrency - inFlight.size;
      const jobs = free > 0 ? await withDb(() => queue.claim(worker, free)) : [];
      for (const job of jobs) {
        held.set(job.id, job);
        const p = process1(job).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      if (inFlight.size >= concurrency) {
        await Promise.race(inFlight);
        continue;
      }
      if (jobs.length > 0) continue;
      if (inFlight.size === 0 && options.untilIdle && (await withDb(() => queue.isIdle()))) break;
      // Nothing ready: wait for a job of ours to finish or for the next poll, whichever comes first.
      await Promise.race([
        ...inFlight,
        sleep(pollMs, undefined, signal ? { signal } : {}).catch(() => undefined),
      ]);
    }
    await Promise.allSettled(inFlight);
  } finally {
    clearInterval(heartbeat);
    await store.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  summary.articlesPerSecond =
    summary.seconds > 0 ? Math.round((summary.done / summary.seconds) * 10) / 10 : 0;
  return summary;
}

/** Stores the article and marks its job done in one transaction; null when the lease was lost. */
async function finish(
  store: PostgresStore,
  queue: JobQueue,
  worker: string,
  job: ClaimedJob,
  input: ArticleInput,
  analysis: Analysis | null,
): Promise<PutResult | null> {
  return store.transaction(async (client) => {
    if (!(await queue.stillHeld(client, worker, job))) {
      // Our own earlier commit may have landed with its reply lost (connection dropped at COMMIT).
      const earlier = await queue.finishedBy(client, worker, job);
      return earlier ? PutResultSchema.parse(earlier) : null;
    }
    const result = await store.putArticleIn(client, input, analysis);
    await queue.markDone(client, job, {
      status: result.status,
      articleId: result.articleId,
      storyId: result.storyId,
    });
    return result;
  });
}

/**
 * An error as one text for the dead-letter list. Errors from worker threads can arrive with an empty
 * message (a ZodError's lives in its stack), so the stack's head stands in for it.
 */
export function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  if (err.message) return err.name && err.name !== 'Error' ? `${err.name}: ${err.message}` : err.message;
  const head = (err.stack ?? '')
    .split('\n')
    .filter((l) => !/^\s+at /.test(l))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return head || err.name || 'unknown error';
}

/** What markDone records as a job's result. */
const PutResultSchema = z.object({
  status: z.enum(['stored', 'exists', 'copy']),
  articleId: z.string(),
  storyId: z.string(),
});
