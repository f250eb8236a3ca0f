import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerWorker } from './worker.js';

/** `newsgraph worker` refuses bad calls before touching any database. */
function program(): Command {
  const p = new Command().exitOverride();
  registerWorker(p);
  return p;
}
const run = (...args: string[]) => program().parseAsync(['node', 'newsgraph', 'worker', ...args]);

describe('newsgraph worker: usage', () => {
  it('needs a PostgreSQL URL', async () => {
    const saved = process.env.NEWSGRAPH_DB;
    delete process.env.NEWSGRAPH_DB;
    try {
      await expect(run()).rejects.toThrow(/needs a PostgreSQL database/);
      await expect(run('--db', 'data/newsgraph.db')).rejects.toThrow(/needs a PostgreSQL database/);
    } finally {
      if (saved !== undefined) process.env.NEWSGRAPH_DB = saved;
    }
  });

  it('refuses nonsense numbers', async () => {
    const db = ['--db', 'postgres://u@127.0.0.1:1/x'];
    await expect(run(...db, '--concurrency', '0')).rejects.toThrow(/--concurrency/);
    await expect(run(...db, '--concurrency', 'lots')).rejects.toThrow(/--concurrency/);
    await expect(run(...db, '--lease', '0.1')).rejects.toThrow(/--lease/);
    await expect(run(...db, '--poll', '-1')).rejects.toThrow(/--poll/);
    await expect(run(...db, '--backoff', 'NaN')).rejects.toThrow(/--backoff/);
  });
});
