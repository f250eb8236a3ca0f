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
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { IngestItemSchema, type IngestItem } from '../ingest/types.js';
import type { Analysis, ArticleMeta } from '../model/index.js';
import type { AnalysisPool } from '../pipeline/pool.js';
import { attachCorpus, CORPUS_ANALYSES } from '../corpus/index.js';
import { JobQueue, type ClaimedJob, type QueueOptions } from '../queue/index.js';
import {
  isConnectionError,
  openPostgresStore,
  redactUrl,
  type PostgresStore,
} from '../store/postgres/index.js';
import type { ArticleInput, PutResult } from '../store/types.js';
import {
  analyzeHere,
  checkItem,
  loadIngestApi,
  prepareItem,
  storeArticle,
  type Fingerprinter,
} from './item.js';

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
  const worker = await QueueWorker.open(options);
  return worker.run();
}

/** Runs a database step, waiting out an outage (backoff up to 5 s); `onWait` is told of each failure. */
async function untilReachable<T>(
  step: () => Promise<T>,
  onWait: (err: unknown) => void,
  giveUp: () => boolean = () => false,
): Promise<T> {
  let wait = 250;
  for (;;) {
    try {
      return await step();
    } catch (err) {
      if (!isConnectionError(err) || giveUp()) throw err;
      onWait(err);
      await sleep(wait);
      wait = Math.min(5000, wait * 2);
    }
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

class QueueWorker {
  private readonly summary: WorkerSummary;
  private readonly held = new Map<string, ClaimedJob>();
  private readonly log: (line: string) => void;
  private outage = false;
  private readonly started = performance.now();

  private constructor(
    private readonly options: WorkerOptions,
    private readonly store: PostgresStore,
    private readonly queue: JobQueue,
    private readonly fp: Fingerprinter,
    private readonly id: string,
  ) {
    this.log = options.log ?? (() => undefined);
    this.summary = {
      worker: id,
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
  }

  /** Connects (waiting for a database that is not up yet, until aborted) and opens the queue. */
  static async open(options: WorkerOptions): Promise<QueueWorker> {
    const id = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    const log = options.log ?? (() => undefined);
    const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
    const atStart = (err: unknown) =>
      log(`database ${redactUrl(options.db)} unreachable at start (${message(err)}); waiting`);
    const aborted = () => options.signal?.aborted === true;
    const store = await untilReachable(
      () => openPostgresStore(options.db, { max: concurrency + 2, onIdleError: () => undefined }),
      atStart,
      aborted,
    );
    try {
      await attachCorpus(store, CORPUS_ANALYSES);
      const queue = await untilReachable(() => JobQueue.open(store.pool, options), atStart, aborted);
      return new QueueWorker(options, store, queue, await loadIngestApi(), id);
    } catch (err) {
      await store.close();
      throw err;
    }
  }

  /** Runs a database step, waiting out an outage instead of failing the job. */
  private async withDb<T>(step: () => Promise<T>): Promise<T> {
    const result = await untilReachable(step, (err) => {
      if (this.outage) return;
      this.outage = true;
      this.summary.outages++;
      this.log(`database unreachable (${message(err)}); waiting`);
    });
    if (this.outage) {
      this.outage = false;
      this.log(`database reachable again; resuming`);
    }
    return result;
  }

  /** Takes jobs until aborted (or idle, with untilIdle), at most `concurrency` in flight. */
  async run(): Promise<WorkerSummary> {
    const { signal } = this.options;
    const concurrency = Math.max(1, Math.floor(this.options.concurrency ?? 1));
    const pollMs = Math.max(10, this.options.pollMs ?? 1000);
    const heartbeat = this.startHeartbeat();
    const inFlight = new Set<Promise<void>>();
    try {
      while (!signal?.aborted) {
        const free = concurrency - inFlight.size;
        const jobs = free > 0 ? await this.withDb(() => this.queue.claim(this.id, free)) : [];
        for (const job of jobs) {
          this.held.set(job.id, job);
          const p = this.process(job).finally(() => inFlight.delete(p));
          inFlight.add(p);
        }
        if (inFlight.size >= concurrency) {
          await Promise.race(inFlight);
          continue;
        }
        if (jobs.length > 0) continue;
        if (inFlight.size === 0 && this.options.untilIdle && (await this.withDb(() => this.queue.isIdle())))
          break;
        // Nothing ready: wait for a job of ours to finish or for the next poll, whichever comes first.
        await Promise.race([
          ...inFlight,
          sleep(pollMs, undefined, signal ? { signal } : {}).catch(() => undefined),
        ]);
      }
      await Promise.allSettled(inFlight);
    } finally {
      clearInterval(heartbeat);
      await this.store.close();
    }
    const s = this.summary;
    s.seconds = (performance.now() - this.started) / 1000;
    s.articlesPerSecond = s.seconds > 0 ? Math.round((s.done / s.seconds) * 10) / 10 : 0;
    return s;
  }

  /** Renews the leases of jobs in flight (a third of the lease apart), also while waiting out an outage. */
  private startHeartbeat(): NodeJS.Timeout {
    const timer = setInterval(
      () => {
        const jobs = [...this.held.values()];
        if (jobs.length > 0) void this.queue.heartbeat(this.id, jobs).catch(() => undefined);
      },
      Math.max(50, Math.floor(this.queue.leaseMs / 3)),
    );
    timer.unref();
    return timer;
  }

  /** One job: the store-an-item protocol, its put being the transaction that also finishes the job. */
  private async process(job: ClaimedJob): Promise<void> {
    try {
      const parsed = IngestItemSchema.safeParse(job.payload);
      if (!parsed.success) throw new PermanentJobError(`bad job payload: ${parsed.error.issues[0]?.message}`);
      const item = parsed.data;
      try {
        checkItem(item);
      } catch (err) {
        throw new PermanentJobError(message(err));
      }
      // The job's place in the queue is the article's input order (enqueued in input order).
      const { meta, input } = prepareItem(item, this.fp, Number(job.id));
      const { result } = await storeArticle(input, {
        classify: (x) => this.withDb(() => this.store.classify(x)),
        analyse: () => this.analyse(item, meta),
        put: (x, analysis) => this.finish(job, x, analysis),
      });
      this.count(job, result);
    } catch (err) {
      await this.recordFailure(job, err);
    } finally {
      this.held.delete(job.id);
    }
  }

  private async analyse(item: IngestItem, meta: ArticleMeta): Promise<Analysis> {
    const marker = process.env[POISON_ENV];
    if (marker && item.text.includes(marker))
      throw new Error(`poison article: text contains the ${POISON_ENV} marker`);
    const delay = Number(process.env[DELAY_ENV] ?? 0);
    if (delay > 0) await sleep(Math.min(delay, 600_000));
    const t0 = performance.now();
    try {
      const pool = this.options.pool;
      return pool ? await pool.run({ text: item.text, meta }) : await analyzeHere(item.text, meta);
    } finally {
      this.summary.analyseSeconds += (performance.now() - t0) / 1000;
    }
  }

  /** Stores the article and marks its job done in one transaction; null when the lease was lost. */
  private async finish(
    job: ClaimedJob,
    input: ArticleInput,
    analysis: Analysis | null,
  ): Promise<PutResult | null> {
    const t0 = performance.now();
    const result = await this.withDb(() =>
      this.store.transaction(async (client) => {
        if (!(await this.queue.stillHeld(client, this.id, job))) {
          // Our own earlier commit may have landed with its reply lost (connection dropped at COMMIT).
          const earlier = await this.queue.finishedBy(client, this.id, job);
          return earlier ? PutResultSchema.parse(earlier) : null;
        }
        const stored = await this.store.putArticleIn(client, input, analysis);
        await this.queue.markDone(client, job, {
          status: stored.status,
          articleId: stored.articleId,
          storyId: stored.storyId,
        });
        return stored;
      }),
    );
    this.summary.storeSeconds += (performance.now() - t0) / 1000;
    return result;
  }

  private count(job: ClaimedJob, result: PutResult | null): void {
    const s = this.summary;
    if (result === null) {
      s.leaseLost++;
      this.log(`job ${job.key}: lease lost to another worker; dropped`);
      return;
    }
    s.done++;
    if (result.status === 'stored') s.stored++;
    else if (result.status === 'copy') s.copies++;
    else s.alreadyStored++;
  }

  /** A failed attempt: back to the queue for a retry, or into the dead-letter list. */
  private async recordFailure(job: ClaimedJob, err: unknown): Promise<void> {
    const text = errorText(err);
    const permanent = err instanceof PermanentJobError || (err instanceof Error && err.name === 'InputError');
    try {
      const state = await this.withDb(() => this.queue.fail(this.id, job, text, permanent));
      if (state === 'failed') {
        this.summary.deadLettered++;
        this.log(`job ${job.key}: dead-lettered after attempt ${job.attempt}: ${text}`);
      } else if (state === 'queued') {
        this.summary.retried++;
        this.log(`job ${job.key}: attempt ${job.attempt} failed, will retry: ${text}`);
      } else this.summary.leaseLost++;
    } catch (failErr) {
      // Even recording the failure failed: the lease runs out and the job is retried from the queue.
      this.log(`job ${job.key}: could not record its failure (${message(failErr)})`);
    }
  }
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
