import { describe, expect, it } from 'vitest';
import type { FetchedResource, SafeFetchOptions } from './fetch.js';
import { FeedPoller } from './poller.js';
import { isIngestProblem, type IngestItem, type IngestProblem } from './types.js';

const body = (n: number): string =>
  `The story number ${n} is long enough to count as a full article in the feed. `.repeat(12);

function rss(ids: number[]): string {
  const items = ids.map(
    (n) =>
      `<item><title>Story ${n}</title><link>https://feed.example/s/${n}</link><guid>s-${n}</guid><description>${body(n)}</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>${items.join('')}</channel></rss>`;
}

/** A scripted feed server: `respond` decides each answer; calls are logged with their validators. */
function fakeFetch(respond: (call: number, opts: SafeFetchOptions) => FetchedResource | Error) {
  const calls: SafeFetchOptions[] = [];
  const fetch = async (url: string, opts: SafeFetchOptions = {}): Promise<FetchedResource> => {
    calls.push(opts);
    const r = respond(calls.length, opts);
    if (r instanceof Error) throw r;
    return { ...r, url, finalUrl: url };
  };
  return { fetch, calls };
}

const ok = (text: string, etag?: string): FetchedResource => ({
  url: '',
  finalUrl: '',
  status: 200,
  notModified: false,
  contentType: 'application/rss+xml',
  text,
  encoding: 'utf-8',
  redirects: [],
  ...(etag ? { etag } : {}),
});
const notModified = (): FetchedResource => ({ ...ok(''), status: 304, notModified: true });

async function drain(
  gen: AsyncGenerator<IngestItem | IngestProblem>,
): Promise<{ items: IngestItem[]; problems: IngestProblem[] }> {
  const items: IngestItem[] = [];
  const problems: IngestProblem[] = [];
  for await (const x of gen) (isIngestProblem(x) ? problems : items).push(x as never);
  return { items, problems };
}

describe('FeedPoller', () => {
  it('yields only new entries, respects the interval and sends validators', async () => {
    let now = 1_000_000;
    const answers = [ok(rss([1, 2]), '"a"'), notModified(), ok(rss([1, 2, 3]), '"b"')];
    const { fetch, calls } = fakeFetch((i) => answers[i - 1]);
    const poller = new FeedPoller({
      feeds: [{ url: 'https://feed.example/rss', intervalMs: 60_000 }],
      now: () => now,
      random: () => 0.5,
      fetch,
    });

    const first = await drain(poller.pollDue());
    expect(first.items.map((i) => i.title)).toEqual(['Story 1', 'Story 2']);
    expect(first.items[0]).toMatchObject({
      origin: 'feed',
      feed: 'https://feed.example/rss',
      key: 'https://feed.example/s/1',
    });
    expect(calls[0].etag).toBeUndefined();

    // Not due yet: no request at all.
    now += 30_000;
    expect((await drain(poller.pollDue())).items).toEqual([]);
    expect(calls).toHaveLength(1);

    now += 30_000;
    expect((await drain(poller.pollDue())).items).toEqual([]);
    expect(calls[1].etag).toBe('"a"');

    now += 60_000;
    const third = await drain(poller.pollDue());
    expect(third.items.map((i) => i.title)).toEqual(['Story 3']);
    expect(poller.states()[0]).toMatchObject({ failures: 0, etag: '"b"', seenCount: 3 });
  });

  it('resumes saved validators, so the first poll after a restart is conditional', async () => {
    const { fetch, calls } = fakeFetch(() => notModified());
    const poller = new FeedPoller({ feeds: [], now: () => 0, fetch });
    poller.restore('https://feed.example/rss', {
      etag: '"saved"',
      lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT',
    });
    expect((await drain(poller.pollDue())).items).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ etag: '"saved"', lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT' });
  });

  it('backs off exponentially after failures, capped, and recovers', async () => {
    let now = 0;
    let failing = true;
    const { fetch } = fakeFetch(() => (failing ? new Error('HTTP 503') : ok(rss([1]))));
    const poller = new FeedPoller({
      feeds: ['https://feed.example/rss'],
      intervalMs: 1000,
      maxBackoffMs: 10_000,
      jitter: 0,
      now: () => now,
      fetch,
    });
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { problems } = await drain(poller.pollDue());
      expect(problems[0].reason).toMatch(/HTTP 503 \(failure \d+; retry in \d+ s\)/);
      delays.push(poller.nextDueAt() - now);
      now = poller.nextDueAt();
    }
    expect(delays).toEqual([2000, 4000, 8000, 10_000, 10_000]);
    failing = false;
    const { items } = await drain(poller.pollDue());
    expect(items).toHaveLength(1);
    expect(poller.nextDueAt() - now).toBe(1000);
    expect(poller.states()[0].failures).toBe(0);
  });

  it('retries an entry whose linked page failed to fetch, then gives it up', async () => {
    let now = 0;
    const feedXml =
      '<rss version="2.0"><channel><title>F</title><item><title>Linked</title><link>https://feed.example/page</link><description>Teaser.</description></item></channel></rss>';
    const calls: string[] = [];
    const fetch = async (url: string): Promise<FetchedResource> => {
      calls.push(url);
      if (url.endsWith('/page')) throw new Error('HTTP 502');
      return { ...ok(feedXml), url, finalUrl: url };
    };
    const poller = new FeedPoller({
      feeds: ['https://feed.example/rss'],
      intervalMs: 1000,
      jitter: 0,
      now: () => now,
      fetch,
    });
    for (let i = 0; i < 5; i++) {
      await drain(poller.pollDue());
      now += 1000;
    }
    expect(calls.filter((u) => u.endsWith('/page'))).toHaveLength(3);
    expect(poller.states()[0].seenCount).toBe(1);
  });

  it('spreads polls with bounded jitter', async () => {
    const { fetch } = fakeFetch(() => ok(rss([])));
    const seen = new Set<number>();
    for (const r of [0, 0.25, 0.5, 0.75, 0.999]) {
      const poller = new FeedPoller({
        feeds: ['https://f.example/'],
        intervalMs: 10_000,
        jitter: 0.1,
        now: () => 0,
        random: () => r,
        fetch,
      });
      await drain(poller.pollDue());
      const d = poller.nextDueAt();
      expect(d).toBeGreaterThanOrEqual(9000);
      expect(d).toBeLessThanOrEqual(11_000);
      seen.add(d);
    }
    expect(seen.size).toBe(5);
  });

  it('run() sleeps until the next feed is due and stops on abort', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const controller = new AbortController();
    const { fetch } = fakeFetch((i) => ok(rss([i])));
    const poller = new FeedPoller({
      feeds: [
        { url: 'https://a.example/', intervalMs: 5000 },
        { url: 'https://b.example/', intervalMs: 3000 },
      ],
      jitter: 0,
      now: () => now,
      fetch,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
        if (sleeps.length === 3) controller.abort();
      },
    });
    const titles: string[] = [];
    for await (const x of poller.run(controller.signal)) if (!isIngestProblem(x)) titles.push(x.title ?? '');
    expect(sleeps).toEqual([3000, 2000, 1000]);
    expect(titles).toEqual(['Story 1', 'Story 2', 'Story 3', 'Story 4']);
  });
});
