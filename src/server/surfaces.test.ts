import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachCorpus, claimsAnalysis, relaysAnalysis, statementsAnalysis } from '../corpus/index.js';
import { ITEMS, putAll } from '../corpus/fixtures.js';
import { fixtureAnalysis, inputOf } from '../store/fixtures.js';
import { SqliteStore } from '../store/sqlite/index.js';
import { expectRefusedParameters } from './__fixtures__/requests.js';
import { buildServer } from './index.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-surfaces-api-'));

describe('claims, outlet graph, relays and lineage API', () => {
  let store: SqliteStore;
  let app: FastifyInstance;
  let ids: Map<string, string>;
  let copyId: string;
  beforeAll(async () => {
    store = new SqliteStore(path.join(dir, 'api.db'));
    await attachCorpus(store, [statementsAnalysis(), claimsAnalysis(), relaysAnalysis()]);
    ids = await putAll(
      store,
      ITEMS.map((_, i) => i),
    );
    // The Wire's article republished word for word: an exact copy in its story.
    const wire = ITEMS[0];
    copyId = (
      await store.putArticle(
        inputOf('wire-copy', wire.analysis.text, { outlet: 'Mirror', published: '2025-04-05' }),
        fixtureAnalysis(wire.analysis.text),
      )
    ).articleId;
    app = await buildServer({ store, webRoot: null });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists traced claims and serves one with its sourced reports', async () => {
    const list = (await app.inject('/api/claims')).json();
    expect(list).toMatchObject({ ok: true, total: 1 });
    expect(list.items[0].outlet).toBe('Post');
    expect(list.items[0].traces).toBeGreaterThanOrEqual(1);
    expect((await app.inject('/api/claims?traced=false')).json().total).toBe(2);
    const res = await app.inject(`/api/claims/${encodeURIComponent(list.items[0].id)}`);
    expect(res.statusCode).toBe(200);
    const { claim } = res.json();
    expect(
      claim.sources.map((s: { outlet: string; speaker: string }) => [s.outlet, s.speaker]),
    ).toContainEqual(['Wire', 'Ana Lopes']);
    // Earliest first: the Wire's report, which is its statement's origin.
    expect(claim.sources[0].statement).toBe(`${ids.get('wire')}#Q1`);
  });

  it('serves the outlet graph and the relays behind an edge, back to the relayed outlet’s report', async () => {
    const graph = (await app.inject('/api/outlets/graph')).json();
    expect(graph.ok).toBe(true);
    expect(graph.edges).toContainEqual({ from: 'daily', to: 'wire', kind: 'credits', count: 1 });
    expect((await app.inject('/api/outlets/graph?minCount=2')).json().edges).toEqual([]);
    // The Daily credits the Wire; the Herald credits the Daily, citing the Wire: both lie on Daily → Wire.
    const relays = (await app.inject('/api/relays?from=Daily&to=Wire')).json();
    expect(relays.total).toBe(2);
    expect(relays.items.find((r: { outlet: string }) => r.outlet === 'Daily')).toMatchObject({
      outlet: 'Daily',
      relay: { text: 'the Wire' },
      relayed: [{ article: ids.get('wire'), outlet: 'Wire' }],
    });
  });

  it('serves a story’s lineage from any of its articles', async () => {
    const res = await app.inject(`/api/lineage/${ids.get('wire')}`);
    expect(res.statusCode).toBe(200);
    const { lineage } = res.json();
    expect(lineage.original).toBe(ids.get('wire'));
    expect(lineage.edges).toHaveLength(1);
    expect(lineage.edges[0]).toMatchObject({ from: ids.get('wire'), reason: 'content-hash' });
    expect(copyId).toBe(ids.get('wire'));
  });

  it('refuses bad parameters and answers unknown ids with a JSON 404', async () => {
    await expectRefusedParameters(app, [
      '/api/claims?traced=maybe',
      '/api/claims?limit=0',
      '/api/outlets/graph?minCount=0',
      '/api/outlets/graph?outlet=x',
      '/api/relays?from=a&from=b',
      '/api/relays?to=%00',
    ]);
    for (const url of ['/api/claims/%3Cscript%3E', '/api/lineage/nothing']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('documents every route in the OpenAPI description', async () => {
    const doc = (await app.inject('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/claims',
        '/api/claims/{id}',
        '/api/outlets/graph',
        '/api/relays',
        '/api/lineage/{id}',
      ]),
    );
    const params = doc.paths['/api/relays'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['from', 'to', 'limit', 'offset']));
  });
});
