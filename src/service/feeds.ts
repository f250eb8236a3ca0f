/** Watching feeds: a poller over the inputs' feeds that resumes and saves each feed's state in the store. */
import { readFile } from 'node:fs/promises';
import type { Store } from '../store/types.js';
import type { loadIngestApi } from './item.js';

type IngestApi = Awaited<ReturnType<typeof loadIngestApi>>;

/** A watch with no feed to poll among its inputs. */
export class NoFeedsError extends Error {
  constructor() {
    super('--watch needs feed URLs or an OPML file among the inputs');
    this.name = 'NoFeedsError';
  }
}

/**
 * A poller over the inputs' feeds (feed URLs and the feeds of OPML files) that resumes each feed's
 * saved ETag and Last-Modified, so a restarted watch's first poll can be answered by a 304;
 * `saveCheckpoints` writes the feeds' state back.
 */
export async function resumedPoller(
  inputs: readonly string[],
  options: { intervalSeconds?: number; allowPrivate?: boolean },
  api: IngestApi,
  store: Pick<Store, 'getCheckpoint' | 'putCheckpoint'>,
) {
  const feeds = await watchedFeeds(inputs, api.parseOpml);
  if (feeds.length === 0) throw new NoFeedsError();
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

/** How inputs are read: private addresses only when allowed (intranet feeds, tests). */
export function readOptionsOf(options: { allowPrivate?: boolean }) {
  return { fetchOptions: { allowPrivate: options.allowPrivate === true } };
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
