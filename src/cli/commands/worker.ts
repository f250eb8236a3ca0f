import type { Command } from 'commander';
import { isPostgresUrl, redactUrl } from '../../store/spec.js';
import { UsageError } from '../errors.js';

interface WorkerFlags {
  db?: string;
  concurrency: string;
  untilIdle?: boolean;
  lease: string;
  poll: string;
  backoff: string;
  json?: boolean;
  deadLetters?: boolean;
  retryFailed?: boolean;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'take ingest jobs from the PostgreSQL queue, analyse and store each article exactly once; run as many as needed, anywhere that reaches the database',
    )
    .option('--db <url>', 'postgres:// URL of the store and queue (default: $NEWSGRAPH_DB)')
    .option('--concurrency <n>', 'articles analysed at once (worker threads)', '1')
    .option('--until-idle', 'exit once no job is queued or running')
    .option('--lease <seconds>', 'a job held this long without a heartbeat goes back to the queue', '60')
    .option('--poll <seconds>', 'wait between polls of an empty queue', '1')
    .option(
      '--backoff <seconds>',
      'wait before the first retry of a failed job; doubled for each further retry',
      '5',
    )
    .option('--json', 'print the summary as JSON')
    .option(
      '--dead-letters',
      'print the dead-letter list (failed jobs with their errors) as JSON lines and exit',
    )
    .option('--retry-failed', 'put every dead-lettered job back in the queue and exit')
    .action(async (flags: WorkerFlags) => {
      const options = checkFlags(flags);
      if (flags.deadLetters || flags.retryFailed) await manageDeadLetters(options.db, flags);
      else await runWorkerCommand(options, flags);
    });
}

/** The worker's options from its flags, each refused with a usage error before any database is touched. */
function checkFlags(flags: WorkerFlags) {
  const db = flags.db ?? process.env.NEWSGRAPH_DB;
  if (!db || !isPostgresUrl(db)) {
    throw new UsageError(
      'the worker needs a PostgreSQL database: --db postgres://user@host:5432/newsgraph (or NEWSGRAPH_DB)',
    );
  }
  const concurrency = Number(flags.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new UsageError('--concurrency must be a whole number from 1 to 256');
  }
  const lease = Number(flags.lease);
  const poll = Number(flags.poll);
  if (!Number.isFinite(lease) || lease < 1) throw new UsageError('--lease must be a number of seconds ≥ 1');
  if (!Number.isFinite(poll) || poll <= 0 || poll > 3600)
    throw new UsageError('--poll must be a number of seconds in (0, 3600]');
  const backoff = Number(flags.backoff);
  if (!Number.isFinite(backoff) || backoff <= 0)
    throw new UsageError('--backoff must be a positive number of seconds');
  return { db, concurrency, lease, poll, backoff };
}

/** `--dead-letters` prints the dead-letter list; `--retry-failed` puts it back in the queue. */
async function manageDeadLetters(db: string, flags: WorkerFlags): Promise<void> {
  const { JobQueue } = await import('../../queue/index.js');
  const { createPool } = await import('../../store/postgres/index.js');
  const pool = await createPool(db, { max: 2 });
  try {
    const queue = await JobQueue.open(pool);
    if (flags.retryFailed) {
      const n = await queue.retryFailed();
      process.stdout.write(
        flags.json ? JSON.stringify({ requeued: n }) + '\n' : `requeued ${n} failed job(s)\n`,
      );
    } else {
      for (const d of await queue.deadLetters(10_000)) process.stdout.write(JSON.stringify(d) + '\n');
    }
  } finally {
    await pool.end();
  }
}

/** Takes jobs until stopped (or idle with --until-idle) and prints the summary. */
async function runWorkerCommand(options: ReturnType<typeof checkFlags>, flags: WorkerFlags): Promise<void> {
  const { db, concurrency, lease, poll, backoff } = options;
  const { runWorker } = await import('../../service/worker.js');
  const controller = new AbortController();
  // Ctrl-C / SIGTERM: take no new job, finish those in flight (a kill -9 is covered by the lease).
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const pool =
    concurrency > 1 ? new (await import('../../pipeline/pool.js')).AnalysisPool(concurrency) : undefined;
  try {
    process.stderr.write(
      `worker: ${redactUrl(db)}, concurrency ${concurrency}${flags.untilIdle ? ', until idle' : ''}\n`,
    );
    const summary = await runWorker({
      db,
      concurrency,
      untilIdle: flags.untilIdle === true,
      leaseMs: lease * 1000,
      pollMs: poll * 1000,
      backoffMs: backoff * 1000,
      signal: controller.signal,
      log: (line) => process.stderr.write(`worker: ${line}\n`),
      ...(pool ? { pool } : {}),
    });
    process.stdout.write(
      flags.json
        ? JSON.stringify(summary) + '\n'
        : `worker ${summary.worker}: ${summary.done} jobs done (${summary.stored} stored, ${summary.copies} copies, ` +
            `${summary.alreadyStored} already stored), ${summary.retried} retried, ${summary.deadLettered} dead-lettered, ` +
            `${summary.outages} database outage(s) — ${summary.seconds.toFixed(1)} s (${summary.articlesPerSecond} articles/s)\n`,
    );
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await pool?.close();
  }
}
