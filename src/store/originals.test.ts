import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IngestItem } from '../ingest/types.js';
import { fixtureAnalysis } from './store.suite.js';
import { ingestItems } from '../service/ingest.js';
import { loadIngestApi } from '../service/item.js';
import { SqliteStore } from './sqlite/index.js';
import { dropTestSchemas, TEST_PG, testSchemaUrl, warnIfNoTestPg } from './postgres/test-support.js';
import { comparePrecedence } from './rules.js';
import type { Store } from './types.js';

/**
 * The same input gives the same store, whatever order its articles finish analysis in: originals are
 * decided by the data (earliest publication, then input order), never by which worker was faster.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-originals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
warnIfNoTestPg('originals tests on PostgreSQL');
afterAll(dropTestSchemas);
let n = 0;

const WIRE = [
  'Valmora and Ostria agreed on Tuesday to reopen the Keld river crossing, closed since last March after a',
  'dispute over customs checks. The foreign ministers of both countries signed the agreement in Dorn,',
  'and trucks will be allowed through from Monday, officials said. Traders on both banks welcomed the deal,',
  'which ends a standoff that had cut trade between the two neighbours by a third, according to estimates.',
].join(' ');

/** Articles in input order: a wire story republished (exact copies and edited near-duplicates) and others. */
function corpus(): IngestItem[] {
  const item = (key: string, text: string, published?: string, outlet = key): IngestItem => ({
    key,
    origin: 'jsonl',
    text,
    outlet,
    ...(published ? { published } : {}),
  });
  return [
    // The herald republished first in input order but a day later than the wire.
    item('herald', `${WIRE} The Dorn Herald adds local reaction from the port.`, '2030-04-17'),
    item('wire', WIRE, '2030-04-16'),
    item('mirror-a', WIRE, '2030-04-18'),
    item('mirror-b', WIRE, '2030-04-16'),
    item('post', `Updated: ${WIRE} More talks are planned for May.`, '2030-04-16'),
    item('undated', `${WIRE} Reported without a date.`),
    item(
      'other',
      'The city council of Lindholm approved a new hospital wing on Monday after a long debate.',
      '2030-03-11',
    ),
    item(
      'other-copy',
      'The city council of Lindholm approved a new hospital wing on Monday after a long debate.',
    ),
  ];
}

/** Analyses each item after a delay that reverses the input order: the last finishes first. */
function reversingAnalyzer(items: IngestItem[]) {
  return async (text: string, meta: { title?: string }) => {
    const i = items.findIndex((x) => x.text === text);
    await new Promise((r) => setTimeout(r, (items.length - i) * 15));
    return fixtureAnalysis(text, { meta });
  };
}

/** What a reader sees: every key, its story's original key and what it copies, by key. */
async function snapshot(store: Store): Promise<string[]> {
  const keyOf = new Map<string, string>();
  const { items } = await store.listArticles({ limit: 500 });
  for (const a of items) keyOf.set(a.id, a.key);
  const lines: string[] = [];
  for (const a of items) {
    const story = (await store.getStory(a.storyId))!;
    for (const m of story.members)
      lines.push(`${m.key} story=${keyOf.get(story.id)} of=${keyOf.get(m.of)} reason=${m.reason}`);
  }
  return [...new Set(lines)].sort();
}

async function ingest(store: Store, items: IngestItem[], concurrency: number): Promise<string[]> {
  const fp = await loadIngestApi();
  const analyzer = concurrency > 1 ? reversingAnalyzer(items) : (t: string) => fixtureAnalysis(t);
  async function* source() {
    yield* items;
  }
  const counts = await ingestItems(store, source(), fp, { analyzer, concurrency });
  expect(counts.problems).toBe(0);
  return snapshot(store);
}

function defineOriginals(name: string, open: () => Promise<Store>) {
  describe(`originals by a rule of the data: ${name}`, () => {
    it('gives the same store whatever order the articles are stored in', async () => {
      const serialStore = await open();
      const parallelStore = await open();
      try {
        const serial = await ingest(serialStore, corpus(), 1);
        const parallel = await ingest(parallelStore, corpus(), 8);
        expect(parallel).toEqual(serial);
        // The earliest publication is the original; on the same day, the earlier input.
        expect(serial).toContain('wire story=wire of=wire reason=original');
        expect(serial).toContain('mirror-b story=wire of=wire reason=content-hash');
        expect(serial).toContain('mirror-a story=wire of=wire reason=content-hash');
        expect(serial).toContain('herald story=wire of=wire reason=near-duplicate');
        expect(serial).toContain('post story=wire of=wire reason=near-duplicate');
        expect(serial).toContain('undated story=wire of=wire reason=near-duplicate');
        expect(serial).toContain('other story=other of=other reason=original');
        expect(serial).toContain('other-copy story=other of=other reason=content-hash');
      } finally {
        await serialStore.close();
        await parallelStore.close();
      }
    }, 60_000);

    it('keeps the rule across runs: a later run with an earlier publication takes the original over', async () => {
      const store = await open();
      const fresh = await open();
      try {
        const early: IngestItem = { key: 'early', origin: 'jsonl', text: WIRE, published: '2030-04-15' };
        await ingest(store, corpus(), 1);
        const after = await ingest(store, [early], 1);
        expect(after).toContain('early story=early of=early reason=original');
        expect(after).toContain('wire story=early of=early reason=content-hash');
        expect(after).toContain('herald story=early of=early reason=near-duplicate');
        expect(after).toEqual(await ingest(fresh, [...corpus(), early], 8));
        expect((await store.stats()).articles).toBe(5);
      } finally {
        await store.close();
        await fresh.close();
      }
    }, 60_000);
  });
}

defineOriginals('sqlite', async () => new SqliteStore(path.join(dir, `o${++n}.db`)));
describe.skipIf(!TEST_PG)('PostgreSQL', () => {
  defineOriginals('postgres', async () => {
    const { openPostgresStore } = await import('./postgres/index.js');
    return openPostgresStore(testSchemaUrl('orig'));
  });
});

describe('the originals rule', () => {
  it('orders by publication, then input order, then key; unknown dates last', () => {
    const k = (key: string, published: string | null, inputOrder: number | null) => ({
      key,
      published,
      inputOrder,
    });
    const sorted = [
      k('e', null, 1),
      k('d', '2030-04-17', 0),
      k('c', '2030-04-16T12:00:00Z', 0),
      k('b', '2030-04-16', 5),
      k('a', '2030-04-16', 2),
    ].sort(comparePrecedence);
    expect(sorted.map((x) => x.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
