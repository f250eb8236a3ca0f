import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachCorpus, statementsAnalysis } from '../corpus/index.js';
import { putSample, SAMPLES } from '../corpus/statements/fixtures.js';
import { SqliteStore } from '../store/sqlite/index.js';
import { expectRefusedParameters } from './__fixtures__/requests.js';
import { buildServer, ErrorBodySchema } from './index.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-statements-api-'));

describe('statements API', () => {
  let store: SqliteStore;
  let app: FastifyInstance;
  const ids: string[] = [];
  beforeAll(async () => {
    store = new SqliteStore(path.join(dir, 'api.db'));
    await attachCorpus(store, [statementsAnalysis()]);
    for (const [i, s] of SAMPLES.entries()) ids.push(await putSample(store, s, i + 1));
    app = await buildServer({ store, webRoot: null });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists statements reported by several outlets, filtered by speaker and outlets', async () => {
    const list = (await app.inject('/api/statements')).json();
    expect(list).toMatchObject({ ok: true, total: 1 });
    expect(list.items[0]).toMatchObject({ id: `${ids[0]}#Q1`, reports: 2, outlets: ['Daily', 'Wire'] });
    expect((await app.inject('/api/statements?speaker=LOPES&minOutlets=2')).json().total).toBe(1);
    expect((await app.inject('/api/statements?minOutlets=3')).json().total).toBe(0);
    // Wildcards in a speaker filter are literal.
    expect((await app.inject('/api/statements?speaker=%25')).json().total).toBe(0);
    const singles = (await app.inject('/api/statements?minReports=1&limit=1&offset=1')).json();
    expect(singles).toMatchObject({ total: 2 });
    expect(singles.items).toHaveLength(1);
  });

  it('serves one statement with spans, texts and drift against the origin', async () => {
    const res = await app.inject(`/api/statements/${encodeURIComponent(`${ids[1]}#Q1`)}`);
    expect(res.statusCode).toBe(200);
    const { statement } = res.json();
    expect(statement.id).toBe(`${ids[0]}#Q1`);
    const [origin, relay] = statement.reports;
    expect(origin).toMatchObject({
      article: ids[0],
      outlet: 'Wire',
      published: '2025-04-01',
      speaker: 'Ana Lopes',
    });
    expect(origin.drift).toEqual([]);
    expect(relay.cue).toEqual([{ start: 22, end: 29, text: 'claimed' }]);
    expect(SAMPLES[1].text.slice(relay.content[0].start, relay.content[0].end)).toBe(relay.content[0].text);
    expect(relay.drift.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'stance-changed',
      'truncated',
      'words-removed',
    ]);
  });

  it('refuses bad parameters and answers unknown statements with a JSON 404', async () => {
    await expectRefusedParameters(app, [
      '/api/statements?minOutlets=0',
      '/api/statements?minOutlets=two',
      '/api/statements?limit=100000',
      '/api/statements?speakers=Lopes',
      '/api/statements?speaker=a&speaker=b',
      '/api/statements?speaker=%00',
    ]);
    const hostile = '<script>alert(1)</script>';
    const missing = await app.inject(`/api/statements/${encodeURIComponent(hostile)}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
    expect(ErrorBodySchema.parse(missing.json()).status).toBe(404);
    expect((await app.inject(`/api/statements/${'x'.repeat(400)}`)).statusCode).toBe(414);
  });

  it('documents both routes in the OpenAPI description', async () => {
    const doc = (await app.inject('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/statements', '/api/statements/{id}']),
    );
    const params = doc.paths['/api/statements'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(
      expect.arrayContaining(['speaker', 'minOutlets', 'minReports', 'limit', 'offset']),
    );
  });
});
