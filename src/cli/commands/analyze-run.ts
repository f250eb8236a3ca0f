import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { analyze, InputError, stagesWith } from '../../pipeline/index.js';
import type { ExtraKnowledge } from '../../pipeline/index.js';
import { existsSync } from 'node:fs';
import { ArticleMetaSchema } from '../../model/index.js';
import type { Analysis, ArticleMeta } from '../../model/index.js';
import { availableParallelism } from 'node:os';
import { readTextInput } from '../io.js';
import { readTextLines } from '../../ingest/lines.js';
import { formatSummary } from '../summary.js';
import { Progress } from '../progress.js';
import { UsageError, writeOut } from '../errors.js';
import type { AnalyzeFlags } from './analyze.js';

const JsonlLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
  meta: ArticleMetaSchema.optional(),
});

/** `newsgraph analyze`: one article, or a JSONL batch, to JSON or a text summary. */
export async function runAnalyze(file: string, flags: AnalyzeFlags): Promise<void> {
  if (flags.format !== 'json' && flags.format !== 'text')
    throw new UsageError(`--format must be json or text, not "${flags.format}"`);
  const meta = metaFromFlags(flags);
  if (flags.jsonl) {
    await analyzeJsonl(file, flags, meta);
    return;
  }
  const text = await readTextInput(file);
  const analysis = analyze(text, meta, { tokens: flags.tokens, stages: extraStages(flags) });
  await writeOut(
    flags.format === 'text' ? formatSummary(analysis) : JSON.stringify(analysis, null, 2) + '\n',
  );
}

function extraOf(flags: AnalyzeFlags): ExtraKnowledge | undefined {
  for (const f of [...(flags.actors ?? []), ...(flags.verbs ? [flags.verbs] : [])]) {
    if (!existsSync(f)) throw new UsageError(`dictionary not found: ${f}`);
  }
  return flags.actors?.length || flags.verbs ? { actors: flags.actors, verbs: flags.verbs } : undefined;
}

function extraStages(flags: AnalyzeFlags) {
  const extra = extraOf(flags);
  return extra ? stagesWith(extra) : undefined;
}

function metaFromFlags(flags: AnalyzeFlags): ArticleMeta {
  const meta: ArticleMeta = {};
  if (flags.published) meta.published = flags.published;
  if (flags.title) meta.title = flags.title;
  if (flags.url) meta.url = flags.url;
  if (flags.outlet) meta.outlet = flags.outlet;
  if (flags.language) {
    if (!/^[a-z]{2,3}$/i.test(flags.language))
      throw new UsageError(`--language must be a language code such as en or de, not "${flags.language}"`);
    meta.language = flags.language.toLowerCase();
  }
  const parsed = ArticleMetaSchema.safeParse(meta);
  if (!parsed.success)
    throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

interface BatchItem {
  lineNo: number;
  extra?: ExtraKnowledge;
  id?: string;
  text: string;
  meta?: ArticleMeta;
  tokens?: boolean;
  /** Set when the line itself is unusable (bad JSON, wrong shape). */
  problem?: string;
}

async function* readBatch(
  file: string,
  defaults: ArticleMeta,
  tokens?: boolean,
  extra?: ExtraKnowledge,
): AsyncGenerator<BatchItem> {
  const input = file === '-' ? process.stdin : createReadStream(file);
  if (file !== '-') {
    await new Promise<void>((resolve, reject) => {
      (input as ReturnType<typeof createReadStream>).once('open', () => resolve());
      input.once('error', (err: NodeJS.ErrnoException) =>
        reject(new InputError(err.code === 'ENOENT' ? `${file}: no such file` : `${file}: ${err.message}`)),
      );
    });
  }
  // The one decoder of every command: a line with invalid bytes is reported with its exact offset.
  for await (const read of readTextLines(input as AsyncIterable<Buffer>, file === '-' ? 'stdin' : file)) {
    const lineNo = read.lineNo;
    if ('problem' in read) {
      yield { lineNo, text: '', problem: read.problem };
      continue;
    }
    const line = read.text;
    if (!line.trim()) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      yield { lineNo, text: '', problem: `bad JSON (${(err as Error).message})` };
      continue;
    }
    const item = JsonlLineSchema.safeParse(raw);
    if (!item.success) {
      yield {
        lineNo,
        text: '',
        problem: item.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '),
      };
      continue;
    }
    yield {
      lineNo,
      id: item.data.id,
      text: item.data.text,
      meta: { ...defaults, ...item.data.meta },
      tokens,
      extra,
    };
  }
}

/** Analyses batch items serially, or on a worker pool in input order; bad items carry their error. */
async function* analyseBatch(
  items: AsyncIterable<BatchItem>,
  workers: number,
  asJson: boolean,
): AsyncGenerator<{ item: BatchItem; result?: Analysis; json?: string; error?: string }> {
  if (workers <= 1) {
    const stageCache = new Map<string, ReturnType<typeof stagesWith>>();
    for await (const item of items) {
      const key = item.extra ? JSON.stringify(item.extra) : '';
      if (item.extra && !stageCache.has(key)) stageCache.set(key, stagesWith(item.extra));
      if (item.problem) yield { item, error: item.problem };
      else {
        try {
          yield {
            item,
            result: analyze(item.text, item.meta ?? {}, {
              id: item.id,
              tokens: item.tokens,
              stages: stageCache.get(key),
            }),
          };
        } catch (err) {
          yield { item, error: (err as Error).message };
        }
      }
    }
    return;
  }
  const { AnalysisPool } = await import('../../pipeline/pool.js');
  const pool = new AnalysisPool(workers);
  try {
    const good = async function* () {
      for await (const item of items) yield item;
    };
    if (asJson) {
      // Serialised in the workers: this thread only writes lines.
      for await (const r of pool.mapJson(good())) {
        if (r.task.problem) yield { item: r.task, error: r.task.problem };
        else yield { item: r.task, json: r.json, error: r.error?.message };
      }
    } else {
      for await (const r of pool.map(good())) {
        if (r.task.problem) yield { item: r.task, error: r.task.problem };
        else yield { item: r.task, result: r.result, error: r.error?.message };
      }
    }
  } finally {
    await pool.close();
  }
}

/** Streams a JSONL batch: one analysis per good line, one stderr report per bad line, memory flat. */
async function analyzeJsonl(file: string, flags: AnalyzeFlags, defaults: ArticleMeta): Promise<void> {
  const progress = new Progress('analysed', undefined, process.stderr, flags.progress !== false);
  const where = file === '-' ? 'stdin' : file;
  const workers =
    flags.workers === 'auto' ? availableParallelism() : Number.parseInt(flags.workers ?? '1', 10);
  if (!Number.isInteger(workers) || workers < 1)
    throw new UsageError(`--workers must be a positive number or auto, not "${flags.workers}"`);
  const batch = analyseBatch(
    readBatch(file, defaults, flags.tokens, extraOf(flags)),
    workers,
    flags.format !== 'text',
  );
  for await (const { item, result, json, error } of batch) {
    if (json !== undefined) {
      await writeOut(json + '\n');
      progress.tick(true);
    } else if (result) {
      await writeOut(
        flags.format === 'text' ? `== ${item.id}\n${formatSummary(result)}\n` : JSON.stringify(result) + '\n',
      );
      progress.tick(true);
    } else {
      progress.tick(false);
      process.stderr.write(`${where}:${item.lineNo}: skipped: ${error}\n`);
    }
  }
  const { count, failed } = progress.done();
  if (failed > 0) {
    process.stderr.write(`${failed} of ${count} lines could not be analysed (see above)\n`);
    process.exitCode = 1;
  }
}
