import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachCorpus, statementsAnalysis } from '../corpus/index.js';
import { putSample, SAMPLES } from '../corpus/statements/fixtures.js';
import { REPORT_CSV_COLUMNS, STATEMENT_CSV_COLUMNS } from '../export/index.js';
import { openStore } from '../store/open.js';
import { TEST_PG, testSchemaUrl } from '../store/postgres/test-support.js';
import { exportStatements } from './commands/export-statements.js';
import { scratchForStores } from '../store/__fixtures__/scratch.js';

const dir = scratchForStores('statement export tests on PostgreSQL', 'newsgraph-export-statements-');

async function lines(
  db: string,
  of: 'statements' | 'reports',
  format: string,
  minReports = 2,
): Promise<string[]> {
  const out: string[] = [];
  await exportStatements({ of, format, db, minReports }, async (line) => {
    out.push(line);
    return true;
  });
  return out;
}

/** A CSV line of plain fields (the samples hold no commas or quotes in these columns). */
const cells = (line: string) => line.split(',');

function defineSuite(name: string, target: () => string): void {
  describe(`newsgraph export --of statements|reports on ${name}`, () => {
    it('writes statements and reports with ids, outlets, spans and drift kinds, in JSONL and CSV', async () => {
      const db = target();
      const store = await openStore(db);
      const ids: string[] = [];
      try {
        await attachCorpus(store, [statementsAnalysis()]);
        for (const [i, s] of SAMPLES.entries()) ids.push(await putSample(store, s, i + 1));
      } finally {
        await store.close();
      }
      const [statement, ...more] = (await lines(db, 'statements', 'jsonl')).map((l) => JSON.parse(l));
      expect(more).toEqual([]);
      expect(statement).toEqual({
        statement: `${ids[0]}#Q1`,
        origin: `${ids[0]}#Q1`,
        fullest: `${ids[0]}#Q1`,
        speaker: 'Ana Lopes',
        reports: [`${ids[0]}#Q1`, `${ids[1]}#Q1`],
        articles: [ids[0], ids[1]],
        outlets: ['Daily', 'Wire'],
        published: '2025-04-01',
        driftKinds: expect.arrayContaining(['truncated', 'words-removed', 'stance-changed']),
      });
      // With single reports too, the hard negative is a statement of its own.
      expect(await lines(db, 'statements', 'jsonl', 1)).toHaveLength(2);

      const reports = (await lines(db, 'reports', 'jsonl')).map((l) => JSON.parse(l));
      expect(reports.map((r) => [r.report, r.origin])).toEqual([
        [`${ids[0]}#Q1`, true],
        [`${ids[1]}#Q1`, false],
      ]);
      const relay = reports[1];
      for (const p of relay.content) expect(SAMPLES[1].text.slice(p.start, p.end)).toBe(p.text);
      expect(relay.driftKinds.sort()).toEqual(['stance-changed', 'truncated', 'words-removed']);
      const removed = relay.drift.find((d: { kind: string }) => d.kind === 'words-removed');
      expect(removed.from.spans.map(([s, e]: [number, number]) => SAMPLES[0].text.slice(s, e))).toEqual([
        'to lorries',
      ]);

      const csv = await lines(db, 'statements', 'csv');
      expect(csv[0]).toBe(STATEMENT_CSV_COLUMNS.join(','));
      expect(cells(csv[1]).slice(5, 8)).toEqual([
        `${ids[0]}#Q1|${ids[1]}#Q1`,
        `${ids[0]}|${ids[1]}`,
        'Daily|Wire',
      ]);
      const rcsv = await lines(db, 'reports', 'csv');
      expect(rcsv[0]).toBe(REPORT_CSV_COLUMNS.join(','));
      const row = Object.fromEntries(REPORT_CSV_COLUMNS.map((c, i) => [c, cells(rcsv[2])[i]]));
      expect(row).toMatchObject({
        report: `${ids[1]}#Q1`,
        outlet: 'Daily',
        is_origin: 'false',
        cue: 'claimed',
      });
      const [s, e] = row.content_spans.split('-').map(Number);
      expect(SAMPLES[1].text.slice(s, e)).toBe(SAMPLES[1].content);
      expect(row.drift_kinds.split('|').sort()).toEqual(['stance-changed', 'truncated', 'words-removed']);
    });

    it('refuses what it cannot export, with a clear message', async () => {
      await expect(lines(target(), 'reports', 'gdelt')).rejects.toThrow(/jsonl or csv/);
      await expect(
        exportStatements({ of: 'statements', format: 'csv', minReports: 2 }, async () => true),
      ).rejects.toThrow(/--db/);
    });
  });
}

let n = 0;
defineSuite('SQLite', () => path.join(dir, `export-${++n}.db`));
if (TEST_PG) {
  const url = testSchemaUrl('export_statements');
  defineSuite('PostgreSQL', () => url);
}
