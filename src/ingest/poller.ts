/**
 * `FeedPoller`: polls a set of feeds, each on its own interval, with conditional requests
 * (ETag / Last-Modified → 304 costs nothing), exponential backoff with jitter after failures, and
 * a per-feed memory of entries already seen, so each poll yields only new items. Time, sleeping,
 * randomness and fetching are injectable for tests.
 */
import { feedItems, type Fetcher, type ReadOptions } from './sources.js';
import { parseFeed, sniffDocument } from './feeds.js';
import { safeFetch } from './fetch.js';
import { canonicalizeUrl } from './dedup.js';
import type { IngestItem, IngestProblem } from './types.js';

export interface FeedPollerOptions {
  /** Feed URLs, or feeds with their own interval. */
  feeds?: Array<string | { url: string; intervalMs?: number }>;
  /** Default interval between polls of a feed. Default 15 minutes. */
  intervalMs?: number;
  /** Cap on the backoff delay after repeated failures. Default 6 hours. */
  maxBackoffMs?: number;
  /** Relative jitter on every delay (0.1 = ±10%), so feeds do not synchronise. Default 0.1. */
  jitter?: number;
  /** How many entry ids to remember per feed. Default 5000. */
  rememberPerFeed?: number;
  /** Options for reading entries (link fetching, fetch caps, allowPrivate). */
  readOptions?: ReadOptions;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  fetch?: Fetcher;
}

/** What the poller knows about one feed. */
export interface FeedState {
  url: string;
  intervalMs: number;
  /** When the feed is next due (ms since epoch, per the poller's clock). */
  nextPollAt: number;
  /** Consecutive failures (0 after a success). */
  failures: number;
  etag?: string;
  lastModified?: string;
  lastPolledAt?: number;
  lastError?: string;
  /** Entries seen so far, oldest first. */
  seen: Set<string>;
  /** Failed fetch attempts of entries not yet seen. */
  attempts: Map<string, number>;
}

/** Tries of an entry whose linked page fails to fetch before it is given up. */
export const MAX_ENTRY_ATTEMPTS = 3;

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });

export class FeedPoller {
  private readonly feeds = new Map<string, FeedState>();
  private readonly opts: Required<
    Pick<FeedPollerOptions, 'intervalMs' | 'maxBackoffMs' | 'jitter' | 'rememberPerFeed'>
  >;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly fetcher: Fetcher;
  private readonly readOptions: ReadOptions;

  constructor(options: FeedPollerOptions = {}) {
    this.opts = {
      intervalMs: options.intervalMs ?? 15 * 60_000,
      maxBackoffMs: options.maxBackoffMs ?? 6 * 3600_000,
      jitter: options.jitter ?? 0.1,
      rememberPerFeed: options.rememberPerFeed ?? 5000,
    };
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? defaultSleep;
    this.fetcher = options.fetch ?? safeFetch;
    this.readOptions = { ...options.readOptions, fetch: this.fetcher };
    for (const f of options.feeds ?? []) {
      if (typeof f === 'string') this.addFeed(f);
      else this.addFeed(f.url, f.intervalMs);
    }
  }

  /** Adds a feed, due at once. Adding a known feed only updates its interval. */
  addFeed(url: string, intervalMs?: number): void {
    const known = this.feeds.get(url);
    if (known) {
      if (intervalMs) known.intervalMs = intervalMs;
      return;
    }
    this.feeds.set(url, {
      url,
      intervalMs: intervalMs ?? this.opts.intervalMs,
      nextPollAt: this.now(),
      failures: 0,
      seen: new Set(),
      attempts: new Map(),
    });
  }

  /**
   * Resumes a feed's validators from a saved checkpoint, so the first poll after a restart is a
   * conditional request (a 304 costs nothing). Adds the feed when it is not known yet.
   */
  restore(
    url: string,
    saved: { etag?: string | null; lastModified?: string | null; lastPolledAt?: number },
  ): void {
    this.addFeed(url);
    const feed = this.feeds.get(url)!;
    if (saved.etag) feed.etag = saved.etag;
    if (saved.lastModified) feed.lastModified = saved.lastModified;
    if (saved.lastPolledAt !== undefined) feed.lastPolledAt = saved.lastPolledAt;
  }

  removeFeed(url: string): boolean {
    return this.feeds.delete(url);
  }

  /** A snapshot of every feed's state. */
  states(): Array<Omit<FeedState, 'seen' | 'attempts'> & { seenCount: number }> {
    return [...this.feeds.values()].map(({ seen, attempts: _attempts, ...rest }) => ({
      ...rest,
      seenCount: seen.size,
    }));
  }

  /** When the next feed is due; Infinity with no feeds. */
  nextDueAt(): number {
    let next = Infinity;
    for (const f of this.feeds.values()) next = Math.min(next, f.nextPollAt);
    return next;
  }

  private withJitter(ms: number): number {
    return Math.round(ms * (1 + this.opts.jitter * (2 * this.random() - 1)));
  }

  /** Polls every feed that is due now, once, yielding the items not seen before and any problems. */
  async *pollDue(): AsyncGenerator<IngestItem | IngestProblem> {
    const now = this.now();
    for (const feed of [...this.feeds.values()]) {
      if (feed.nextPollAt > now) continue;
      yield* this.pollFeed(feed);
    }
  }

  private async *pollFeed(feed: FeedState): AsyncGenerator<IngestItem | IngestProblem> {
    feed.lastPolledAt = this.now();
    try {
      const res = await this.fetcher(feed.url, {
        ...this.readOptions.fetchOptions,
        ...(feed.etag ? { etag: feed.etag } : {}),
        ...(feed.lastModified ? { lastModified: feed.lastModified } : {}),
      });
      if (res.etag) feed.etag = res.etag;
      if (res.lastModified) feed.lastModified = res.lastModified;
      feed.failures = 0;
      delete feed.lastError;
      feed.nextPollAt = this.now() + this.withJitter(feed.intervalMs);
      if (res.notModified) return;
      const kind = sniffDocument(res.text, res.contentType);
      if (kind !== 'rss' && kind !== 'rdf' && kind !== 'atom' && kind !== 'json-feed')
        throw new Error(`not a feed: the document looks like ${kind}`);
      const parsed = parseFeed(res.text);
      // Only entries not seen before are read (and their links fetched). An entry whose page
      // could not be fetched is tried again on the next polls, up to MAX_ENTRY_ATTEMPTS times.
      const fresh = parsed.entries.filter((e) => {
        const id = entryId(e);
        return id === undefined || !feed.seen.has(id);
      });
      yield* feedItems(
        { ...parsed, entries: fresh },
        feed.url,
        this.readOptions,
        ({ entry, produced, retryable }) => {
          const id = entryId(entry);
          if (id === undefined) return;
          const attempts = (feed.attempts.get(id) ?? 0) + 1;
          if (produced || !retryable || attempts >= MAX_ENTRY_ATTEMPTS) {
            feed.attempts.delete(id);
            remember(feed.seen, id, this.opts.rememberPerFeed);
          } else {
            feed.attempts.set(id, attempts);
          }
        },
      );
    } catch (err) {
      feed.failures++;
      feed.lastError = err instanceof Error ? err.message : String(err);
      const backoff = Math.min(this.opts.maxBackoffMs, feed.intervalMs * 2 ** Math.min(feed.failures, 30));
      feed.nextPollAt = this.now() + this.withJitter(backoff);
      yield {
        where: feed.url,
        reason: `${feed.lastError} (failure ${feed.failures}; retry in ${Math.round(backoff / 1000)} s)`,
      };
    }
  }

  /** Polls forever (until `signal` aborts): each due feed, then sleeps until the next is due. */
  async *run(signal?: AbortSignal): AsyncGenerator<IngestItem | IngestProblem> {
    while (!signal?.aborted) {
      yield* this.pollDue();
      const wait = this.nextDueAt() - this.now();
      if (signal?.aborted) break;
      await this.sleep(Number.isFinite(wait) ? Math.max(0, wait) : this.opts.intervalMs, signal);
    }
  }
}

function entryId(e: { id?: string; url?: string; title?: string }): string | undefined {
  if (e.id) return e.id;
  if (e.url) {
    try {
      return canonicalizeUrl(e.url);
    } catch {
      return e.url;
    }
  }
  return e.title;
}

function remember(seen: Set<string>, id: string, limit: number): void {
  seen.add(id);
  if (seen.size > limit) {
    const oldest = seen.values().next().value;
    if (oldest !== undefined) seen.delete(oldest);
  }
}
