import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import { analyze, InputError } from '../../pipeline/index.js';
import { ArticleMetaSchema } from '../../model/index.js';
import type { ArticleMeta } from '../../model/index.js';
import { readTextInput } from '../io.js';
import { formatSummary } from '../summary.js';
import { Progress } from '../progress.js';
import { UsageError, writeOut } from '../errors.js';

const JsonlLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  meta: ArticleMetaSchema.optional(),
});

interface AnalyzeFlags {
  format: string;
  published?: string;
  title?: string;
  url?: string;
  outlet?: string;
  jsonl?: boolean;
  tokens?: boolean;
  progress?: boolean;
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('analyse an article (a text file, or - for stdin); with --jsonl, a batch of {id, text, meta} lines')
    .argument('<file>', 'text file, JSONL file with --jsonl, or - for standard input')
    .option('-f, --format <format>', 'json or text (a human summary)', 'json')
    .option('--published <date>', 'publication date (YYYY-MM-DD), for relative dates and roles')
    .option('--title <title>', 'article title (otherwise taken from the first line)')
    .option('--url <url>', 'article URL')
    .option('--outlet <name>', 'publishing outlet')
    .option('--jsonl', 'read one {id, text, meta} object per line and write one analysis per line (streamed)')
    .option('--tokens', 'include the token layer')
    .option('--no-progress', 'no progress lines on stderr for batches')
    .action(async (file: string, flags: AnalyzeFlags) => {
      if (flags.format !== 'json' && flags.format !== 'text') throw new UsageError(`--format must be json or text, not "${flags.format}"`);
      const meta = metaFromFlags(flags);
      if (flags.jsonl) {
        await analyzeJsonl(file, flags, meta);
        return;
      }
      const text = await readTextInput(file);
      const analysis = analyze(text, meta, { tokens: flags.tokens });
      await writeOut(flags.format === 'text' ? formatSummary(analysis) : JSON.stringify(analysis, null, 2) + '\n');
    });
}

function metaFromFlags(flags: AnalyzeFlags): ArticleMeta {
  const meta: ArticleMeta = {};
  if (flags.published) meta.published = flags.published;
  if (flags.title) meta.title = flags.title;
  if (flags.url) meta.url = flags.url;
  if (flags.outlet) meta.outlet = flags.outlet;
  const parsed = ArticleMetaSchema.safeParse(meta);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

/** Streams a JSONL batch: one analysis per good line, one stderr report per bad line, memory flat. */
async function analyzeJsonl(file: string, flags: AnalyzeFlags, defaults: ArticleMeta): Promise<void> {
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  if (file !== '-') {
    await new Promise<void>((resolve, reject) => {
      (input as ReturnType<typeof createReadStream>).once('open', () => resolve());
      input.once('error', (err: NodeJS.ErrnoException) =>
        reject(new InputError(err.code === 'ENOENT' ? `${file}: no such file` : `${file}: ${err.message}`)),
      );
    });
  }
  const rl = createInterface({ input, crlfDelay: Infinity });
  const progress = new Progress('analysed', undefined, process.stderr, flags.progress !== false);
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    try {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (err) {
        throw new InputError(`bad JSON (${(err as Error).message})`);
      }
      const item = JsonlLineSchema.safeParse(raw);
      if (!item.success) {
        throw new InputError(item.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '));
      }
      const analysis = analyze(item.data.text, { ...defaults, ...item.data.meta }, { id: item.data.id, tokens: flags.tokens });
      await writeOut(flags.format === 'text' ? `== ${item.data.id}\n${formatSummary(analysis)}\n` : JSON.stringify(analysis) + '\n');
      progress.tick(true);
    } catch (err) {
      progress.tick(false);
      process.stderr.write(`${file === '-' ? 'stdin' : file}:${lineNo}: skipped: ${(err as Error).message}\n`);
    }
  }
  const { count, failed } = progress.done();
  if (failed > 0) {
    process.stderr.write(`${failed} of ${count} lines could not be analysed (see above)\n`);
    process.exitCode = 1;
  }
}
