import { afterAll, describe, expect, it } from 'vitest';
import { defineStoreSuite, fixtureAnalysis, inputOf, nestedReportAnalysis } from '../store.suite.js';
import { isConnectionError, parsePostgresUrl, redactUrl } from './connect.js';
import { openPostgresStore } from './index.js';
import { STORE_MIGRATIONS } from './migrations.js';
import { textQuery } from './search.js';
import { dropTestSchemas, TEST_PG, testSchemaUrl, warnIfNoTestPg } from './test-support.js';

warnIfNoTestPg('PostgreSQL store tests');
afterAll(dropTestSchemas);

// Registered either way, so a run without a server lists the contract's tests as skipped.
describe.skipIf(!TEST_PG)('PostgreSQL store', () =>
  defineStoreSuite('postgres', () => openPostgresStore(testSchemaUrl('store'))),
);

describe.skipIf(!TEST_PG)('PostgresStore specifics', () => {
  it('records its schema version once; reopening does not re-migrate; a newer schema is refused', async () => {
    const url = testSchemaUrl('mig');
    const s = await openPostgresStore(url);
    await s.putArticle(inputOf('k', 'Some text here.'), fixtureAnalysis('Some text here.'));
    const { rows } = await s.pool.query("SELECT version FROM newsgraph_migrations WHERE component = 'store'");
    expect(rows.map((r) => r.version)).toEqual(STORE_MIGRATIONS.map((m) => m.version));
    await s.pool.query("INSERT INTO newsgraph_migrations (component, version) VALUES ('store', 999)");
    await s.close();
    await expect(openPostgresStore(url)).rejects.toThrow(/newer than this newsgraph/);
  });

  it("upgrading a version-2 schema fills each stored quote's within from its analysis", async () => {
    const url = testSchemaUrl('within');
    const { text, analysis } = nestedReportAnalysis();
    const s = await openPostgresStore(url);
    await s.putArticle(inputOf('k', text), analysis);
    // As a version-2 schema had it: no column, so no link.
    await s.pool.query('ALTER TABLE quotes DROP COLUMN within_id');
    await s.pool.query("DELETE FROM newsgraph_migrations WHERE component = 'store' AND version > 2");
    await s.close();
    const again = await openPostgresStore(url);
    const { rows } = await again.pool.query(
      'SELECT attribution_id, within_id FROM quotes ORDER BY attribution_id',
    );
    expect(rows).toEqual([
      { attribution_id: 'Q1', within_id: null },
      { attribution_id: 'Q2', within_id: 'Q1' },
    ]);
    await again.close();
  });

  it('migrates exactly once when several processes open a new database at the same time', async () => {
    const url = testSchemaUrl('race');
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPostgresStore(url)));
    expect((await stores[0].stats()).articles).toBe(0);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('rolls back the whole article when indexing fails (one transaction)', async () => {
    const s = await openPostgresStore(testSchemaUrl('tx'));
    await s.pool.query('DROP TABLE events');
    const text = 'A said "x" and B agreed.';
    await expect(
      s.putArticle(
        inputOf('k', text),
        fixtureAnalysis(text, {
          event: { source: 'A', target: 'B', trigger: 'agreed', cameo: '057', goldstein: 8, quadClass: 1 },
        }),
      ),
    ).rejects.toThrow();
    for (const table of ['articles', 'actors', 'article_actors', 'quotes', 'lsh', 'copies']) {
      const { rows } = await s.pool.query(`SELECT count(*)::int AS n FROM ${table}`);
      expect(rows[0].n, table).toBe(0);
    }
    await s.close();
  });

  it('stores concurrent writers of the same text once: one article, the rest copies', async () => {
    const s = await openPostgresStore(testSchemaUrl('conc'));
    const text = 'Minister Ana Lopes said "we will talk" in Valmora.';
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => s.putArticle(inputOf(`k${i}`, text), fixtureAnalysis(text))),
    );
    // Arrival order is the race's: a writer whose key precedes the stored original's takes its place
    // (also "stored"), so only the end state is fixed — one article, seven copies, k0 the original.
    expect(results.every((r) => r.status === 'stored' || r.status === 'copy')).toBe(true);
    expect(results.filter((r) => r.status === 'copy').length).toBeGreaterThanOrEqual(1);
    expect(await s.stats()).toMatchObject({ articles: 1, duplicateCopies: 7 });
    const { rows } = await s.pool.query('SELECT key FROM articles');
    expect(rows.map((r) => r.key)).toEqual(['k0']);
    await s.close();
  });

  it('refuses text PostgreSQL cannot hold (NUL) with a clear error, and stores nothing', async () => {
    const s = await openPostgresStore(testSchemaUrl('nul'));
    const text = 'Before\u0000after the NUL.';
    await expect(s.putArticle(inputOf('nul', text), fixtureAnalysis(text))).rejects.toThrow(
      /NUL character at offset 6/,
    );
    expect((await s.stats()).articles).toBe(0);
    await s.close();
  });

  it('uses the GIN text-search index for article search', async () => {
    const s = await openPostgresStore(testSchemaUrl('plan'));
    await s.pool.query('SET enable_seqscan = off');
    const { rows } = await s.pool.query(
      "EXPLAIN SELECT count(*) FROM articles a WHERE a.search @@ (plainto_tsquery('english', 'border') && to_tsquery('english', 'monday:*'))",
    );
    expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/articles_search/);
    await s.close();
  });
});

describe('PostgreSQL helpers (no server needed)', () => {
  it('turns any user string into words and a prefix term, never query syntax', () => {
    expect(textQuery('Rutte "NATO" & !x:*')).toEqual({ words: 'Rutte NATO', prefix: 'x:*' });
    expect(textQuery('valmor')).toEqual({ words: '', prefix: 'valmor:*' });
    expect(textQuery('  --  ()')).toBeNull();
    expect(textQuery('\u0000')).toBeNull();
  });

  it('tells an unreachable database (wait and retry) from a bad statement (fail the job)', () => {
    const coded = (code: string) => Object.assign(new Error('x'), { code });
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006'])
      expect(isConnectionError(coded(code)), code).toBe(true);
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    for (const code of ['23505', '42P01', '22021']) expect(isConnectionError(coded(code)), code).toBe(false);
    expect(isConnectionError(new Error('syntax error'))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });

  it('never shows a password', () => {
    expect(redactUrl('postgres://ng:s3cret@db:5432/x')).toBe('postgres://ng:***@db:5432/x');
  });

  it('reads the schema from the URL and refuses a bad one', () => {
    expect(parsePostgresUrl('postgres://u@h:5/db?schema=ng_1')).toEqual({
      connectionString: 'postgres://u@h:5/db',
      schema: 'ng_1',
    });
    expect(parsePostgresUrl('postgresql://u@h/db').schema).toBeNull();
    expect(() => parsePostgresUrl('postgres://u@h/db?schema=x;drop')).toThrow(/lower-case identifier/);
    expect(() => parsePostgresUrl('mysql://x')).toThrow(/not a PostgreSQL URL/);
  });
});
