import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureAnalysis } from '../store/store.suite.js';
import { SqliteStore } from '../store/sqlite/index.js';
import type { Fingerprinter } from '../service/item.js';
import type { Analysis, ArticleMeta } from '../model/index.js';
import { buildServer, checkExposure, ErrorBodySchema } from './index.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** Exact fingerprints without near-duplicate bands: enough for the API's own behaviour. */
const fingerprinter: Fingerprinter = {
  contentHash: (t) => createHash('sha256').update(t).digest('hex'),
  minhashSignature: () => new Uint32Array(0),
  lshBandKeys: () => [],
};

const TEXT = 'Minister Ana Lopes said "we will open the border on Monday" after talks. Valmora agreed.';
/** Builds the analysis from the posted text, finding the quote and event wherever they are. */
const analyzer = (text: string, meta: ArticleMeta): Analysis =>
  text.includes('Ana Lopes') && text.includes('agreed')
    ? fixtureAnalysis(text, {
        meta,
        quote: { speaker: 'Ana Lopes', cue: 'said', content: 'we will open the border on Monday' },
        event: {
          source: 'Ana Lopes',
          target: 'Valmora',
          trigger: 'agreed',
          cameo: '057',
          goldstein: 8,
          quadClass: 1,
        },
      })
    : fixtureAnalysis(text, { meta });

describe('HTTP API', () => {
  let store: SqliteStore;
  let app: FastifyInstance;
  const make = async (opts: { host?: string; token?: string } = {}) => {
    store = new SqliteStore(path.join(dir, `s${++n}.db`));
    app = await buildServer({ store, fingerprinter, analyzer, webRoot: null, ...opts });
    return app;
  };
  beforeEach(async () => {
    await make();
  });
  afterEach(async () => {
    await app.close();
    await store.close();
  });

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/articles', payload: payload as object, headers });

  it('stores a posted article and serves it through every read route', async () => {
    const created = await post({ text: TEXT, title: 'Border', outlet: 'Wire', published: '2025-04-03' });
    expect(created.statusCode).toBe(201);
    const { result } = created.json();
    expect(result.status).toBe('stored');
    expect((await post({ text: TEXT, title: 'Border' })).json().result.status).toBe('exists');
    expect((await post({ text: TEXT, url: 'https://example.org/mirror' })).json().result.status).toBe('copy');

    const list = (await app.inject('/api/articles')).json();
    expect(list).toMatchObject({ ok: true, total: 1 });
    const search = (await app.inject('/api/articles?q=border%20monday')).json();
    expect(search.items[0].id).toBe(result.articleId);
    const one = (await app.inject(`/api/articles/${result.articleId}`)).json();
    expect(one.article.analysis.text).toBe(TEXT);
    expect(one.article.copies).toHaveLength(1);

    const quotes = (await app.inject('/api/quotes?speaker=lopes&text=border')).json();
    expect(quotes.items[0].content).toBe('we will open the border on Monday');
    const actors = (await app.inject('/api/actors?q=Lopes')).json();
    const actor = (await app.inject(`/api/actors/${encodeURIComponent(actors.items[0].id)}`)).json();
    expect(actor.actor.eventsGiven[0].cameo).toBe('057');
    expect((await app.inject('/api/events?root=05&quadClass=1&from=2025-04-01')).json().total).toBe(1);
    expect((await app.inject('/api/timeline')).json().points[0]).toMatchObject({
      day: '2025-04-03',
      count: 1,
    });
    expect((await app.inject('/api/network')).json().edges).toHaveLength(1);
    expect((await app.inject('/api/stats')).json().stats).toMatchObject({
      articles: 1,
      duplicateCopies: 1,
      stories: 1,
    });
    const story = (await app.inject(`/api/stories/${result.storyId}`)).json();
    expect(story.story.copies).toBe(2);
  });

  it('answers every failure with the one error shape {ok:false, error, status}', async () => {
    const cases: [
      Promise<{ statusCode: number; json(): unknown; headers: Record<string, unknown> }>,
      number,
    ][] = [
      [app.inject('/api/nothing-here'), 404],
      [app.inject('/api/articles/a404'), 404],
      [app.inject('/api/actors/nobody'), 404],
      [app.inject('/api/stories/none'), 404],
      [app.inject('/api/jobs/dead-letters'), 404],
      [app.inject('/api/jobs/dead-letters?limit=0'), 400],
      [app.inject('/api/articles?limit=abc'), 400],
      [app.inject('/api/articles?limit=100000'), 400],
      [app.inject('/api/events?from=yesterday'), 400],
      [app.inject('/api/events?quadClass=9'), 400],
      [app.inject('/api/quotes?stance=angry'), 400],
      [post({ title: 'no text' }), 400],
      [post({ text: '' }), 400],
      [post({ text: 'x', url: 'not a url' }), 400],
      [post({ text: 'x', url: 'javascript:alert(1)' }), 400],
      [
        app.inject({
          method: 'POST',
          url: '/api/articles',
          payload: '{broken',
          headers: { 'content-type': 'application/json' },
        }),
        400,
      ],
      [
        app.inject({
          method: 'POST',
          url: '/api/articles',
          payload: '<a/>',
          headers: { 'content-type': 'application/xml' },
        }),
        415,
      ],
      [
        app.inject({
          method: 'POST',
          url: '/api/articles',
          payload: 'text',
          headers: { 'content-type': 'text/plain' },
        }),
        400,
      ],
      [post({ text: 'binary\u0000data here' }), 422],
      [app.inject({ method: 'DELETE', url: '/api/articles' }), 404],
    ];
    for (const [req, status] of cases) {
      const res = await req;
      expect(res.statusCode).toBe(status);
      expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
      const body = ErrorBodySchema.parse(res.json());
      expect(body.status).toBe(status);
      expect(body.error.length).toBeGreaterThan(0);
    }
  });

  it('hostile search strings never break a query', async () => {
    await post({ text: TEXT });
    for (const q of ['"', 'NEAR(a b', 'AND', '*', "'; --", '%_\\']) {
      const a = await app.inject(`/api/articles?q=${encodeURIComponent(q)}`);
      const b = await app.inject(
        `/api/quotes?text=${encodeURIComponent(q)}&speaker=${encodeURIComponent(q)}`,
      );
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    }
  });

  it('publishes an OpenAPI document of the routes', async () => {
    const doc = (await app.inject('/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/articles',
      '/api/articles/{id}',
      '/api/actors/{id}',
      '/api/quotes',
      '/api/events',
      '/api/timeline',
      '/api/network',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(doc.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name)).toContain(
      'quadClass',
    );
  });

  it('sends security headers with a CSP that forbids inline scripts', async () => {
    const res = await app.inject('/api/stats');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the built dashboard with the CSP, and a JSON 404 for any missing file', async () => {
    await app.close();
    const web = path.join(dir, `web${n}`);
    mkdirSync(path.join(web, 'assets'), { recursive: true });
    writeFileSync(
      path.join(web, 'index.html'),
      '<!doctype html><title>newsgraph</title><script type="module" src="/assets/app.js"></script>',
    );
    writeFileSync(path.join(web, 'assets', 'app.js'), 'export {};');
    app = await buildServer({ store, fingerprinter, analyzer, webRoot: web });
    const index = await app.inject('/');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<title>newsgraph</title>');
    expect(String(index.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await app.inject('/assets/app.js')).statusCode).toBe(200);
    const missing = await app.inject('/assets/missing.js');
    expect(missing.statusCode).toBe(404);
    expect(ErrorBodySchema.parse(missing.json()).status).toBe(404);
  });

  it('refuses cross-origin writes', async () => {
    const res = await post({ text: TEXT }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect((await app.inject('/api/stats')).json().stats.articles).toBe(0);
  });

  it('needs the bearer token for writes when one is set', async () => {
    await app.close();
    await store.close();
    await make({ token: 'a-long-secret-token-123' });
    expect((await post({ text: TEXT })).statusCode).toBe(401);
    expect((await post({ text: TEXT }, { authorization: 'Bearer wrong' })).statusCode).toBe(401);
    expect((await post({ text: TEXT }, { authorization: 'Bearer a-long-secret-token-123' })).statusCode).toBe(
      201,
    );
  });

  it('disables writes on a non-loopback host without a token, and refuses to start that way', async () => {
    await app.close();
    await store.close();
    await make({ host: '0.0.0.0' });
    const res = await post({ text: TEXT });
    expect(res.statusCode).toBe(403);
    expect(() => checkExposure('0.0.0.0', undefined)).toThrow(/without --token/);
    expect(() => checkExposure('192.168.1.5', undefined)).toThrow();
    expect(() => checkExposure('127.0.0.1', undefined)).not.toThrow();
    expect(() => checkExposure('::1', undefined)).not.toThrow();
    expect(() => checkExposure('0.0.0.0', 'a-long-secret-token-123')).not.toThrow();
  });
});
