/**
 * Fuzz targets: what each entry point must do with any input, and generators of inputs built to
 * reach its corners (news-like sentences with quotes and names, tag soup, feeds with odd prologs and
 * links, hostile HTTP requests). Used by the test suite (a few thousand inputs, seconds) and by
 * `npm run fuzz` (many more, with timings).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { analyze, InputError } from '../../src/pipeline/index.js';
import { AnalysisSchema } from '../../src/model/index.js';
import { extractArticle } from '../../src/ingest/extract.js';
import { parseFeed, sniffDocument } from '../../src/ingest/feeds.js';
import { IngestError } from '../../src/ingest/types.js';
import { buildServer, ErrorBodySchema } from '../../src/server/index.js';
import { SqliteStore } from '../../src/store/sqlite/index.js';
import { fixtureAnalysis } from '../../src/store/fixtures.js';
import { badSpans } from '../spans.js';

export interface FuzzTarget<T> {
  name: string;
  /** Inputs per test-suite run (the fuzz script multiplies it). */
  runs: number;
  arbitrary: fc.Arbitrary<T>;
  /** Size of an input in bytes, for time per KB. */
  size(input: T): number;
  /** Throws when the entry point misbehaves on `input`. */
  check(input: T): void | Promise<void>;
}

const NAMES = [
  'Ana Lopes',
  'Bo Varga',
  'President Mira Kell',
  'the minister',
  'NATO',
  'Valmora',
  'Ostria',
  'he',
  'officials',
];
const VERBS = [
  'said',
  'told reporters',
  'warned',
  'denied',
  'according to',
  'claimed',
  'agreed',
  'condemned',
  'met',
];
const BITS = [
  '"',
  '“',
  '”',
  "'",
  '«',
  '»',
  ',',
  '.',
  ':',
  ' — ',
  '\n',
  '\n\n',
  '(',
  ')',
  'on Monday',
  'in 2025',
  'last week',
];
const word = fc.oneof(
  fc.constantFrom(...NAMES, ...VERBS, ...BITS),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

/** News-like text: names, speech verbs, quotes and punctuation in any order, with stray Unicode. */
export const newsText = fc.array(word, { minLength: 1, maxLength: 80 }).map((w) => w.join(' '));

/** Article-length text (up to ~1,500 words), for the time per KB of analysis. */
export const longNewsText = fc.array(word, { minLength: 200, maxLength: 1500 }).map((w) => w.join(' '));

export const analyzeTarget: FuzzTarget<string> = {
  name: 'analyze',
  runs: 600,
  arbitrary: fc.oneof({ weight: 19, arbitrary: newsText }, { weight: 1, arbitrary: longNewsText }),
  size: (t) => Buffer.byteLength(t),
  check(text) {
    let a;
    try {
      a = analyze(text, { published: '2025-04-03' });
    } catch (err) {
      if (err instanceof InputError) return;
      throw err;
    }
    AnalysisSchema.parse(a);
    const bad = badSpans(a);
    if (bad.length > 0) throw new Error(`span text differs from the article at ${bad[0].path}`);
  },
};

const TAGS = [
  'p',
  'div',
  'article',
  'main',
  'span',
  'b',
  'script',
  'style',
  'h1',
  'nav',
  'footer',
  'table',
  'td',
  'li',
  'a',
  'meta',
  'br',
  'img',
  'svg',
  'iframe',
];
const tag: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    newsText,
    fc.constantFrom(
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '&amp;',
      '&#0;',
      '&nbsp;',
      '<',
      '>',
      '"',
      '</p>',
      '<br>',
      '<!DOCTYPE html>',
    ),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(tie('node'), { maxLength: 4 }), fc.string({ maxLength: 10 }))
      .map(([t, kids, attr]) => `<${t} class="${attr.replace(/"/g, '')}">${kids.join('')}</${t}>`),
  ),
})).node;

/** Tag soup: nested elements, unclosed ones, comments, entities and stray brackets. */
export const html = fc
  .array(tag, { maxLength: 12 })
  .map((parts) => `<html><body>${parts.join('')}</body></html>`);

export const extractorTarget: FuzzTarget<string> = {
  name: 'HTML extractor',
  runs: 400,
  arbitrary: fc.oneof(html, fc.string({ unit: 'binary', maxLength: 400 })),
  size: (t) => Buffer.byteLength(t),
  check(page) {
    const a = extractArticle(page, 'https://example.org/a');
    if (typeof a.text !== 'string') throw new Error('no text string');
  },
};

const link = fc.constantFrom(
  'https://example.org/a',
  'http://example.org/b?x=1&amp;y=2',
  'file:///etc/passwd',
  'javascript:alert(1)',
  '',
  '//example.org/c',
  'https://exa mple.org/',
);
const item = fc
  .tuple(
    newsText,
    link,
    fc.string({ maxLength: 20 }),
    fc.constantFrom('Mon, 03 Apr 2025 10:00:00 GMT', 'yesterday', '', '2025-04-03'),
  )
  .map(
    ([body, url, guid, date]) =>
      `<item><title>${body.slice(0, 40).replace(/[<&]/g, ' ')}</title><link>${url}</link><guid>${guid.replace(/[<&]/g, '')}</guid>` +
      `<pubDate>${date}</pubDate><description><![CDATA[${body.replace(/]]>/g, '')}]]></description></item>`,
  );
const prolog = fc.constantFrom(
  '',
  '<?xml version="1.0"?>',
  `<!-- ${'x'.repeat(5000)} -->`,
  '<!DOCTYPE rss>',
  '\ufeff',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
);

/** RSS and Atom documents with odd prologs, links of any scheme, and broken markup among the items. */
export const feed = fc.oneof(
  fc
    .tuple(
      prolog,
      fc.array(fc.oneof(item, fc.constantFrom('<item>', '</channel>', '&', '<![CDATA[')), { maxLength: 6 }),
    )
    .map(([p, items]) => `${p}<rss version="2.0"><channel><title>T</title>${items.join('')}</channel></rss>`),
  fc
    .tuple(prolog, fc.array(newsText, { maxLength: 4 }))
    .map(
      ([p, entries]) =>
        `${p}<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${entries
          .map(
            (e) =>
              `<entry><id>${createHash('md5').update(e).digest('hex')}</id><content type="html">${e.replace(/[<&]/g, ' ')}</content></entry>`,
          )
          .join('')}</feed>`,
    ),
  fc.string({ maxLength: 300 }),
);

export const feedTarget: FuzzTarget<string> = {
  name: 'feed parser',
  runs: 1500,
  arbitrary: feed,
  size: (t) => Buffer.byteLength(t),
  check(doc) {
    sniffDocument(doc);
    try {
      const f = parseFeed(doc);
      for (const e of f.entries) {
        for (const v of Object.values(e))
          if (v !== undefined && typeof v !== 'string') throw new Error('non-string entry field');
      }
    } catch (err) {
      if (err instanceof IngestError) return;
      throw err;
    }
  },
};

/** One HTTP request: method, path, query and body, built from the API's routes and hostile pieces. */
export interface ApiRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  body?: string;
  headers: Record<string, string>;
}

const segmentText = fc.oneof(
  fc.constantFrom(
    'articles',
    'actors',
    'quotes',
    'events',
    'timeline',
    'network',
    'stories',
    'stats',
    'health',
    'jobs',
  ),
  fc.string({ maxLength: 8 }).map(encodeURIComponent),
  fc.constantFrom('%E0%A4%A', '%00', '..', '%2e%2e', 'x'.repeat(400), '%', '%ff'),
);
const queryPart = fc
  .tuple(
    fc.constantFrom(
      'q',
      'limit',
      'offset',
      'text',
      'speaker',
      'outlet',
      'stance',
      'from',
      'to',
      'root',
      'code',
      'quadClass',
      'layerLimit',
      'x',
      '__proto__',
    ),
    fc.oneof(
      fc.string({ maxLength: 10 }).map(encodeURIComponent),
      fc.constantFrom('10', '-1', '1e9', 'NaN', '%00', '2025-04-03', '%'),
    ),
  )
  .map(([k, v]) => `${k}=${v}`);

export const apiRequest: fc.Arbitrary<ApiRequest> = fc
  .record({
    method: fc.constantFrom('GET', 'GET', 'GET', 'POST', 'DELETE'),
    path: fc.array(segmentText, { minLength: 1, maxLength: 3 }),
    query: fc.array(queryPart, { maxLength: 4 }),
    body: fc.oneof(
      newsText.map((text) => JSON.stringify({ text })),
      fc
        .record({
          text: newsText,
          title: fc.string({ maxLength: 20 }),
          url: link,
          published: fc.string({ maxLength: 12 }),
        })
        .map((b) => JSON.stringify(b)),
      fc.string({ maxLength: 50 }),
      fc.constant('{"text": 5}'),
    ),
    host: fc.constantFrom('127.0.0.1:8080', 'localhost', 'evil.example', ''),
    auth: fc.constantFrom('', 'Bearer x', 'bearer', 'Basic abc'),
  })
  .map((r) => ({
    method: r.method as ApiRequest['method'],
    url: `/${r.path[0] === 'api' ? '' : 'api/'}${r.path.join('/')}${r.query.length ? `?${r.query.join('&')}` : ''}`,
    ...(r.method === 'POST' ? { body: r.body } : {}),
    headers: {
      ...(r.host ? { host: r.host } : {}),
      ...(r.auth ? { authorization: r.auth } : {}),
      ...(r.method === 'POST' ? { 'content-type': 'application/json' } : {}),
    },
  }));

/** A server over an in-memory store with a quick analyzer: the API's own behaviour, not analysis speed. */
export async function fuzzServer(): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const store = new SqliteStore(':memory:');
  const app = await buildServer({
    store,
    webRoot: null,
    analyzer: (text, meta) => fixtureAnalysis(text, { meta }),
    fingerprinter: {
      contentHash: (t) => createHash('sha256').update(t).digest('hex'),
      minhashSignature: () => new Uint32Array(0),
      lshBandKeys: () => [],
    },
  });
  return {
    app,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

export function apiTarget(app: FastifyInstance): FuzzTarget<ApiRequest> {
  return {
    name: 'HTTP API',
    runs: 800,
    arbitrary: apiRequest,
    size: (r) => r.url.length + (r.body?.length ?? 0),
    async check(r) {
      const res = await app.inject({
        method: r.method,
        url: r.url,
        headers: r.headers,
        ...(r.body !== undefined ? { payload: r.body } : {}),
      });
      if (res.statusCode >= 500)
        throw new Error(`${res.statusCode} for ${r.method} ${r.url}: ${res.body.slice(0, 200)}`);
      if (res.statusCode >= 400) {
        const body = ErrorBodySchema.safeParse(res.json());
        if (!body.success || body.data.status !== res.statusCode)
          throw new Error(
            `${res.statusCode} without the error envelope for ${r.method} ${r.url}: ${res.body.slice(0, 200)}`,
          );
      } else if (
        /^\/api\/(?!.*(\.\.|%2e))/i.test(r.url) &&
        !String(res.headers['content-type']).startsWith('application/json')
      ) {
        throw new Error(`${r.method} ${r.url} answered ${res.headers['content-type']}`);
      }
    },
  };
}
