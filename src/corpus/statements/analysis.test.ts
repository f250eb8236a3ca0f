import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../store/open.js';
import { TEST_PG, testSchemaUrl } from '../../store/postgres/test-support.js';
import type { Store } from '../../store/types.js';
import { attachCorpus, rebuildCorpus } from '../index.js';
import { statementsAnalysis } from './analysis.js';
import { FULL, putSample as put, SAMPLES } from './fixtures.js';
import { getStatement, listStatements } from './read.js';
import { scratchForStores } from '../../store/__fixtures__/scratch.js';

const dir = scratchForStores('statements corpus analysis tests on PostgreSQL', 'newsgraph-statements-');

/** The grouping as sets of report ids, independent of order. */
async function grouping(store: Store): Promise<string[][]> {
  const page = await listStatements(store, { minReports: 1, limit: 100, offset: 0 });
  const groups: string[][] = [];
  for (const item of page.items) {
    const detail = await getStatement(store, item.id);
    groups.push(detail!.reports.map((r) => r.id));
  }
  return groups.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function defineSuite(name: string, open: () => Promise<Store>): void {
  describe(`statements corpus analysis on ${name}`, () => {
    it('groups two outlets reporting one quote, with drift against the origin; the hard negative stays apart', async () => {
      const store = await open();
      try {
        await attachCorpus(store, [statementsAnalysis()]);
        const ids: string[] = [];
        for (const [i, s] of SAMPLES.entries()) ids.push(await put(store, s, i + 1));
        const page = await listStatements(store, { limit: 10, offset: 0 });
        expect(page.total).toBe(1);
        const [summary] = page.items;
        expect(summary).toMatchObject({ id: `${ids[0]}#Q1`, reports: 2, outlets: ['Daily', 'Wire'] });
        expect(summary.content).toBe(FULL);

        const detail = (await getStatement(store, summary.id))!;
        expect(detail.reports.map((r) => [r.article, r.outlet])).toEqual([
          [ids[0], 'Wire'],
          [ids[1], 'Daily'],
        ]);
        const [origin, relay] = detail.reports;
        expect(origin.drift).toEqual([]);
        const kinds = relay.drift.map((d) => d.kind);
        expect(kinds.sort()).toEqual(['stance-changed', 'truncated', 'words-removed']);
        // Spans are into each report's own article.
        const removed = relay.drift.find((d) => d.kind === 'words-removed')!;
        expect(removed.from.spans.map(([s, e]) => SAMPLES[0].text.slice(s, e))).toEqual(['to lorries']);
        const stance = relay.drift.find((d) => d.kind === 'stance-changed')!;
        expect(stance.to.spans.map(([s, e]) => SAMPLES[1].text.slice(s, e))).toEqual(['claimed']);
        expect([stance.from.value, stance.to.value]).toEqual(['neutral', 'claim']);
        expect(relay.content[0].text).toBe(
          SAMPLES[1].text.slice(relay.content[0].start, relay.content[0].end),
        );

        // A report's id finds its statement; the hard negative is a statement of its own.
        expect((await getStatement(store, `${ids[1]}#Q1`))?.id).toBe(summary.id);
        expect((await getStatement(store, `${ids[2]}#Q1`))?.reports).toHaveLength(1);
        expect((await listStatements(store, { minOutlets: 3, limit: 10, offset: 0 })).total).toBe(0);
        expect((await listStatements(store, { speaker: 'lopes', limit: 10, offset: 0 })).total).toBe(1);
        expect((await listStatements(store, { speaker: 'Nobody', limit: 10, offset: 0 })).total).toBe(0);
      } finally {
        await store.close();
      }
    });

    it('any ingest order and a batch rebuild give the same grouping and origin', async () => {
      const forward = await open();
      const backward = await open();
      try {
        await attachCorpus(forward, [statementsAnalysis()]);
        await attachCorpus(backward, [statementsAnalysis()]);
        for (const [i, s] of SAMPLES.entries()) await put(forward, s, i + 1);
        for (const [i, s] of [...SAMPLES.entries()].reverse()) await put(backward, s, i + 1);
        const expected = await grouping(forward);
        expect(expected.map((g) => g.length).sort()).toEqual([1, 2]);
        expect(await grouping(backward)).toEqual(expected);
        await rebuildCorpus(backward, statementsAnalysis());
        expect(await grouping(backward)).toEqual(expected);
      } finally {
        await forward.close();
        await backward.close();
      }
    });

    it('compares a new report with the reports sharing its keys, not with the whole corpus', async () => {
      const store = await open();
      try {
        const analysis = statementsAnalysis();
        await attachCorpus(store, [analysis]);
        const wire = await put(store, SAMPLES[0], 1);
        // Other speakers, and the same speaker on other matters: none shares the report's keys.
        const names = ['Ana Lopes', 'Rui Castro', 'Ines Moura', 'Tomas Vidal'];
        const things = [
          'harvest',
          'orchestra',
          'railway',
          'vaccine',
          'library',
          'stadium',
          'pension',
          'satellite',
        ];
        for (let i = 0; i < 24; i++) {
          const speaker = names[i % names.length];
          const a = things[i % things.length];
          const b = things[(i * 3 + 1) % things.length];
          const content = `the ${a} budget for ${b} repairs rises in quarter ${i}`;
          const text = `${speaker} said "${content}" on day ${i}.`;
          await put(
            store,
            {
              key: `filler:${i}`,
              outlet: `Outlet${i}`,
              published: '2025-03-01',
              text,
              speaker,
              cue: 'said',
              content,
            },
            i + 10,
          );
        }
        await put(store, SAMPLES[1], 99);
        expect(analysis.lastComparisons).toBe(1);
        expect((await getStatement(store, `${wire}#Q1`))?.outlets).toEqual(['Daily', 'Wire']);
      } finally {
        await store.close();
      }
    });

    it('an article that leaves the store takes its reports out of their statement', async () => {
      const store = await open();
      try {
        const analysis = statementsAnalysis();
        await attachCorpus(store, [analysis]);
        const ids: string[] = [];
        for (const [i, s] of SAMPLES.entries()) ids.push(await put(store, s, i + 1));
        await store.sql.transaction((tx) => analysis.removed(tx, ids[0]));
        // The relay becomes the origin of what is left, and no statement spans two outlets now.
        expect((await getStatement(store, `${ids[1]}#Q1`))?.id).toBe(`${ids[1]}#Q1`);
        expect(await getStatement(store, `${ids[0]}#Q1`)).toBeNull();
        expect((await listStatements(store, { limit: 10, offset: 0 })).total).toBe(0);
      } finally {
        await store.close();
      }
    });
  });
}

let n = 0;
defineSuite('SQLite', () => openStore(path.join(dir, `s${++n}.db`)));
if (TEST_PG) defineSuite('PostgreSQL', () => openStore(testSchemaUrl('statements')));
