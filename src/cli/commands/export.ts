import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import type { Analysis } from '../../model/index.js';
import { EXPORT_FORMATS, exportChunks, lineEnd, type ExportFormat } from '../../export/index.js';
import { UsageError } from '../errors.js';

interface ExportFlags {
  format: string;
  in?: string;
  out?: string;
  db?: string;
}

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
  const lines = createInterface({ input, crlfDelay: Infinity });
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
      'export the events of analyses (JSONL, one analysis per line, from --in or stdin) as GDELT TSV, PLOVER JSON, CSV or JSONL',
    )
    .option('-f, --format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, 'jsonl')
    .option('--in <file>', 'analyses as JSONL (default: standard input)')
    .option('--db <file|url>', 'export what a store holds (SQLite file or postgres:// URL) instead of --in')
    .option('--out <file>', 'output file (default: standard output)')
    .action(async (flags: ExportFlags) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(flags.format))
        throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${flags.format}"`);
      const format = flags.format as ExportFormat;
      if (flags.in && flags.in !== '-' && !existsSync(flags.in))
        throw new UsageError(`input not found: ${flags.in}`);
      if (flags.db && flags.in) throw new UsageError('give either --db or --in, not both');
      const chunks = flags.db
        ? storedAnalyses(flags.db)
        : fromArray(
            await readAnalyses(
              flags.in && flags.in !== '-' ? createReadStream(flags.in, 'utf8') : process.stdin,
              flags.in ?? 'stdin',
            ),
          );
      const sink = flags.out ? createWriteStream(flags.out, 'utf8') : process.stdout;
      // A closed pipe ("| head") ends the export quietly; other write errors are reported.
      let failed: Error | undefined;
      sink.on('error', (err: NodeJS.ErrnoException) => {
        failed = err;
      });
      const end = lineEnd(format);
      for await (const line of exportChunks(format, chunks)) {
        if (failed) break;
        if (!sink.write(line + end))
          await new Promise<void>((r) => {
            sink.once('drain', () => r());
            sink.once('error', () => r());
          });
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
