import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { defineStoreSuite, fixtureAnalysis, inputOf, nestedReportAnalysis } from '../store.suite.js';
import { ftsQuery } from './fts.js';
import { SCHEMA_VERSION } from './migrations.js';
import { SqliteStore } from './index.js';
import { expectTenfoldGrowth } from '../../util/__fixtures__/growth.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-store-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

defineStoreSuite('sqlite', async () => new SqliteStore(path.join(dir, `t${++n}.db`)));

describe('SqliteStore specifics', () => {
  it('uses WAL and records the schema version; reopening does not re-migrate', async () => {
    const file = path.join(dir, 'wal.db');
    const s = new SqliteStore(file);
    await s.putArticle(inputOf('k', 'Some text here.'), fixtureAnalysis('Some text here.'));
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await s.close();
    const again = new SqliteStore(file);
    expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect((await again.stats()).articles).toBe(1);
    await again.close();
  });

  it("upgrading a version-2 database fills each stored quote's within from its analysis", async () => {
    const file = path.join(dir, 'v2.db');
    const { text, analysis } = nestedReportAnalysis();
    const s = new SqliteStore(file);
    await s.putArticle(inputOf('k', text), analysis);
    // As a version-2 database had it: no column, so no link.
    s.db.exec('ALTER TABLE quotes DROP COLUMN within_id');
    s.db.pragma('user_version = 2');
    await s.close();
    const again = new SqliteStore(file);
    const rows = again.db
      .prepare('SELECT attribution_id, within_id FROM quotes ORDER BY attribution_id')
      .all();
    expect(rows).toEqual([
      { attribution_id: 'Q1', within_id: null },
      { attribution_id: 'Q2', within_id: 'Q1' },
    ]);
    await again.close();
  });

  it('refuses a database from a newer newsgraph', () => {
    const file = path.join(dir, 'future.db');
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqliteStore(file)).toThrow(/newer than this newsgraph/);
  });

  it('rolls back the whole article when indexing fails (one transaction)', async () => {
    const s = new SqliteStore(path.join(dir, 'tx.db'));
    // Break the last table written: the insert fails after the article row, and nothing may remain.
    s.db.exec('DROP TABLE events');
    await expect(
      s.putArticle(
        inputOf('k', 'A said "x" and B agreed.'),
        fixtureAnalysis('A said "x" and B agreed.', {
          event: { source: 'A', target: 'B', trigger: 'agreed', cameo: '057', goldstein: 8, quadClass: 1 },
        }),
      ),
    ).rejects.toThrow();
    for (const table of ['articles', 'articles_fts', 'actors', 'quotes', 'lsh']) {
      expect((s.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n).toBe(0);
    }
    await s.close();
  });

  it('searches a 1 M-character article in time proportional to finding the match, not to its square', async () => {
    // FTS5's snippet() took 3 s here (0.85 s at half the size): it scores every window against
    // every one of the 14,000 matches. The excerpt is now cut around the first match found.
    const sentence = 'The alliance met in Valmora and the ministers talked about the border. ';
    const storeOf = async (chars: number) => {
      const store = new SqliteStore(':memory:');
      const text = sentence.repeat(Math.ceil(chars / sentence.length)) + 'A closing remark on tariffs.';
      await store.putArticle(inputOf('big', text), { ...fixtureAnalysis('short'), text });
      return store;
    };
    const small = await storeOf(100_000);
    const s = await storeOf(1_000_000);
    for (const [q, word] of [
      ['alliance', 'alliance'],
      ['valmor', 'Valmora'],
      ['tariffs', 'tariffs'],
    ]) {
      // The growth, not a wall-clock limit: 10× the article, the same search, under 30× the time.
      const hits = await expectTenfoldGrowth(
        () => small.searchArticles(q),
        () => s.searchArticles(q),
        10,
      );
      expect(hits.total).toBe(1);
      expect(hits.items[0].snippet).toContain(word);
      expect(hits.items[0].snippet.length).toBeLessThan(300);
    }
    await s.close();
    await small.close();
  });

  it('waits out a locked database without blocking the thread, then answers StoreBusyError', async () => {
    const file = path.join(dir, 'locked.db');
    const s = new SqliteStore(file, { busyTimeoutMs: 0, busyRetryMs: 300 });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 20);
      const t0 = performance.now();
      const err = await s
        .putArticle(inputOf('k', 'Some text here.'), fixtureAnalysis('Some text here.'))
        .catch((e: unknown) => e);
      clearInterval(timer);
      expect((err as Error).name).toBe('StoreBusyError');
      expect(performance.now() - t0).toBeLessThan(2000);
      // The event loop ran while the write waited: timers fired.
      expect(ticks).toBeGreaterThan(3);
      // Reads go on beside the writer (WAL).
      expect((await s.stats()).articles).toBe(0);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(
      (await s.putArticle(inputOf('k', 'Some text here.'), fixtureAnalysis('Some text here.'))).status,
    ).toBe('stored');
    await s.close();
  });

  it('escapes FTS syntax into quoted terms', () => {
    expect(ftsQuery('Rutte "NATO" AND')).toBe('"Rutte" "NATO" "AND"*');
    expect(ftsQuery('  --  ')).toBeNull();
  });
});
