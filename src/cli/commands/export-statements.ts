/** `newsgraph export --of statements|reports --db …`: the statements a store holds, as JSONL or CSV. */
import { UsageError } from '../errors.js';

export interface StatementExportFlags {
  of: 'statements' | 'reports';
  format: string;
  db?: string;
  minReports: number;
}

/** Writes the export line by line; stops when `write` answers false (the output closed early). */
export async function exportStatements(
  flags: StatementExportFlags,
  write: (line: string) => Promise<boolean>,
): Promise<void> {
  if (flags.format !== 'jsonl' && flags.format !== 'csv')
    throw new UsageError(`--of ${flags.of} exports jsonl or csv, not "${flags.format}"`);
  if (!flags.db) throw new UsageError(`--of ${flags.of} reads a store: give --db`);
  const { openStore, StoreMissingError } = await import('../../store/open.js');
  const { statementPages } = await import('../../corpus/index.js');
  const { statementLines } = await import('../../export/index.js');
  const store = await openStore(flags.db, { readonly: true, mustExist: true }).catch((err: unknown) => {
    if (err instanceof StoreMissingError)
      throw new UsageError(`no database at ${flags.db}: run newsgraph ingest first`);
    throw err;
  });
  try {
    let header = true;
    for await (const page of statementPages(store, { minReports: flags.minReports })) {
      for (const line of statementLines(flags.of, flags.format, page, header))
        if (!(await write(line))) return;
      header = false;
    }
    if (header) for (const line of statementLines(flags.of, flags.format, [], true)) await write(line);
  } finally {
    await store.close();
  }
}
