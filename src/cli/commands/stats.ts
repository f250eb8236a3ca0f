import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { openSqliteStore, resolveDbPath, type StoreStats } from '../../store/index.js';
import { UsageError } from '../errors.js';

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description(
      'count the articles, duplicate copies, stories, actors, attributions and events in a database',
    )
    .option('--db <file>', 'SQLite database (default: $NEWSGRAPH_DB or data/newsgraph.db)')
    .option('--json', 'print JSON')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const file = resolveDbPath(flags.db);
      const stats = await readStats(file);
      process.stdout.write(flags.json ? JSON.stringify(stats) + '\n' : formatStats(file, stats));
    });
}

export async function readStats(file: string): Promise<StoreStats> {
  if (!existsSync(file))
    throw new UsageError(`no database at ${file}: run newsgraph ingest first, or pass --db`);
  const store = openSqliteStore(file, { readonly: true });
  try {
    return await store.stats();
  } finally {
    await store.close();
  }
}

export function formatStats(file: string, s: StoreStats): string {
  const rows: [string, number][] = [
    ['articles', s.articles],
    ['duplicate copies', s.duplicateCopies],
    ['stories', s.stories],
    ['actors', s.actors],
    ['attributions', s.attributions],
    ['events', s.events],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return `${file}\n${rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v.toLocaleString('en')}`).join('\n')}\n`;
}
