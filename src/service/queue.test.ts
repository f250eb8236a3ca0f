import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import type { IngestItem } from '../ingest/types.js';
import { createPool, openPostgresStore } from '../store/postgres/index.js';
import { dropTestSchemas, TEST_PG, testSchemaUrl, warnIfNoTestPg } from '../store/postgres/test-support.js';
import { JobQueue, queueStats } from '../queue/index.js';
import { errorText, POISON_ENV, runWorker } from './worker.js';
import { buildServer } from '../server/app.js';

warnIfNoTestPg('job queue tests');
afterAll(dropTestSchemas);

const item = (key: string, text: string, extra: Partial<IngestItem> = {}): IngestItem => ({
  key,
  origin: 'jsonl',
  text,
  ...extra,
});

/** Short distinct articles the real pipeline analyses quickly. */
function articles(n: number, prefix = 'a'): IngestItem[] {
  return Array.from({ length: n }, (_, i) =>
    item(
      `${prefix}:${i}`,
      `Minister Ana Lopes ${i} said on Monday that talks with Valmora number ${i} would resume. ` +
        `"We are ready," she said in ${prefix} report ${i}.`,
      { outlet: 'Wire', published: '2025-04-03' },
    ),
  );
}

describe.skipIf(!TEST_PG)('JobQueue', () => {
  const pools: pg.Pool[] = [];
  const poolFor = async (url: string) => {
    const p = await createPool(url);
    pools.push(p);
    return p;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.end()));
    delete process.env[POISON_ENV];
  });

  it('enqueues idempotently by key and refuses what PostgreSQL cannot hold', async () => {
    const pool = await poolFor(testSchemaUrl('q'));
    expect(await queueStats(pool)).toEqual({ queued: 0, running: 0, failed: 0, done: 0 });
    const q = await JobQueue.open(pool);
    const first = await q.enqueueIngest([
      ...articles(3),
      item('nul', `fine start ${'x'.repeat(70_000)} bad \u0000 text`),
      item('empty', '  \n '),
      { where: 'feed.xml', reason: 'not a feed' },
      item('a:0', 'dup in batch'),
    ]);
    expect(first).toMatchObject({ enqueued: 3, alreadyQueued: 1 });
    expect(first.problems).toEqual([
      { where: 'nul', reason: expect.stringMatching(/NUL/) },
      { where: 'empty', reason: expect.stringMatching(/empty/) },
      { where: 'feed.xml', reason: 'not a feed' },
    ]);
    expect(await q.enqueueIngest(articles(4))).toMatchObject({ enqueued: 1, alreadyQueued: 3 });
    expect(await q.stats()).toEqual({ queued: 4, running: 0, failed: 0, done: 0 });
  });

  it('never leases one job to two workers claiming at once', async () => {
    const url = testSchemaUrl('q');
    const pool = await poolFor(url);
    const q = await JobQueue.open(pool);
    await q.enqueueIngest(articles(40));
    const claims = await Promise.all(Array.from({ length: 8 }, (_, w) => q.claim(`w${w}`, 10)));
    const ids = claims.flat().map((j) => j.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(await q.stats()).toMatchObject({ queued: 0, running: 40 });
  });

  it('retries with exponential backoff, then dead-letters with every error', async () => {
    const pool = await poolFor(testSchemaUrl('q'));
    const q = await JobQueue.open(pool, { backoffMs: 200 });
    await q.enqueueIngest([item('k', 'text')], { maxAttempts: 3 });
    const errors: string[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      let [job] = await q.claim('w', 1);
      // The retry is not ready before its backoff (200 ms, then 400 ms) has passed.
      const t0 = Date.now();
      while (!job) {
        await new Promise((r) => setTimeout(r, 25));
        [job] = await q.claim('w', 1);
      }
      if (attempt > 1) expect(Date.now() - t0).toBeGreaterThanOrEqual(200 * 2 ** (attempt - 2) - 100);
      expect(job.attempt).toBe(attempt);
      errors.push(`boom ${attempt}`);
      expect(await q.fail('w', job, `boom ${attempt}`)).toBe(attempt < 3 ? 'queued' : 'failed');
    }
    const [dead] = await q.deadLetters();
    expect(dead).toMatchObject({ key: 'k', attempts: 3, error: 'boom 3' });
    expect(dead.errors.map((e) => e.error)).toEqual(errors);
    expect(await q.stats()).toMatchObject({ queued: 0, failed: 1 });
    expect(await q.retryFailed()).toBe(1);
    expect((await q.claim('w', 1))[0]).toMatchObject({ key: 'k', attempt: 1 });
  });

  it('returns a job whose lease expired to the queue, and fences off its old holder', async () => {
    const pool = await poolFor(testSchemaUrl('q'));
    const q = await JobQueue.open(pool, { leaseMs: 300 });
    await q.enqueueIngest([item('k', 'text')], { maxAttempts: 2 });
    const [stale] = await q.claim('dead-worker', 1);
    expect(await q.claim('other', 1)).toEqual([]);
    await new Promise((r) => setTimeout(r, 400));
    const [again] = await q.claim('other', 1);
    expect(again).toMatchObject({ key: 'k', attempt: 2 });
    // The old holder can neither finish nor fail it any more.
    const client = await pool.connect();
    try {
      expect(await q.stillHeld(client, 'dead-worker', stale)).toBe(false);
      expect(await q.stillHeld(client, 'other', again)).toBe(true);
    } finally {
      client.release();
    }
    expect(await q.fail('dead-worker', stale, 'late')).toBeNull();
    // The second holder dies too: that was the last attempt, so the job is dead-lettered with the reason.
    await new Promise((r) => setTimeout(r, 400));
    await q.reapExpired();
    const [dead] = await q.deadLetters();
    expect(dead.error).toMatch(/lease expired: worker other stopped during attempt 2/);
  });

  it('keeps a lease alive with heartbeats', async () => {
    const pool = await poolFor(testSchemaUrl('q'));
    const q = await JobQueue.open(pool, { leaseMs: 300 });
    await q.enqueueIngest([item('k', 'text')]);
    const jobs = await q.claim('w', 1);
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 120));
      expect(await q.heartbeat('w', jobs)).toBe(1);
    }
    expect(await q.reapExpired()).toEqual({ requeued: 0, dead: 0 });
    expect(await q.heartbeat('intruder', jobs)).toBe(0);
  });

  it('a worker analyses and stores every job exactly once; a poison article ends dead-lettered', async () => {
    const url = testSchemaUrl('q');
    const pool = await poolFor(url);
    const q = await JobQueue.open(pool);
    const items = articles(6);
    items.push(item('poison', 'This article carries POISON-PILL-42 and cannot be analysed.'));
    items.push(item('copy', items[0].text, { outlet: 'Mirror' }));
    await q.enqueueIngest(items, { maxAttempts: 2 });
    process.env[POISON_ENV] = 'POISON-PILL-42';
    const lines: string[] = [];
    const summary = await runWorker({
      db: url,
      untilIdle: true,
      pollMs: 50,
      backoffMs: 100,
      log: (l) => lines.push(l),
    });
    expect(summary).toMatchObject({ done: 7, stored: 6, copies: 1, retried: 1, deadLettered: 1 });
    expect(await queueStats(pool)).toEqual({ queued: 0, running: 0, failed: 1, done: 7 });
    const [dead] = await q.deadLetters();
    expect(dead).toMatchObject({ key: 'poison', attempts: 2 });
    expect(dead.error).toMatch(/poison article/);
    expect(lines.some((l) => l.includes('dead-lettered'))).toBe(true);

    const store = await openPostgresStore(url);
    try {
      expect(await store.stats()).toMatchObject({ articles: 6, duplicateCopies: 1 });
      const { rows } = await store.pool.query(
        'SELECT key, count(*)::int AS n FROM articles GROUP BY key HAVING count(*) > 1',
      );
      expect(rows).toEqual([]);
      const hit = (await store.searchArticles('Valmora')).items[0];
      const got = await store.getArticle(hit.id);
      for (const s of got!.analysis.sentences) expect(got!.analysis.text.slice(s.start, s.end)).toBe(s.text);
      // Done jobs drop their payload (the text is stored once, in articles).
      const { rows: payloads } = await store.pool.query(
        "SELECT count(*)::int AS n FROM jobs WHERE state = 'done' AND payload IS NOT NULL",
      );
      expect(payloads[0].n).toBe(0);

      // The HTTP API shows the queue: counts in /api/stats, the poison article in the dead letters.
      const app = await buildServer({ store, webRoot: null });
      try {
        const stats = (await app.inject('/api/stats')).json() as { stats: { jobs: unknown } };
        expect(stats.stats.jobs).toEqual({ queued: 0, running: 0, failed: 1, done: 7 });
        const dead = (await app.inject('/api/jobs/dead-letters')).json() as {
          items: Array<{ key: string; error: string }>;
        };
        expect(dead.items).toEqual([
          expect.objectContaining({ key: 'poison', error: expect.stringMatching(/poison article/) }),
        ]);
      } finally {
        await app.close();
      }
    } finally {
      await store.close();
    }
  });

  it('keeps several jobs in flight in one worker (concurrency) and stores each once', async () => {
    const url = testSchemaUrl('q');
    const pool = await poolFor(url);
    const q = await JobQueue.open(pool);
    await q.enqueueIngest(articles(9, 'c'));
    const summary = await runWorker({ db: url, untilIdle: true, pollMs: 50, concurrency: 3 });
    expect(summary).toMatchObject({ done: 9, stored: 9, retried: 0 });
    const { rows } = await pool.query(
      'SELECT count(DISTINCT key)::int AS keys, count(*)::int AS n FROM articles',
    );
    expect(rows[0]).toEqual({ keys: 9, n: 9 });
  });

  it('sends a job with unusable input straight to the dead-letter list', async () => {
    const url = testSchemaUrl('q');
    const pool = await poolFor(url);
    const q = await JobQueue.open(pool);
    await q.enqueueIngest(articles(1), { maxAttempts: 5 });
    // Enqueueing refuses empty text, so such a job can only come from elsewhere (an older enqueuer, by hand).
    await pool.query(`INSERT INTO jobs (key, payload, max_attempts) VALUES ('empty', $1, 5)`, [
      JSON.stringify(item('empty', '   \n  ')),
    ]);
    const summary = await runWorker({ db: url, untilIdle: true, pollMs: 50 });
    expect(summary).toMatchObject({ done: 1, retried: 0, deadLettered: 1 });
    expect((await q.deadLetters())[0]).toMatchObject({
      key: 'empty',
      attempts: 1,
      error: expect.stringMatching(/empty/),
    });
  });
});

describe('worker error text', () => {
  it('keeps the message, or the stack head when a thread lost the message', () => {
    expect(errorText(new TypeError('bad thing'))).toBe('TypeError: bad thing');
    expect(errorText(new Error('plain'))).toBe('plain');
    const lost = new Error('');
    lost.stack = 'ZodError: [\n  {"path": ["magic"]}\n]\n    at deserialise (model.js:1:1)';
    expect(errorText(lost)).toBe('ZodError: [ {"path": ["magic"]} ]');
    expect(errorText('text')).toBe('text');
  });
});
