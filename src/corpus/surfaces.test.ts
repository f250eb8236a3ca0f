import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureAnalysis, inputOf } from '../store/fixtures.js';
import { openStore } from '../store/open.js';
import { TEST_PG, testSchemaUrl } from '../store/postgres/test-support.js';
import type { Store } from '../store/types.js';
import {
  attachCorpus,
  claimsAnalysis,
  getClaim,
  getLineage,
  listClaims,
  listRelays,
  outletGraph,
  rebuildCorpus,
  relaysAnalysis,
  statementsAnalysis,
} from './index.js';
import { FULL, ITEMS, putAll, quoted } from './fixtures.js';
import { scratchForStores } from '../store/__fixtures__/scratch.js';

const dir = scratchForStores('claims, relays and lineage tests on PostgreSQL', 'newsgraph-surfaces-');

const analyses = () => [statementsAnalysis(), claimsAnalysis(), relaysAnalysis()];

/** Everything the three surfaces answer, with article ids replaced by keys so orders compare. */
async function snapshot(store: Store, ids: Map<string, string>) {
  const keyOf = new Map([...ids].map(([k, v]) => [v, k]));
  const named = (s: string) => s.replace(/^[^#]+/, (id) => keyOf.get(id) ?? id);
  const claims = await listClaims(store, { traced: false, limit: 50, offset: 0 });
  const traces = [];
  for (const c of claims.items) {
    const d = (await getClaim(store, c.id))!;
    traces.push([named(d.id), d.sources.map((s) => [named(s.report), s.speaker, named(s.statement)])]);
  }
  const relays = (await listRelays(store, { limit: 50, offset: 0 })).items.map((r) => [
    named(r.report),
    r.relay.text,
    r.citing?.text ?? null,
    r.relayed.map((x) => named(x.report)),
  ]);
  return {
    traces: traces.sort(),
    graph: await outletGraph(store, { minCount: 1, limit: 100 }),
    relays: relays.sort(),
  };
}

function defineSuite(name: string, open: (tag: string) => Promise<Store>): void {
  describe(`claims, relays and lineage on ${name}`, () => {
    it('traces a claim to the sourced statement, builds the outlet graph and takes a relay back to the relayed outlet', async () => {
      const store = await open('a');
      try {
        await attachCorpus(store, analyses());
        const ids = await putAll(store, [0, 1, 2, 3, 4]);
        const snap = await snapshot(store, ids);
        // The Post's claim is asserted with a source in the Wire's statement; the Gazette's nowhere.
        expect(snap.traces).toEqual([
          ['gazette#cl1', []],
          ['post#cl1', expect.arrayContaining([['wire#Q1', 'Ana Lopes', 'wire#Q1']])],
        ]);
        expect(
          (await listClaims(store, { traced: true, limit: 10, offset: 0 })).items.map((c) => c.outlet),
        ).toEqual(['Post']);
        const claim = (await getClaim(store, `${ids.get('post')}#cl1`))!;
        expect(ITEMS[3].analysis.text.slice(claim.span.start, claim.span.end)).toBe(FULL);
        expect(claim.sources[0]).toMatchObject({ outlet: 'Wire', cue: [{ text: 'said' }] });

        expect(snap.graph.edges).toEqual([
          { from: 'daily', to: 'wire', kind: 'credits', count: 1 },
          { from: 'daily', to: 'wire', kind: 'cites', count: 1 },
          { from: 'herald', to: 'daily', kind: 'credits', count: 1 },
        ]);
        expect(snap.graph.nodes.find((n) => n.id === 'wire')).toEqual({
          id: 'wire',
          label: 'Wire',
          articles: 1,
          cited: 2,
          citing: 0,
        });
        // "the Wire reported" in the Daily leads back to the Wire's own report of the statement.
        expect(snap.relays).toEqual([
          ['daily#Q1', 'the Wire', null, ['wire#Q1']],
          ['herald#Q1', 'Daily', 'the Wire', ['daily#Q1']],
        ]);
        expect((await listRelays(store, { from: 'THE DAILY', limit: 10, offset: 0 })).total).toBe(2);
        expect((await listRelays(store, { to: 'wire', limit: 10, offset: 0 })).total).toBe(2);
        expect((await listRelays(store, { from: 'Post', limit: 10, offset: 0 })).total).toBe(0);
        // Two attributions sharing one "…, the Wire reported" are two relays but one place: counted once.
        const echo = quoted(
          'echo',
          'Echo',
          '2025-04-05',
          'Ana Lopes said "talks go on", the Wire reported.',
          'talks go on',
          ['the Wire', 'reported'],
        );
        echo.analysis.attributions.push({ ...echo.analysis.attributions[0], id: 'Q2' });
        await store.putArticle(inputOf('echo', echo.analysis.text, { outlet: 'Echo' }), echo.analysis);
        expect((await listRelays(store, { from: 'Echo', limit: 10, offset: 0 })).total).toBe(2);
        expect((await outletGraph(store, { minCount: 1, limit: 100 })).edges).toContainEqual({
          from: 'echo',
          to: 'wire',
          kind: 'credits',
          count: 1,
        });
      } finally {
        await store.close();
      }
    });

    it('any order and a batch rebuild give the same traces, graph and relays', async () => {
      const forward = await open('b');
      const backward = await open('c');
      try {
        await attachCorpus(forward, analyses());
        await attachCorpus(backward, analyses());
        const a = await snapshot(forward, await putAll(forward, [0, 1, 2, 3, 4]));
        const idsB = await putAll(backward, [4, 3, 2, 1, 0]);
        expect(await snapshot(backward, idsB)).toEqual(a);
        for (const analysis of analyses()) await rebuildCorpus(backward, analysis);
        expect(await snapshot(backward, idsB)).toEqual(a);
        // Removing the statement's article takes its traces with it.
        await backward.sql.transaction(async (tx) => {
          for (const an of analyses()) await an.removed(tx, idsB.get('wire')!);
        });
        const claim = (await getClaim(backward, `${idsB.get('post')}#cl1`))!;
        expect(claim.sources.map((s) => s.outlet)).not.toContain('Wire');
      } finally {
        await forward.close();
        await backward.close();
      }
    });

    it('reads a story as lineage: original → near-copy with its changes → exact republication', async () => {
      const store = await open('d');
      try {
        const original =
          'Valmora opened the Keld bridge on Tuesday. Trucks crossed in both directions. Farmers welcomed the news.';
        const edited =
          'Valmora opened the Keld bridge after a long dispute on Tuesday. Lorries crossed in both directions.';
        const signature = Uint32Array.from({ length: 64 }, (_, i) => i);
        const near = { signature, lshKeys: ['band-1'] };
        const wire = await store.putArticle(
          { ...inputOf('w', original, { outlet: 'Wire', published: '2025-04-01', ...near }), inputOrder: 1 },
          fixtureAnalysis(original),
        );
        const post = await store.putArticle(
          { ...inputOf('p', edited, { outlet: 'Post', published: '2025-04-02', ...near }), inputOrder: 2 },
          fixtureAnalysis(edited),
        );
        await store.putArticle(
          { ...inputOf('h', edited, { outlet: 'Herald', published: '2025-04-03' }), inputOrder: 3 },
          fixtureAnalysis(edited),
        );
        const lineage = (await getLineage(store, post.articleId))!;
        expect(lineage.original).toBe(wire.articleId);
        expect(lineage.nodes.map((n) => [n.outlet, n.original])).toEqual([
          ['Wire', true],
          ['Post', false],
          ['Herald', false],
        ]);
        const [toPost, toHerald] = lineage.edges;
        expect(toPost).toMatchObject({ from: wire.articleId, to: post.articleId, reason: 'near-duplicate' });
        const changes = toPost.diff!.changes.map((c) => [c.kind, c.original.text, c.copy.text]);
        expect(changes).toEqual([
          ['added', '', 'after a long dispute'],
          ['rewritten', 'Trucks', 'Lorries'],
          ['removed', 'Farmers welcomed the news', ''],
        ]);
        for (const c of toPost.diff!.changes) {
          for (const [s, e] of c.copy.spans) expect(edited.slice(s, e)).toBe(c.copy.text);
          for (const [s, e] of c.original.spans) expect(original.slice(s, e)).toBe(c.original.text);
        }
        // The exact republication copies the Post, word for word.
        expect(toHerald).toMatchObject({
          from: post.articleId,
          reason: 'content-hash',
          diff: { changes: [] },
        });
        expect(await getLineage(store, 'no-such-article')).toBeNull();
      } finally {
        await store.close();
      }
    });
  });
}

defineSuite('SQLite', async (tag) => openStore(path.join(dir, `${tag}.db`)));
if (TEST_PG) defineSuite('PostgreSQL', async (tag) => openStore(testSchemaUrl(`surfaces_${tag}`)));
