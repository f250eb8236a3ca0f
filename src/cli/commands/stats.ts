import type { Command } from 'commander';
import type { JobCounts } from '../../service/jobs.js';
import { resolveDbPath } from '../../store/db-path.js';
import type { StoreStats } from '../../store/types.js';
import { UsageError } from '../errors.js';

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description(
      'count the articles, duplicate copies, stories, actors, attributions and events in a database',
    )
    .option('--db <file|url>', 'SQLite file or postgres:// URL (default: $NEWSGRAPH_DB or data/newsgraph.db)')
    .option('--json', 'print JSON')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const file = resolveDbPath(flags.db);
      const stats = await readStats(file);
      process.stdout.write(flags.json ? JSON.stringify(stats) + '\n' : formatStats(file, stats));
    });
}

export async function readStats(file: string): Promise<StoreStats & { jobs?: JobCounts }> {
  const { openStore, StoreMissingError } = await import('../../store/open.js');
  const { statsWithJobs } = await import('../../service/jobs.js');
  const store = await openStore(file, { readonly: true, mustExist: true }).catch((err: unknown) => {
    if (err instanceof StoreMissingError)
      throw new UsageError(`no database at ${file}: run newsgraph ingest first, or pass --db`);
    throw err;
  });
  try {
    return await statsWithJobs(store);
  } finally {
    await store.close();
  }
}

export function formatStats(file: string, s: StoreStats & { jobs?: JobCounts }): string {
  const jobs: [string, number][] = s.jobs
    ? [
        ['jobs queued', s.jobs.queued],
        ['jobs running', s.jobs.running],
        ['jobs failed', s.jobs.failed],
      ]
    : [];
  const rows: [string, number][] = [
    ['articles', s.articles],
    ['duplicate copies', s.duplicateCopies],
    ['stories', s.stories],
    ['actors', s.actors],
    ['attributions', s.attributions],
    ['events', s.events],
    ...jobs,
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return `${file.replace(/\/\/[^@/]*@/, '//***@')}\n${rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v.toLocaleString('en')}`).join('\n')}\n`;
}
