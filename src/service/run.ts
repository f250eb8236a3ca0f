/**
 * The ingest run: read the inputs, then store each article here (SQLite) or hand it to the job queue
 * for `newsgraph worker` processes (a store shared between processes, PostgreSQL); with `watch`,
 * poll the feeds until stopped. Progress is told through hooks, so the CLI, a test or an embedder
 * shows it as it likes.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IngestItem, IngestProblem } from '../ingest/types.js';
import type { ArticleMeta } from '../model/index.js';
import type { Store } from '../store/types.js';
import { readOptionsOf, resumedPoller } from './feeds.js';
import { addCounts, emptyCounts, ingestItems, type IngestCounts } from './ingest.js';
import { loadIngestApi } from './item.js';
import { openWorkspace } from './open.js';

/** How often feed state is checkpointed while watching. */
const CHECKPOINT_EVERY_MS = 5_000;

/** What a run tells as it goes. */
export interface IngestRunHooks {
  /** A pass over items begins (the inputs, or a watch's polls); `expected` items when cheap to know. */
  onPass?(expected: number | null): void;
  /** An item was stored, found stored or found a copy. */
  onItem?(): void;
  /** An item could not be read or stored; the run goes on. */
  onProblem?(problem: IngestProblem): void;
  /** The pass ended. */
  onPassEnd?(): void;
  /** A line worth telling (watching, enqueued). */
  log?(line: string): void;
}

export interface IngestRunOptions {
  db: string;
  watch?: boolean;
  intervalSeconds?: number;
  /** Stops between two articles; everything stored (or enqueued) so far stays. */
  signal?: AbortSignal;
  /** Analysis worker threads; 1 analyses in this thread. */
  workers?: number;
  /** Fetch from loopback and private addresses (intranet feeds, tests). */
  allowPrivate?: boolean;
  hooks?: IngestRunHooks;
}

export interface IngestSummary extends IngestCounts {
  db: string;
  /** Articles handed to the PostgreSQL job queue (ingest with a postgres:// database). */
  enqueued?: number;
  articlesPerSecond: number;
}

/** Nothing to ingest. */
export class NoInputsError extends Error {
  constructor() {
    super('nothing to ingest: give files, folders, URLs or feeds');
    this.name = 'NoInputsError';
  }
}

/** Runs one ingest (or, with watch, polls until aborted) and returns the totals. */
export async function ingestRun(
  inputs: readonly string[],
  options: IngestRunOptions,
): Promise<IngestSummary> {
  if (inputs.length === 0) throw new NoInputsError();
  const api = await loadIngestApi();
  const store = await openWorkspace(options.db);
  try {
    const shared = store.sharedPool;
    return shared
      ? await enqueueForWorkers(inputs, options, api, store, shared)
      : await storeHere(inputs, options, api, store);
  } finally {
    await store.close();
  }
}

type IngestApi = Awaited<ReturnType<typeof loadIngestApi>>;

/** Analyses (on a pool of `workers` threads) and stores in this process, one transaction each. */
async function storeHere(
  inputs: readonly string[],
  options: IngestRunOptions,
  api: IngestApi,
  store: Store,
): Promise<IngestSummary> {
  const hooks = options.hooks ?? {};
  const signal = options.signal;
  const pool =
    (options.workers ?? 1) > 1
      ? new (await import('../pipeline/pool.js')).AnalysisPool(options.workers)
      : null;
  const analyzer = pool ? (text: string, meta: ArticleMeta) => pool.run({ text, meta }) : undefined;
  const total = emptyCounts();
  const ingest = async (items: AsyncIterable<IngestItem | IngestProblem>, expected: number | null) => {
    hooks.onPass?.(expected);
    try {
      const counts = await ingestItems(store, items, api, {
        ...(signal ? { signal } : {}),
        ...(analyzer ? { analyzer } : {}),
        concurrency: pool ? pool.threads * 2 : 1,
        onProblem: (p) => hooks.onProblem?.(p),
        onResult: () => hooks.onItem?.(),
      });
      addCounts(total, counts);
    } finally {
      hooks.onPassEnd?.();
    }
  };
  try {
    await ingest(api.readSources([...inputs], readOptionsOf(options)), estimateTotal(inputs));
    if (options.watch && !signal?.aborted) {
      // Watching polls the feeds with conditional requests; anything already stored is recognised by
      // its key, so a restart repeats no work.
      const { poller, feeds, saveCheckpoints } = await resumedPoller(inputs, options, api, store);
      hooks.log?.(
        `ingest: watching ${feeds.length} feed(s) every ${options.intervalSeconds ?? 300} s; Ctrl-C stops`,
      );
      const timer = setInterval(() => void saveCheckpoints(), CHECKPOINT_EVERY_MS);
      try {
        await ingest(poller.run(signal), null);
      } finally {
        clearInterval(timer);
        await saveCheckpoints();
      }
    }
  } finally {
    await pool?.close();
  }
  return {
    ...total,
    db: options.db,
    articlesPerSecond: total.seconds > 0 ? Math.round((total.seen / total.seconds) * 10) / 10 : 0,
  };
}

/**
 * With a shared store, ingest only reads and enqueues: `newsgraph worker` processes (anywhere that
 * reaches the database) analyse and store. Enqueueing is idempotent by key, so re-running enqueues
 * nothing twice. With `watch` it then polls the feeds and enqueues each round of new entries.
 */
async function enqueueForWorkers(
  inputs: readonly string[],
  options: IngestRunOptions,
  api: IngestApi,
  store: Store,
  shared: NonNullable<Store['sharedPool']>,
): Promise<IngestSummary> {
  const hooks = options.hooks ?? {};
  const { redactUrl } = await import('../store/postgres/connect.js');
  const { enqueueIngest } = await import('../queue/index.js');
  const started = performance.now();
  const total = { enqueued: 0, alreadyQueued: 0, problems: 0 };
  const enqueue = async (items: AsyncIterable<IngestItem | IngestProblem>) => {
    const result = await enqueueIngest(shared, items);
    for (const p of result.problems) hooks.onProblem?.(p);
    total.enqueued += result.enqueued;
    total.alreadyQueued += result.alreadyQueued;
    total.problems += result.problems.length;
    return result.enqueued;
  };
  await enqueue(api.readSources([...inputs], readOptionsOf(options)));
  hooks.log?.(`ingest: enqueued ${total.enqueued} article(s) for workers at ${redactUrl(options.db)}`);
  if (options.watch && !options.signal?.aborted) await watchForWorkers(inputs, options, api, store, enqueue);
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
}

/** Each round of due feeds is enqueued on its own, so workers see new entries at once. */
async function watchForWorkers(
  inputs: readonly string[],
  options: IngestRunOptions,
  api: IngestApi,
  store: Store,
  enqueue: (items: AsyncIterable<IngestItem | IngestProblem>) => Promise<number>,
): Promise<void> {
  const hooks = options.hooks ?? {};
  const { poller, feeds, saveCheckpoints } = await resumedPoller(inputs, options, api, store);
  hooks.log?.(
    `ingest: watching ${feeds.length} feed(s) every ${options.intervalSeconds ?? 300} s for workers; Ctrl-C stops`,
  );
  const signal = options.signal;
  while (!signal?.aborted) {
    const fresh = await enqueue(poller.pollDue());
    if (fresh > 0) hooks.log?.(`ingest: enqueued ${fresh} new article(s)`);
    await saveCheckpoints();
    const wait = Math.max(0, poller.nextDueAt() - Date.now());
    await sleep(wait, undefined, signal ? { signal } : {}).catch(() => undefined);
  }
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
