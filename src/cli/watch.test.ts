import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from './commands/ingest.js';

/*
 * `ingest --watch` against a local feed: stopping and restarting the watch resumes the feed's saved
 * ETag, so the restarted poller asks "if none match" instead of downloading the feed again.
 */
const story = (n: number) =>
  `<item><title>Story ${n}</title><link>https://news.example/s/${n}</link><guid>s-${n}</guid><description>${`Story ${n} says the council voted to reopen the bridge on Monday after repairs. `.repeat(10)}</description></item>`;
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>${story(1)}${story(2)}</channel></rss>`;

describe('ingest --watch', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-watch-'));
  const requests: IncomingHttpHeaders[] = [];
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.headers);
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
      res.end(FEED);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One watch run, stopped once the poller has made its first request. */
  const watchOnce = async () => {
    const before = requests.length;
    const controller = new AbortController();
    const run = runIngest([url], {
      db: path.join(dir, 'watch.db'),
      watch: true,
      intervalSeconds: 3600,
      progress: false,
      allowPrivate: true,
      signal: controller.signal,
      stream: new PassThrough() as unknown as NodeJS.WriteStream,
    });
    // The first request reads the inputs; the second is the poller's first poll.
    while (requests.length < before + 2) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    const summary = await run;
    return { summary, pollerRequest: requests[before + 1] };
  };

  it('stores the feed once and resumes its ETag after a restart', async () => {
    const first = await watchOnce();
    expect(first.summary.stored).toBe(2);
    expect(first.pollerRequest['if-none-match']).toBeUndefined();
    const second = await watchOnce();
    expect(second.summary.stored).toBe(0);
    expect(second.pollerRequest['if-none-match']).toBe('"v1"');
  }, 30_000);
});
