import { afterAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { JobQueue, queueStats } from '../../src/queue/index.js';
import { DELAY_ENV, POISON_ENV } from '../../src/service/worker.js';
import { createPool } from '../../src/store/postgres/index.js';
import {
  dropTestSchemas,
  TEST_PG,
  testSchemaUrl,
  warnIfNoTestPg,
} from '../../src/store/postgres/test-support.js';
import {
  allExited,
  hasLocalPostgres,
  privateCluster,
  spawnWorker,
  storedKeys,
  syntheticArticles,
  waitFor,
  type WorkerProcess,
} from './support.js';

/**
 * Faults as tests, against real worker processes (`newsgraph worker`) and a real PostgreSQL:
 * a worker killed mid-job, the database stopped during ingest, a poison article, several workers at
 * once. Each checks that every article ends stored exactly once and nothing is lost.
 */

warnIfNoTestPg('fault tests (test/faults)');
afterAll(dropTestSchemas);

const pools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

async function setUp(prefix: string, n: number, options: { maxAttempts?: number } = {}) {
  const url = testSchemaUrl(prefix);
  const pool = await createPool(url);
  pools.push(pool);
  const queue = await JobQueue.open(pool);
  const items = syntheticArticles(n, prefix);
  const r = await queue.enqueueIngest(items, options);
  expect(r.enqueued).toBe(n);
  return { url, pool, queue, keys: items.map((i) => i.key).sort(), items };
}

describe.skipIf(!TEST_PG)('faults: worker processes against PostgreSQL', () => {
  it('a worker killed with SIGKILL mid-job: its job is retried by another worker; nothing lost or duplicated', async () => {
    const { url, pool, keys } = await setUp('kill', 12);
    // The victim analyses slowly, so it surely holds a job when it dies; its lease is short.
    const victim = spawnWorker(url, ['--lease', '2'], { [DELAY_ENV]: '400' });
    const held = async () =>
      (
        await pool.query<{ key: string }>(`SELECT key FROM jobs WHERE state = 'running' AND worker LIKE $1`, [
          `%:${victim.pid}:%`,
        ])
      ).rows;
    await waitFor('the victim to hold a job', async () => (await held()).length > 0);
    const [inFlight] = await held();
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toBeNull();
    const { rows: orphan } = await pool.query(`SELECT state, attempts FROM jobs WHERE key = $1`, [
      inFlight.key,
    ]);
    expect(orphan[0]).toMatchObject({ state: 'running', attempts: 1 });

    const rescuer = spawnWorker(url, ['--until-idle', '--lease', '2', '--poll', '0.2']);
    expect(await allExited([rescuer], 90_000)).toEqual([0]);
    expect(await storedKeys(pool)).toEqual(keys);
    expect(await queueStats(pool)).toEqual({ queued: 0, running: 0, failed: 0, done: 12 });
    const { rows } = await pool.query(`SELECT attempts, errors FROM jobs WHERE key = $1`, [inFlight.key]);
    expect(rows[0].attempts).toBe(2);
    expect(JSON.stringify(rows[0].errors)).toMatch(/lease expired/);
  }, 120_000);

  it('SIGTERM: the worker takes no new job, finishes the one in flight and exits cleanly', async () => {
    const { url, pool } = await setUp('term', 6);
    const worker = spawnWorker(url, ['--lease', '30'], { [DELAY_ENV]: '1500' });
    const running = async () =>
      (
        await pool.query(`SELECT key FROM jobs WHERE state = 'running' AND worker LIKE $1`, [
          `%:${worker.pid}:%`,
        ])
      ).rows;
    await waitFor('the worker to hold a job', async () => (await running()).length > 0);
    const [held] = await running();
    worker.child.kill('SIGTERM');
    expect(await allExited([worker], 30_000)).toEqual([0]);
    const { rows } = await pool.query(`SELECT state FROM jobs WHERE key = $1`, [held.key]);
    expect(rows[0].state).toBe('done');
    const stats = await queueStats(pool);
    expect(stats).toMatchObject({ running: 0, failed: 0 });
    expect(stats.done + stats.queued).toBe(6);
    expect(stats.queued).toBeGreaterThan(0);
  }, 60_000);

  it('a poison article ends in the dead-letter list with its error; the rest are stored', async () => {
    const { url, pool, queue, keys } = await setUp('poison', 10, { maxAttempts: 3 });
    const marker = 'POISON-MARKER-7f3a';
    await queue.enqueueIngest(
      [
        {
          key: 'poison:x',
          origin: 'jsonl',
          text: `An article that breaks analysis: ${marker}. It says nothing else.`,
        },
      ],
      { maxAttempts: 3 },
    );
    const workers = [1, 2].map(() =>
      spawnWorker(url, ['--until-idle', '--backoff', '0.2', '--poll', '0.1'], { [POISON_ENV]: marker }),
    );
    expect(await allExited(workers, 90_000)).toEqual([0, 0]);
    expect(await storedKeys(pool)).toEqual(keys);
    expect(await queueStats(pool)).toEqual({ queued: 0, running: 0, failed: 1, done: 10 });
    const [dead] = await queue.deadLetters();
    expect(dead).toMatchObject({ key: 'poison:x', attempts: 3 });
    expect(dead.error).toMatch(/poison article/);
    expect(dead.errors).toHaveLength(3);
    const summaries = workers.map((w) => w.summary()!);
    expect(summaries.reduce((n, s) => n + s.deadLettered, 0)).toBe(1);
    expect(summaries.reduce((n, s) => n + s.retried, 0)).toBe(2);
  }, 120_000);

  it('four workers at once store every article exactly once, republished copies included', async () => {
    const { url, pool, queue, keys, items } = await setUp('multi', 40);
    // Republications under other keys, enqueued together: exactly one of each text may be analysed.
    const copies = items.slice(0, 8).map((it, i) => ({ ...it, key: `mirror:${i}`, outlet: 'Mirror' }));
    await queue.enqueueIngest(copies);
    const workers = [1, 2, 3, 4].map(() => spawnWorker(url, ['--until-idle', '--poll', '0.1']));
    expect(await allExited(workers, 120_000)).toEqual([0, 0, 0, 0]);
    expect(await storedKeys(pool)).toEqual([...keys, ...copies.map((c) => c.key)].sort());
    const { rows } = await pool.query(`SELECT
      (SELECT count(*)::int FROM articles) AS articles, (SELECT count(*)::int FROM copies) AS copies,
      (SELECT count(DISTINCT content_hash)::int FROM articles) AS texts`);
    expect(rows[0]).toEqual({ articles: 40, copies: 8, texts: 40 });
    expect(await queueStats(pool)).toEqual({ queued: 0, running: 0, failed: 0, done: 48 });
    const done = workers.map((w) => w.summary()!.done);
    expect(done.reduce((a, b) => a + b, 0)).toBe(48);
    // The work was shared: no worker did it all.
    expect(done.filter((d) => d > 0).length).toBeGreaterThan(1);
  }, 180_000);
});

describe.skipIf(!TEST_PG || !hasLocalPostgres())('faults: the database stops during ingest', () => {
  it('workers wait and resume without crashing; nothing lost or duplicated', async () => {
    // A cluster of its own: stopping the shared one would break the tests running beside this one.
    const cluster = await privateCluster();
    const workers: WorkerProcess[] = [];
    let pool: pg.Pool | undefined;
    try {
      const url = cluster.url;
      pool = await createPool(url);
      const queue = await JobQueue.open(pool);
      const items = syntheticArticles(30, 'outage');
      await queue.enqueueIngest(items);
      for (let i = 0; i < 2; i++) {
        workers.push(
          spawnWorker(url, ['--until-idle', '--lease', '30', '--poll', '0.2'], { [DELAY_ENV]: '150' }),
        );
      }
      const done = async () => (await queueStats(pool!)).done;
      await waitFor('some jobs done', async () => (await done()) >= 4, 60_000, 100);
      await pool.end();
      pool = undefined;
      await cluster.halt();
      // As long as the issue asks; as long as the 30 s lease, so leases lapse during the outage.
      const downFor = 30_000;
      await new Promise((r) => setTimeout(r, downFor));
      // Still the same processes: they waited instead of exiting or restarting.
      for (const w of workers) expect(w.child.exitCode).toBeNull();
      await cluster.resume();
      expect(await allExited(workers, 120_000)).toEqual([0, 0]);

      pool = await createPool(url);
      expect(await storedKeys(pool)).toEqual(items.map((i) => i.key).sort());
      expect(await queueStats(pool)).toEqual({ queued: 0, running: 0, failed: 0, done: 30 });
      for (const w of workers) {
        expect(w.stderr()).toMatch(/database unreachable/);
        expect(w.stderr()).toMatch(/reachable again/);
        // One outage, waited out once: no crash loop, no retry storm.
        expect(w.summary()!.outages).toBeGreaterThanOrEqual(1);
        expect(w.summary()!.outages).toBeLessThanOrEqual(3);
        expect(w.summary()!.deadLettered).toBe(0);
      }
    } finally {
      for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
      await pool?.end();
      await cluster.stop();
    }
  }, 240_000);
});
