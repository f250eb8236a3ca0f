import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { METADATA_HELP } from '../metadata-help.js';
import type { IngestItem, IngestProblem } from '../../ingest/types.js';
import type { ArticleMeta } from '../../model/index.js';
import {
  addCounts,
  emptyCounts,
  ingestItems,
  loadIngestApi,
  isPostgresSpec,
  openSqliteStore,
  resolveDbPath,
  type IngestCounts,
} from '../../store/index.js';
import type { Store } from '../../store/types.js';
import { UsageError } from '../errors.js';

interface IngestFlags {
  db?: string;
  workers: string;
  watch?: boolean;
  interval: string;
  json?: boolean;
  progress?: boolean;
  allowPrivate?: boolean;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'read articles (files, folders, URLs, feeds, OPML, JSONL), deduplicate, analyse and store them; safe to re-run',
    )
    .argument('<inputs...>', 'files, folders, article or feed URLs, feeds.opml, or file.jsonl')
    .option(
      '--db <file>',
      'SQLite file, or postgres:// URL to enqueue for workers (default: $NEWSGRAPH_DB or data/newsgraph.db)',
    )
    .option('--watch', 'keep polling the inputs (feeds) and store what is new')
    .option('--interval <seconds>', 'seconds between polls with --watch', '300')
    .option('--workers <n>', 'analysis worker threads (a number or auto)', '1')
    .option(
      '--allow-private',
      'fetch from loopback and private addresses too (intranet feeds); off as an SSRF guard',
    )
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress on stderr')
    .addHelpText('after', METADATA_HELP)
    .action(async (inputs: string[], flags: IngestFlags) => {
      const interval = Number(flags.interval);
      if (!Number.isFinite(interval) || interval < 1)
        throw new UsageError('--interval must be a number of seconds ≥ 1');
      const workers = flags.workers === 'auto' ? availableParallelism() : Number(flags.workers);
      if (!Number.isInteger(workers) || workers < 1) {
        throw new UsageError(`--workers must be a positive number or auto, not "${flags.workers}"`);
      }
      const summary = await runIngest(inputs, {
        db: resolveDbPath(flags.db),
        workers,
        allowPrivate: flags.allowPrivate === true,
        watch: flags.watch === true,
        intervalSeconds: interval,
        progress: flags.progress !== false,
      });
      process.stdout.write(flags.json ? JSON.stringify(summary) + '\n' : formatIngestSummary(summary));
      if (summary.problems > 0 && summary.stored + summary.duplicates + summary.alreadyStored === 0)
        process.exitCode = 1;
    });
}

/** How often feed state is checkpointed while watching. */
const CHECKPOINT_EVERY_MS = 5_000;

export interface IngestRunOptions {
  db: string;
  watch?: boolean;
  intervalSeconds?: number;
  progress?: boolean;
  /** Where progress and problems go (stderr): stdout stays for the summary. */
  stream?: NodeJS.WriteStream;
  signal?: AbortSignal;
  /** Analysis worker threads; 1 analyses in this thread. */
  workers?: number;
  /** Fetch from loopback and private addresses (intranet feeds, tests). */
  allowPrivate?: boolean;
}

export interface IngestSummary extends IngestCounts {
  db: string;
  /** Articles handed to the PostgreSQL job queue (ingest with a postgres:// database). */
  enqueued?: number;
  articlesPerSecond: number;
}

/** Runs one ingest (or, with watch, polls until aborted or interrupted) and returns the totals. */
export async function runIngest(
  inputs: readonly string[],
  options: IngestRunOptions,
): Promise<IngestSummary> {
  if (inputs.length === 0) throw new UsageError('nothing to ingest: give files, folders, URLs or feeds');
  const stream = options.stream ?? process.stderr;
  const api = await loadIngestApi();
  if (isPostgresSpec(options.db)) return enqueueForWorkers(inputs, options, api);
  const store = openSqliteStore(options.db);
  const controller = stopOnSignals(options.signal);
  // Worker threads analyse several articles at once; storing stays in this thread, one transaction each.
  const pool =
    (options.workers ?? 1) > 1
      ? new (await import('../../pipeline/pool.js')).AnalysisPool(options.workers)
      : null;
  const analyzer = pool ? (text: string, meta: ArticleMeta) => pool.run({ text, meta }) : undefined;
  const total = emptyCounts();
  const ingest = async (items: AsyncIterable<IngestItem | IngestProblem>, expected: number | null) => {
    const progress = makeProgress(stream, options.progress !== false, expected);
    try {
      addCounts(
        total,
        await ingestItems(store, items, api, {
          signal: controller.signal,
          analyzer,
          concurrency: pool ? pool.threads * 2 : 1,
          onProblem: (p) => {
            progress.interrupt(`problem: ${p.where}: ${oneLine(p.reason)}`);
            progress.tick();
          },
          onResult: () => {
            progress.tick();
          },
        }),
      );
    } finally {
      progress.stop();
    }
  };
  try {
    await ingest(api.readSources([...inputs], readOptionsOf(options)), estimateTotal(inputs));
    if (options.watch && !controller.signal.aborted) {
      // Watching polls the feeds (feed URLs and the feeds of OPML files) with conditional requests;
      // anything already stored is recognised by its key, so a restart repeats no work.
      const { poller, feeds, saveCheckpoints } = await resumedPoller(inputs, options, api, store);
      stream.write(
        `ingest: watching ${feeds.length} feed(s) every ${options.intervalSeconds ?? 300} s; Ctrl-C stops\n`,
      );
      const timer = setInterval(() => void saveCheckpoints(), CHECKPOINT_EVERY_MS);
      try {
        await ingest(poller.run(controller.signal), null);
      } finally {
        clearInterval(timer);
        await saveCheckpoints();
      }
    }
  } finally {
    controller.dispose();
    await pool?.close();
    await store.close();
  }
  return {
    ...total,
    db: options.db,
    articlesPerSecond: total.seconds > 0 ? Math.round((total.seen / total.seconds) * 10) / 10 : 0,
  };
}

/**
 * With PostgreSQL, ingest only reads and enqueues: `newsgraph worker` processes (anywhere that reaches the
 * database) analyse and store. Enqueueing is idempotent by key, so re-running enqueues nothing twice.
 * With `--watch` it then polls the feeds and enqueues each round of new entries as it arrives.
 */
async function enqueueForWorkers(
  inputs: readonly string[],
  options: IngestRunOptions,
  api: Awaited<ReturnType<typeof loadIngestApi>>,
): Promise<IngestSummary> {
  const stream = options.stream ?? process.stderr;
  const { createPool, openPostgresStore, redactUrl } = await import('../../store/postgres/index.js');
  const { enqueueIngest } = await import('../../queue/index.js');
  // A watch keeps its feeds' validators in the store's feed table (the store's migrations create it).
  const store = options.watch ? await openPostgresStore(options.db) : null;
  const pool = store?.pool ?? (await createPool(options.db));
  const controller = stopOnSignals(options.signal);
  const started = performance.now();
  const total = { enqueued: 0, alreadyQueued: 0, problems: 0 };
  const enqueue = async (items: AsyncIterable<IngestItem | IngestProblem>) => {
    const result = await enqueueIngest(pool, items);
    for (const p of result.problems) stream.write(`problem: ${p.where}: ${oneLine(p.reason)}\n`);
    total.enqueued += result.enqueued;
    total.alreadyQueued += result.alreadyQueued;
    total.problems += result.problems.length;
    return result.enqueued;
  };
  try {
    await enqueue(api.readSources([...inputs], readOptionsOf(options)));
    stream.write(`ingest: enqueued ${total.enqueued} article(s) for workers at ${redactUrl(options.db)}\n`);
    if (store && !controller.signal.aborted) {
      const { poller, feeds, saveCheckpoints } = await resumedPoller(inputs, options, api, store);
      stream.write(
        `ingest: watching ${feeds.length} feed(s) every ${options.intervalSeconds ?? 300} s for workers; Ctrl-C stops\n`,
      );
      // Each round of due feeds is enqueued on its own, so workers see new entries at once rather
      // than when a batch fills up.
      while (!controller.signal.aborted) {
        const fresh = await enqueue(poller.pollDue());
        if (fresh > 0) stream.write(`ingest: enqueued ${fresh} new article(s)\n`);
        await saveCheckpoints();
        const wait = Math.max(0, poller.nextDueAt() - Date.now());
        await sleep(wait, undefined, { signal: controller.signal }).catch(() => undefined);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      seen: total.enqueued + total.alreadyQueued + total.problems,
      stored: 0,
      duplicates: 0,
      alreadyStored: total.alreadyQueued,
      problems: total.problems,
      seconds,
      enqueued: total.enqueued,
      db: redactUrl(options.db),
      articlesPerSecond: seconds > 0 ? Math.round((total.enqueued / seconds) * 10) / 10 : 0,
    };
  } finally {
    controller.dispose();
    if (store) await store.close();
    else await pool.end();
  }
}

/**
 * An abort controller that Ctrl-C, SIGTERM or the caller's signal trips: a run stops between two
 * articles and everything stored (or enqueued) so far stays. `dispose` removes the listeners.
 */
function stopOnSignals(signal: AbortSignal | undefined): AbortController & { dispose(): void } {
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return Object.assign(controller, {
    dispose() {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
    },
  });
}

/** How inputs are read: private addresses only with `--allow-private`. */
function readOptionsOf(options: IngestRunOptions) {
  return { fetchOptions: { allowPrivate: options.allowPrivate === true } };
}

/**
 * A poller over the inputs' feeds (feed URLs and the feeds of OPML files) that resumes each feed's
 * saved ETag and Last-Modified, so a restarted watch's first poll can be answered by a 304;
 * `saveCheckpoints` writes the feeds' state back.
 */
async function resumedPoller(
  inputs: readonly string[],
  options: IngestRunOptions,
  api: Awaited<ReturnType<typeof loadIngestApi>>,
  store: Pick<Store, 'getCheckpoint' | 'putCheckpoint'>,
) {
  const feeds = await watchedFeeds(inputs, api.parseOpml);
  if (feeds.length === 0) throw new UsageError('--watch needs feed URLs or an OPML file among the inputs');
  const poller = new api.FeedPoller({
    feeds,
    intervalMs: (options.intervalSeconds ?? 300) * 1000,
    readOptions: readOptionsOf(options),
  });
  for (const url of feeds) {
    const saved = await store.getCheckpoint(url);
    if (saved)
      poller.restore(url, {
        etag: saved.etag,
        lastModified: saved.lastModified,
        ...(saved.lastPoll ? { lastPolledAt: Date.parse(saved.lastPoll) } : {}),
      });
  }
  const saveCheckpoints = async () => {
    for (const f of poller.states()) {
      await store.putCheckpoint({
        feed: f.url,
        etag: f.etag ?? null,
        lastModified: f.lastModified ?? null,
        lastPoll: f.lastPolledAt ? new Date(f.lastPolledAt).toISOString() : null,
      });
    }
  };
  return { poller, feeds, saveCheckpoints };
}

export function formatIngestSummary(s: IngestSummary): string {
  if (s.enqueued !== undefined) {
    return `enqueued into ${s.db}: ${s.enqueued} new jobs, ${s.alreadyStored} already queued or done, ${s.problems} problems — run newsgraph worker to analyse them\n`;
  }
  return (
    `ingested into ${s.db}: ${s.stored} stored, ${s.duplicates} duplicates, ${s.alreadyStored} already stored, ` +
    `${s.problems} problems — ${s.seen} items in ${s.seconds.toFixed(1)} s (${s.articlesPerSecond} articles/s)\n`
  );
}

interface ProgressView {
  tick(): void;
  interrupt(line: string): void;
  stop(): void;
}

/** A bar with rate and ETA on a terminal; a plain line every few seconds otherwise; nothing when disabled. */
function makeProgress(stream: NodeJS.WriteStream, enabled: boolean, expected: number | null): ProgressView {
  let count = 0;
  const started = performance.now();
  if (!enabled) {
    return {
      tick: () => void count++,
      interrupt: (line) => void stream.write(line + '\n'),
      stop: () => undefined,
    };
  }
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: expected
          ? 'ingest [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}'
          : 'ingest {value} articles | {rate}/s',
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(expected ?? 0, 0, { rate: '0.0' });
    return {
      tick() {
        count++;
        if (expected !== null && count > expected) bar.setTotal(count);
        bar.update(count, { rate: (count / ((performance.now() - started) / 1000)).toFixed(1) });
      },
      interrupt(line) {
        stream.write(`\r\x1b[K${line}\n`);
      },
      stop: () => bar.stop(),
    };
  }
  let last = started;
  const line = () => {
    const s = (performance.now() - started) / 1000;
    const rate = s > 0 ? count / s : 0;
    const of = expected ? `/${expected}` : '';
    const eta = expected && rate > 0 ? `, ETA ${Math.max(0, Math.ceil((expected - count) / rate))} s` : '';
    stream.write(`ingest: ${count}${of} items (${rate.toFixed(1)}/s${eta})\n`);
  };
  return {
    tick() {
      count++;
      const now = performance.now();
      if (now - last > 5000) {
        last = now;
        line();
      }
    },
    interrupt: (l) => void stream.write(l + '\n'),
    stop: () => (count > 0 ? line() : undefined),
  };
}

/**
 * How many items the inputs hold, when that is cheap to know (files and JSONL lines), for the ETA;
 * null when any input is a folder, a URL or a feed.
 */
function estimateTotal(inputs: readonly string[]): number | null {
  let n = 0;
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input) || /\.(opml|xml|rss|atom)$/i.test(input)) return null;
    try {
      const st = statSync(input);
      if (!st.isFile()) return null;
      n += input.toLowerCase().endsWith('.jsonl') ? countLinesSync(input) : 1;
    } catch {
      n += 1;
    }
  }
  return n;
}

function countLinesSync(file: string): number {
  // Newline count over the raw bytes: linear, no decoding; readSources reports the real items.
  if (statSync(file).size === 0) return 0;
  let lines = 0;
  const buf = Buffer.alloc(1 << 16);
  const h = openSync(file, 'r');
  try {
    let n: number;
    let lastByte = 10;
    while ((n = readSync(h, buf, 0, buf.length, null)) > 0) {
      for (let i = 0; i < n; i++) if (buf[i] === 10) lines++;
      lastByte = buf[n - 1];
    }
    if (lastByte !== 10) lines++;
  } finally {
    closeSync(h);
  }
  return lines;
}

/** The feeds to poll: URL inputs, and every feed listed in an OPML input. */
async function watchedFeeds(
  inputs: readonly string[],
  parseOpml: (text: string) => { url: string }[],
): Promise<string[]> {
  const feeds: string[] = [];
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) feeds.push(input);
    else if (input.toLowerCase().endsWith('.opml')) {
      const text = await readFile(input, 'utf8');
      for (const f of parseOpml(text)) feeds.push(f.url);
    }
  }
  return [...new Set(feeds)];
}

/** A problem's reason on one line of bounded length, whatever the error said. */
function oneLine(reason: string, max = 400): string {
  const line = reason.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
