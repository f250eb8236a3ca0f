import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../util/data.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WORDS = [
  'harbor',
  'council',
  'budget',
  'river',
  'border',
  'school',
  'rail',
  'grain',
  'tariff',
  'clinic',
  'bridge',
  'power',
];

/** N distinct short articles, each with a quote and a date. */
function corpus(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = (k: number) => WORDS[(i * 7 + k * 5) % WORDS.length];
    const text =
      `Minister Lena Holm${i} said on Monday that the ${w(1)} plan number ${i} would go ahead. ` +
      `“We will fund the ${w(2)} and the ${w(3)} this year,” she said after meeting mayor Ivo Kral${i} about item ${i * 13}. ` +
      `Critics of the ${w(4)} scheme said the cost of ${i * 17 + 3} million was too high.`;
    lines.push(
      JSON.stringify({ id: `n${i}`, title: `Plan ${i}`, outlet: 'Test Wire', published: '2025-04-03', text }),
    );
  }
  return lines.join('\n') + '\n';
}

/** Runs `runIngest` in a child process (as the CLI does), so it can be killed for real. */
function child(db: string, input: string) {
  const code = `
    const { runIngest } = await import(${JSON.stringify(path.join(PROJECT_ROOT, 'src/cli/commands/ingest.ts'))});
    const s = await runIngest([${JSON.stringify(input)}], { db: ${JSON.stringify(db)}, progress: false });
    process.stdout.write(JSON.stringify(s));
  `;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function count(db: string, sql: string): number {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return Number((d.prepare(sql).get() as { n: number }).n);
    } finally {
      d.close();
    }
  } catch {
    return 0; // not created yet, or the schema is still being written
  }
}

describe('ingest: resumable and idempotent', () => {
  it('loses no stored article when killed with SIGKILL, and a re-run completes without storing anything twice', async () => {
    const N = 40;
    const input = path.join(dir, 'corpus.jsonl');
    writeFileSync(input, corpus(N));
    const db = path.join(dir, 'kill.db');

    const first = child(db, input);
    let stderr = '';
    first.stderr.on('data', (b) => (stderr += String(b)));
    const exited = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
    // Kill once some, but not all, articles are stored.
    let before = 0;
    for (let waited = 0; waited < 60_000; waited += 50) {
      before = count(db, 'SELECT count(*) AS n FROM articles');
      if (before >= 3 || first.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    first.kill('SIGKILL');
    await exited;
    expect(stderr).not.toMatch(/Error/);
    const afterKill = count(db, 'SELECT count(*) AS n FROM articles');
    expect(afterKill).toBeGreaterThanOrEqual(before);
    expect(afterKill).toBeLessThan(N);

    const second = child(db, input);
    let out = '';
    second.stdout.on('data', (b) => (out += String(b)));
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect(summary.alreadyStored).toBe(afterKill);
    expect(summary.stored).toBe(N - afterKill);
    expect(summary.problems).toBe(0);

    expect(count(db, 'SELECT count(*) AS n FROM articles')).toBe(N);
    expect(count(db, 'SELECT count(DISTINCT key) AS n FROM articles')).toBe(N);
    expect(
      count(
        db,
        'SELECT count(*) AS n FROM (SELECT article_id FROM quotes GROUP BY article_id, attribution_id HAVING count(*) > 1)',
      ),
    ).toBe(0);
    const d = new Database(db, { readonly: true });
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    d.close();

    // A third run stores nothing.
    const third = child(db, input);
    let out3 = '';
    third.stdout.on('data', (b) => (out3 += String(b)));
    await new Promise((resolve) => third.on('exit', resolve));
    expect(JSON.parse(out3)).toMatchObject({ stored: 0, alreadyStored: N, duplicates: 0 });
  }, 180_000);
});

describe('ingest: the sample corpus and bad input', () => {
  it('links the sample wire story into one story of three copies and reports bad lines without stopping', async () => {
    const { runIngest } = await import('../cli/commands/ingest.js');
    const { SqliteStore } = await import('../store/sqlite/index.js');
    const db = path.join(dir, 'sample.db');
    const sample = path.join(PROJECT_ROOT, 'data', 'sample', 'articles.jsonl');
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      [
        '{not json',
        JSON.stringify({ id: 'empty', text: '   ' }),
        JSON.stringify({ id: 'binary', text: 'abc\u0000def and more text here' }),
        JSON.stringify({
          id: 'ok',
          title: 'Fine',
          text: 'Mayor Ida Berg said "the tram opens in May" on Tuesday.',
        }),
      ].join('\n'),
    );
    const messages: string[] = [];
    const stream = Object.assign(
      new (await import('node:stream')).Writable({
        write(chunk, _enc, cb) {
          messages.push(String(chunk));
          cb();
        },
      }),
      { isTTY: false },
    ) as unknown as NodeJS.WriteStream;

    const s = await runIngest([sample, bad], { db, progress: false, stream });
    const sampleLines = readFileSync(sample, 'utf8').trim().split('\n').length;
    // Stored: every sample line but the exact copy (recorded, not stored), plus the one good line of bad.jsonl;
    // duplicates: the exact copy and the near-duplicate (which is also stored, with its own analysis).
    expect(s).toMatchObject({ stored: sampleLines - 1 + 1, duplicates: 2, problems: 3 });
    expect(messages.join('')).toMatch(/bad\.jsonl:1.*JSON/);
    expect(messages.join('')).toMatch(/NUL byte/);

    const store = new SqliteStore(db);
    const wire = (await store.listStories()).items.find(
      (x) => x.outlets.includes('Continental Wire') && x.copies > 1,
    );
    expect(wire).toMatchObject({ copies: 3, outlets: ['Continental Wire', 'Dorn Herald', 'Valmora Post'] });
    const story = await store.getStory(wire!.id);
    expect(story!.members.map((m) => m.reason).sort()).toEqual([
      'content-hash',
      'near-duplicate',
      'original',
    ]);
    expect((await store.stats()).duplicateCopies).toBe(2);
    await store.close();
  }, 120_000);
});

describe('ingest --watch', () => {
  it('polls a feed with conditional requests, stores new entries and checkpoints the feed state', async () => {
    const { createServer } = await import('node:http');
    const { Writable } = await import('node:stream');
    const { runIngest } = await import('../cli/commands/ingest.js');
    const { SqliteStore } = await import('../store/sqlite/index.js');
    const body = (i: number) =>
      `Minister Nora Vik${i} said on Monday that the harbour project ${i} would be finished by June. ` +
      `“We have the money and the workers,” she told reporters in the port city after a meeting with the council. `.repeat(
        8,
      );
    const entries = [1];
    let notModified = 0;
    const server = createServer((req, res) => {
      const etag = `"v${entries.length}"`;
      if (req.headers['if-none-match'] === etag) {
        notModified++;
        res.writeHead(304, { etag });
        res.end();
        return;
      }
      const items = entries
        .map(
          (i) =>
            `<item><title>Harbour ${i}</title><link>https://example.org/harbour/${i}</link><guid>h${i}</guid>` +
            `<pubDate>Mon, 0${i} Jun 2030 10:00:00 GMT</pubDate><description>${body(i)}</description></item>`,
        )
        .join('');
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Port News</title><link>https://example.org/</link>${items}</channel></rss>`,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const feed = `http://127.0.0.1:${port}/feed.xml`;
    const db = path.join(dir, 'watch.db');
    const controller = new AbortController();
    let log = '';
    const sink = Object.assign(
      new Writable({
        write: (c, _e, cb) => {
          log += String(c);
          cb();
        },
      }),
      {
        isTTY: false,
      },
    ) as unknown as NodeJS.WriteStream;
    const run = runIngest([feed], {
      db,
      watch: true,
      intervalSeconds: 1,
      allowPrivate: true,
      progress: false,
      stream: sink,
      signal: controller.signal,
    });
    try {
      const waitFor = async (n: number) => {
        for (let t = 0; t < 30_000 && count(db, 'SELECT count(*) AS n FROM articles') < n; t += 100) {
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      await waitFor(1);
      expect(count(db, 'SELECT count(*) AS n FROM articles'), log).toBe(1);
      // Let at least one poll find the feed unchanged (304), then publish a new entry.
      for (let t = 0; t < 10_000 && notModified === 0; t += 100) await new Promise((r) => setTimeout(r, 100));
      expect(notModified).toBeGreaterThan(0);
      entries.push(2);
      await waitFor(2);
      expect(count(db, 'SELECT count(*) AS n FROM articles')).toBe(2);
    } finally {
      controller.abort();
      await run;
      server.close();
    }
    const store = new SqliteStore(db);
    expect(await store.getCheckpoint(feed)).toMatchObject({ feed, etag: '"v2"' });
    expect((await store.getCheckpoint(feed))!.lastPoll).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await store.close();
  }, 60_000);
});
