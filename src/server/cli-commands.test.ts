import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { registerIngest } from '../cli/commands/ingest.js';
import { registerServe } from '../cli/commands/serve.js';
import { registerStats } from '../cli/commands/stats.js';
import { getStatement, listStatements } from '../corpus/index.js';
import { SqliteStore } from '../store/sqlite/index.js';
import { PROJECT_ROOT } from '../util/data.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function program(): Command {
  const p = new Command().exitOverride();
  registerIngest(p);
  registerStats(p);
  registerServe(p);
  return p;
}

/** Runs a command line, returning what it wrote to stdout. */
async function run(...args: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program().parseAsync(['node', 'newsgraph', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('ingest, stats and serve commands', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('ingests the sample corpus, then counts it with stats (text and JSON)', async () => {
    const db = path.join(dir, 'cli.db');
    const sample = path.join(PROJECT_ROOT, 'data', 'sample', 'articles.jsonl');
    const summary = JSON.parse(await run('ingest', sample, '--db', db, '--json', '--no-progress'));
    expect(summary).toMatchObject({ stored: 12, duplicates: 2, problems: 0 });
    const stats = JSON.parse(await run('stats', '--db', db, '--json'));
    expect(stats).toMatchObject({ articles: 12, duplicateCopies: 2, stories: 11 });
    expect(stats.attributions).toBeGreaterThan(0);
    const text = await run('stats', '--db', db);
    expect(text).toMatch(/articles\s+12/);
    expect(text).toMatch(/duplicate copies\s+2/);
    // Re-running stores nothing.
    expect(JSON.parse(await run('ingest', sample, '--db', db, '--json', '--no-progress'))).toMatchObject({
      stored: 0,
      alreadyStored: 13,
    });
  }, 120_000);

  it('the sample corpus shows a statement reported by several outlets, with drift', async () => {
    const store = new SqliteStore(path.join(dir, 'cli.db'));
    try {
      const page = await listStatements(store, { minOutlets: 3, limit: 10, offset: 0 });
      expect(page.total).toBeGreaterThanOrEqual(1);
      const detail = (await getStatement(store, page.items[0].id))!;
      expect(detail.outlets.length).toBeGreaterThanOrEqual(3);
      const kinds = new Set(detail.reports.flatMap((r) => r.drift.map((d) => d.kind)));
      // Not only wire copies: the words changed as the statement travelled.
      expect([...kinds].filter((k) => k !== 'identical').length).toBeGreaterThanOrEqual(2);
    } finally {
      await store.close();
    }
  });

  it('refuses what cannot work, with a clear message', async () => {
    await expect(run('stats', '--db', path.join(dir, 'missing.db'))).rejects.toThrow(/no database at/);
    await expect(
      run('serve', '--host', '0.0.0.0', '--port', '0', '--db', path.join(dir, 's.db')),
    ).rejects.toThrow(/without --token/);
    await expect(run('serve', '--port', 'eighty')).rejects.toThrow(/--port/);
    await expect(run('serve', '--token', 'short')).rejects.toThrow(/--token must have at least 16/);
    // An empty or short NEWSGRAPH_TOKEN is named as such, not as a short --token.
    for (const [value, message] of [
      ['', /NEWSGRAPH_TOKEN is set but empty/],
      ['abc', /NEWSGRAPH_TOKEN has 3 characters/],
    ] as const) {
      vi.stubEnv('NEWSGRAPH_TOKEN', value);
      try {
        await expect(run('serve', '--port', '0', '--db', path.join(dir, 's.db'))).rejects.toThrow(message);
      } finally {
        vi.unstubAllEnvs();
      }
    }
    await expect(run('ingest', 'x.jsonl', '--interval', '0')).rejects.toThrow(/--interval/);
  });
});
