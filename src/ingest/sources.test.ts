import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeFetchAgents } from './fetch.js';
import { readSources, type ReadOptions } from './sources.js';
import { send, startServer, type TestServer } from './test-support/server.js';
import { IngestItemSchema, isIngestProblem, type IngestItem, type IngestProblem } from './types.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fx = (name: string): string => path.join(FIXTURES, name);

async function collect(
  inputs: string[],
  options?: ReadOptions,
): Promise<{ items: IngestItem[]; problems: IngestProblem[] }> {
  const items: IngestItem[] = [];
  const problems: IngestProblem[] = [];
  for await (const x of readSources(inputs, options)) {
    if (isIngestProblem(x)) problems.push(x);
    else {
      IngestItemSchema.parse(x);
      items.push(x);
    }
  }
  return { items, problems };
}

const ARTICLE_PAGE = (
  title: string,
  body: string,
): string => `<!DOCTYPE html><html lang="en"><head><title>${title}</title>
<meta property="og:site_name" content="Gazette"><link rel="canonical" href="/news/ferry"></head>
<body><article><h1>${title}</h1>${body}</article><aside class="related">Related: other stories</aside></body></html>`;
const LONG_BODY = [
  'The winter ferry timetable starts on Sunday, with fewer crossings on weekday evenings and an extra early boat on Saturdays for market traders.',
  'The operator said the changes followed a survey of passengers over the summer, in which most said they preferred earlier departures to later ones.',
  'Island councillors criticised the cut in evening crossings, saying it would make it harder for students to attend classes on the mainland.',
]
  .map((p) => `<p>${p}</p>`)
  .join('');

let server: TestServer;
let tmp: string;
beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ingest-'));
  server = await startServer({
    '/news/ferry': send(ARTICLE_PAGE('Ferry timetable changes', LONG_BODY), 'text/html; charset=utf-8'),
    '/feed.xml': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>
        <item><title>Ferry timetable changes</title><link>${server.origin}/news/ferry?utm_source=rss</link><description>Short.</description></item>
        <item><title>Gone</title><link>${server.origin}/missing</link><description>Short.</description></item>
      </channel></rss>`);
    },
    '/bomb.xml': send(
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><rss><channel><title>&a;</title></channel></rss>`,
      'application/xml',
    ),
  });
});
afterAll(async () => {
  await closeFetchAgents();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('readSources: files', () => {
  it('walks a directory recursively: text, HTML and gzipped files; skips other kinds', async () => {
    const { items, problems } = await collect([fx('corpus')]);
    expect(problems).toEqual([]);
    expect(items.map((i) => [i.origin, path.basename(i.url ?? i.key)])).toEqual([
      ['text', 'note.txt.gz'],
      ['html', 'rail-strike'],
      ['text', 'story.txt'],
    ]);
    const [note, page, story] = items;
    expect(page).toMatchObject({
      key: 'https://northernpost.example/rail-strike',
      canonicalUrl: 'https://northernpost.example/rail-strike',
      title: 'Rail strike called off',
      byline: 'Tom Reyes',
      outlet: 'Northern Post',
      published: '2019-11-21T06:15:00Z',
      language: 'en',
    });
    expect(page.text).toMatch(/^Rail strike called off\n\nThe rail union called off/);
    expect(page.text).not.toMatch(/Advertisement|Photo:|Share on|Tweet|not text|©/);
    expect(note.text).toContain('second paragraph');
    expect(note.title).toBe('Short note');
    expect(story.title).toBe('Mayor opens new library');
    expect(story.text.startsWith('Mayor opens new library\n\nBy Lena Fischer')).toBe(true);
  });

  it('reads JSONL, reporting bad lines by file:line and going on', async () => {
    const file = fx('articles.jsonl');
    const { items, problems } = await collect([file]);
    expect(items.map((i) => i.title ?? i.key)).toEqual([
      'Water restored',
      'Bill vote',
      `${path.resolve(file)}#a5`,
    ]);
    expect(items[0]).toMatchObject({
      key: 'https://capital.example/water',
      outlet: 'Capital News',
      published: '2019-11-19',
      origin: 'jsonl',
    });
    expect(items[1]).toMatchObject({
      outlet: 'politico',
      published: '2016-10-03',
      key: `${path.resolve(file)}#a2`,
    });
    expect(problems.map((p) => p.where)).toEqual([`${file}:3`, `${file}:4`]);
    expect(problems[0].reason).toMatch(/^bad JSON: /);
    expect(problems[1].reason).toMatch(/not an article record: text/);
  });

  it('skips an over-long JSONL line and reads the next', async () => {
    const file = path.join(tmp, 'long.jsonl');
    writeFileSync(file, `{"text": "${'x'.repeat(5000)}"}\n{"text": "fine"}\n`);
    const { items, problems } = await collect([file], { maxLineChars: 1000 });
    expect(items.map((i) => i.text)).toEqual(['fine']);
    expect(problems[0]).toMatchObject({ where: `${file}:1` });
  });

  it('reads each feed format from files, full content used as is', async () => {
    const { items } = await collect([fx('atom.xml'), fx('feed.json'), fx('rss2.xml')], { fetchLinks: false });
    const atom = items.find((i) => i.outlet === 'Le Petit Quotidien')!;
    expect(atom).toMatchObject({
      origin: 'feed',
      language: 'fr',
      byline: 'Claire Dubois',
      key: 'https://quotidien.example/2019/11/maire',
    });
    expect(atom.text.split('\n\n')).toHaveLength(4);
    const json = items.find((i) => i.outlet === 'Desert Wire')!;
    expect(json.text).toMatch(/^The city recorded/);
    const rss = items.find((i) => i.title?.startsWith('Council'))!;
    expect(rss.key).toBe('https://gazette.example/news/dredging');
    // Scripts and event handlers in feed HTML end up as nothing, never as text or markup.
    expect(rss.text).not.toMatch(/alert|steal|<|>/);
    expect(rss.text).toContain('"We finally have a plan," said council leader Anna Berg');
  });

  it('reports refused and broken feeds, missing paths and binary files', async () => {
    const bin = path.join(tmp, 'blob.html');
    writeFileSync(bin, Buffer.from([0x3c, 0x70, 0x00, 0x01, 0x02]));
    const { items, problems } = await collect([
      fx('bomb.xml'),
      fx('broken.xml'),
      path.join(tmp, 'nope.txt'),
      bin,
    ]);
    expect(items).toEqual([]);
    expect(problems.map((p) => p.reason)).toEqual([
      'refused: the document declares entities (DOCTYPE), a billion-laughs risk',
      expect.stringMatching(/^malformed XML at line 2/),
      'no such file or directory',
      'binary data, not text',
    ]);
  });
});

describe('feedItems ordering', () => {
  it('fetches linked pages concurrently but yields them in feed order', async () => {
    const n = 8;
    const items = Array.from(
      { length: n },
      (_, i) =>
        `<item><title>T${i}</title><link>https://x.example/${i}</link><description>s</description></item>`,
    ).join('');
    const feed = path.join(tmp, 'order.xml');
    writeFileSync(feed, `<rss version="2.0"><channel><title>O</title>${items}</channel></rss>`);
    let inFlight = 0;
    let maxInFlight = 0;
    const fetch = async (url: string) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const i = Number(url.split('/').pop());
      await new Promise((r) => setTimeout(r, (n - i) * 5));
      inFlight--;
      const html = ARTICLE_PAGE(`Page ${i}`, LONG_BODY).replace('/news/ferry', `/p/${i}`);
      return {
        url,
        finalUrl: url,
        status: 200,
        notModified: false,
        contentType: 'text/html',
        text: html,
        encoding: 'utf-8',
        redirects: [],
      };
    };
    const { items: out } = await collect([feed], { fetch, linkConcurrency: 3 });
    expect(out.map((i) => i.title)).toEqual(Array.from({ length: n }, (_, i) => `T${i}`));
    expect(maxInFlight).toBe(3);
  });

  it('refuses files over the size limit', async () => {
    const big = path.join(tmp, 'big.txt');
    writeFileSync(big, 'word '.repeat(1000));
    const { problems } = await collect([big], { maxFileBytes: 1000 });
    expect(problems[0].reason).toBe('file of 5000 bytes is over the 1000-byte limit');
  });
});

describe('readSources: URLs (local server, allowPrivate)', () => {
  const opts: ReadOptions = { fetchOptions: { allowPrivate: true } };

  it('fetches and extracts a page, keyed by its canonical URL', async () => {
    const { items } = await collect([`${server.origin}/news/ferry`], opts);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      origin: 'url',
      key: `http://127.0.0.1:${server.port}/news/ferry`,
      outlet: 'Gazette',
      title: 'Ferry timetable changes',
    });
    expect(items[0].text).not.toContain('Related');
  });

  it('fetches the linked pages of a summary-only feed; a dead link is a problem', async () => {
    const { items, problems } = await collect([`${server.origin}/feed.xml`], opts);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      origin: 'feed',
      feed: `${server.origin}/feed.xml`,
      title: 'Ferry timetable changes',
    });
    expect(items[0].text).toMatch(/winter ferry timetable/);
    expect(problems).toEqual([
      { where: `${server.origin}/missing`, reason: `${server.origin}/missing: HTTP 404` },
    ]);
  });

  it('reads the feeds of an OPML list', async () => {
    const opml = path.join(tmp, 'subs.opml');
    writeFileSync(
      opml,
      `<opml version="2.0"><body><outline text="g" xmlUrl="${server.origin}/feed.xml"/><outline text="b" xmlUrl="${server.origin}/bomb.xml"/></body></opml>`,
    );
    const { items, problems } = await collect([opml], opts);
    expect(items.map((i) => i.title)).toEqual(['Ferry timetable changes']);
    expect(problems.map((p) => p.reason)).toContain(
      'refused: the document declares entities (DOCTYPE), a billion-laughs risk',
    );
  });

  it('refuses the local server without allowPrivate', async () => {
    const { items, problems } = await collect([`${server.origin}/news/ferry`]);
    expect(items).toEqual([]);
    expect(problems[0].reason).toMatch(/refused: 127\.0\.0\.1 is a loopback address/);
  });
});
