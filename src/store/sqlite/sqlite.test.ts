import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { defineStoreSuite, fixtureAnalysis, inputOf } from '../store.suite.js';
import { ftsQuery } from './fts.js';
import { SCHEMA_VERSION } from './migrations.js';
import { SqliteStore } from './index.js';

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

  it('escapes FTS syntax into quoted terms', () => {
    expect(ftsQuery('Rutte "NATO" AND')).toBe('"Rutte" "NATO" "AND"*');
    expect(ftsQuery('  --  ')).toBeNull();
  });
});
