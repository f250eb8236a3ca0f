import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type pg from 'pg';
import type { IngestItem } from '../../src/ingest/types.js';
import type { WorkerSummary } from '../../src/service/worker.js';

/** Helpers for the fault tests: worker processes, a private PostgreSQL cluster, exactly-once checks. */

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '..', '..');
const ENTRY = path.join(here, 'worker-entry.ts');
const PG_SCRIPT = path.join(REPO, 'scripts', 'ci-postgres.sh');

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** The `--json` summary the worker printed on exit, if it exited normally. */
  summary(): WorkerSummary | null;
}

/** Starts `newsgraph worker --db <url> --json …args` as a separate process. */
export function spawnWorker(
  url: string,
  args: string[] = [],
  env: Record<string, string> = {},
): WorkerProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ENTRY, 'worker', '--db', url, '--json', ...args],
    {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    pid: child.pid!,
    stderr: () => err,
    exited,
    summary: () => {
      const line = out.trim().split('\n').pop();
      try {
        return line ? (JSON.parse(line) as WorkerSummary) : null;
      } catch {
        return null;
      }
    },
  };
}

/** Waits for every worker to exit (failing after `ms`), returning their exit codes. */
export async function allExited(workers: WorkerProcess[], ms: number): Promise<(number | null)[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      for (const w of workers) w.child.kill('SIGKILL');
      reject(
        new Error(
          `workers did not finish within ${ms} ms:\n${workers.map((w) => w.stderr()).join('\n---\n')}`,
        ),
      );
    }, ms);
  });
  try {
    return await Promise.race([Promise.all(workers.map((w) => w.exited)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  ms = 30_000,
  every = 20,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Distinct short news articles the real pipeline analyses (quotes, actors, dates). */
export function syntheticArticles(n: number, prefix: string): IngestItem[] {
  const places = ['Valmora', 'Ostrava', 'Kelden', 'Marisol', 'Tarn'];
  return Array.from({ length: n }, (_, i) => ({
    key: `${prefix}:${i}`,
    origin: 'jsonl' as const,
    outlet: `Outlet ${i % 3}`,
    published: `2025-04-${String((i % 28) + 1).padStart(2, '0')}`,
    text:
      `Minister Ana Lopes met officials from ${places[i % places.length]} on Monday, report ${prefix}-${i} said. ` +
      `"We agreed to reopen the border crossing number ${i}," Lopes told reporters after the talks. ` +
      `The opposition leader Bo Varga criticised the deal, according to state media.`,
  }));
}

/** Every key appears exactly once among stored articles and recorded copies, and nothing else does. */
export async function storedKeys(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ key: string }>(
    'SELECT key FROM articles UNION ALL SELECT key FROM copies',
  );
  return rows.map((r) => r.key).sort();
}

/** True when PostgreSQL's server binaries are on this machine (the outage test runs a private cluster). */
export function hasLocalPostgres(): boolean {
  const base = '/usr/lib/postgresql';
  return existsSync(base) && readdirSync(base).some((v) => existsSync(path.join(base, v, 'bin', 'initdb')));
}

const run = promisify(execFile);

/** A throw-away cluster of this test's own (scripts/ci-postgres.sh), so stopping it disturbs no other test. */
export async function privateCluster(): Promise<{
  url: string;
  halt(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}> {
  const env = { ...process.env, NEWSGRAPH_PG_DIR: `/tmp/newsgraph-pg-fault-${process.pid}` };
  const ctl = async (cmd: string) => (await run('bash', [PG_SCRIPT, cmd], { env, timeout: 120_000 })).stdout;
  const out = await ctl('start');
  const url = /NEWSGRAPH_TEST_PG=(\S+)/.exec(out)?.[1];
  if (!url) throw new Error(`ci-postgres.sh start printed no URL:\n${out}`);
  return {
    url,
    halt: async () => void (await ctl('halt')),
    resume: async () => void (await ctl('resume')),
    stop: async () => void (await ctl('stop')),
  };
}
