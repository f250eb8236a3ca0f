import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import type { Analysis } from '../../model/index.js';
import { EXPORT_FORMATS, lineEnd, type ExportFormat } from '../../export/formats.js';
import { UsageError } from '../errors.js';

interface ExportFlags {
  format: string;
  in?: string;
  out?: string;
  db?: string;
  of: string;
  minReports: string;
}

const EXPORT_OF = ['events', 'statements', 'reports'] as const;

/** Every stored analysis, a page at a time, in the store's listing order. */
async function* storedAnalyses(db: string, pageSize = 200): AsyncGenerator<Analysis[]> {
  const { openStore, StoreMissingError } = await import('../../store/open.js');
  const store = await openStore(db, { readonly: true, mustExist: true }).catch((err: unknown) => {
    if (err instanceof StoreMissingError)
      throw new UsageError(`no database at ${db}: run newsgraph ingest first`);
    throw err;
  });
  try {
    for (let offset = 0; ; offset += pageSize) {
      const page = await store.listArticles({ limit: pageSize, offset });
      const chunk: Analysis[] = [];
      for (const item of page.items) {
        const article = await store.getArticle(item.id);
        if (article) chunk.push({ ...article.analysis, id: article.analysis.id ?? item.key });
      }
      if (chunk.length) yield chunk;
      if (page.items.length < pageSize) break;
    }
  } finally {
    await store.close();
  }
}

async function* fromArray(analyses: Analysis[]): AsyncGenerator<Analysis[]> {
  yield analyses;
}

/** Reads analyses as JSONL (one Analysis per line), validating each; errors name the line. */
export async function readAnalyses(input: Readable, where: string): Promise<Analysis[]> {
  const { AnalysisSchema } = await import('../../model/index.js');
  // node:readline on first use, not for every command (`newsgraph --help` loads this file).
  const lines = process.getBuiltinModule('node:readline').createInterface({ input, crlfDelay: Infinity });
  const out: Analysis[] = [];
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      throw new UsageError(`${where}:${n}: not JSON (${(err as Error).message})`);
    }
    const parsed = AnalysisSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(
        `${where}:${n}: not an analysis: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      );
    }
    out.push(parsed.data);
  }
  return out;
}

/** `newsgraph export --format gdelt|plover|csv|jsonl [--in analyses.jsonl] [--out FILE]`. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      "export the events of analyses (JSONL, one analysis per line, from --in or stdin) as GDELT TSV, PLOVER JSON, CSV or JSONL; or a store's statements and reports (--of) as JSONL or CSV",
    )
    .option('-f, --format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, 'jsonl')
    .option('--in <file>', 'analyses as JSONL (default: standard input)')
    .option('--db <file|url>', 'export what a store holds (SQLite file or postgres:// URL) instead of --in')
    .option('--out <file>', 'output file (default: standard output)')
    .option(
      '--of <what>',
      'events (from analyses), or statements / reports (one line per statement or per report, with spans and drift kinds; jsonl or csv, needs --db)',
      'events',
    )
    .option('--min-reports <n>', 'with --of statements|reports: statements reported at least this often', '2')
    .action(async (flags: ExportFlags) => {
      if (!(EXPORT_OF as readonly string[]).includes(flags.of))
        throw new UsageError(`--of must be one of ${EXPORT_OF.join(', ')}, not "${flags.of}"`);
      if (!(EXPORT_FORMATS as readonly string[]).includes(flags.format))
        throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${flags.format}"`);
      const format = flags.format as ExportFormat;
      const minReports = Number(flags.minReports);
      if (!Number.isInteger(minReports) || minReports < 1)
        throw new UsageError(`--min-reports must be a whole number from 1, not "${flags.minReports}"`);
      if (flags.in && flags.in !== '-' && !existsSync(flags.in))
        throw new UsageError(`input not found: ${flags.in}`);
      if (flags.db && flags.in) throw new UsageError('give either --db or --in, not both');
      if (flags.of !== 'events' && flags.in)
        throw new UsageError(`--of ${flags.of} reads a store: give --db, not --in`);
      const sink = flags.out ? createWriteStream(flags.out, 'utf8') : process.stdout;
      // A closed pipe ("| head") ends the export quietly; other write errors are reported.
      let failed: Error | undefined;
      sink.on('error', (err: NodeJS.ErrnoException) => {
        failed = err;
      });
      const end = lineEnd(format);
      const write = async (line: string): Promise<boolean> => {
        if (failed) return false;
        if (!sink.write(line + end))
          await new Promise<void>((r) => {
            sink.once('drain', () => r());
            sink.once('error', () => r());
          });
        return true;
      };
      if (flags.of === 'statements' || flags.of === 'reports') {
        const { exportStatements } = await import('./export-statements.js');
        await exportStatements({ of: flags.of, format, db: flags.db, minReports }, write);
      } else {
        const chunks = flags.db
          ? storedAnalyses(flags.db)
          : fromArray(
              await readAnalyses(
                flags.in && flags.in !== '-' ? createReadStream(flags.in, 'utf8') : process.stdin,
                flags.in ?? 'stdin',
              ),
            );
        const { exportChunks } = await import('../../export/index.js');
        for await (const line of exportChunks(format, chunks)) if (!(await write(line))) break;
      }
      if (failed) {
        if ((failed as NodeJS.ErrnoException).code === 'EPIPE') return;
        throw new Error(`cannot write ${flags.out ?? 'standard output'}: ${failed.message}`);
      }
      if (flags.out)
        await new Promise<void>((resolve, reject) =>
          (sink as ReturnType<typeof createWriteStream>).end((err?: Error | null) =>
            err ? reject(err) : resolve(),
          ),
        );
    });
}
