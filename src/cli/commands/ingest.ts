import { availableParallelism } from 'node:os';
import type cliProgressModule from 'cli-progress';
import type { Command } from 'commander';
import { METADATA_HELP } from '../metadata-help.js';
import type { IngestRunHooks, IngestSummary } from '../../service/run.js';
import { resolveDbPath } from '../../store/db-path.js';
import { UsageError } from '../errors.js';

export type { IngestSummary } from '../../service/run.js';

interface IngestFlags {
  db?: string;
  workers: string;
  watch?: boolean;
  interval: string;
  json?: boolean;
  progress?: boolean;
  allowPrivate?: boolean;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'read articles (files, folders, URLs, feeds, OPML, JSONL), deduplicate, analyse and store them; safe to re-run',
    )
    .argument('<inputs...>', 'files, folders, article or feed URLs, feeds.opml, or file.jsonl')
    .option(
      '--db <file>',
      'SQLite file, or postgres:// URL to enqueue for workers (default: $NEWSGRAPH_DB or data/newsgraph.db)',
    )
    .option('--watch', 'keep polling the inputs (feeds) and store what is new')
    .option('--interval <seconds>', 'seconds between polls with --watch', '300')
    .option('--workers <n>', 'analysis worker threads (a number or auto)', '1')
    .option(
      '--allow-private',
      'fetch from loopback and private addresses too (intranet feeds); off as an SSRF guard',
    )
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress on stderr')
    .addHelpText('after', METADATA_HELP)
    .action(async (inputs: string[], flags: IngestFlags) => {
      const interval = Number(flags.interval);
      if (!Number.isFinite(interval) || interval < 1)
        throw new UsageError('--interval must be a number of seconds ≥ 1');
      const workers = flags.workers === 'auto' ? availableParallelism() : Number(flags.workers);
      if (!Number.isInteger(workers) || workers < 1) {
        throw new UsageError(`--workers must be a positive number or auto, not "${flags.workers}"`);
      }
      const summary = await runIngest(inputs, {
        db: resolveDbPath(flags.db),
        workers,
        allowPrivate: flags.allowPrivate === true,
        watch: flags.watch === true,
        intervalSeconds: interval,
        progress: flags.progress !== false,
      });
      process.stdout.write(flags.json ? JSON.stringify(summary) + '\n' : formatIngestSummary(summary));
      if (summary.problems > 0 && summary.stored + summary.duplicates + summary.alreadyStored === 0)
        process.exitCode = 1;
    });
}

export interface IngestRunOptions {
  db: string;
  watch?: boolean;
  intervalSeconds?: number;
  progress?: boolean;
  /** Where progress and problems go (stderr): stdout stays for the summary. */
  stream?: NodeJS.WriteStream;
  signal?: AbortSignal;
  /** Analysis worker threads; 1 analyses in this thread. */
  workers?: number;
  /** Fetch from loopback and private addresses (intranet feeds, tests). */
  allowPrivate?: boolean;
}

/**
 * The ingest run of `src/service/` with the CLI's ways: progress on stderr (a bar on a terminal),
 * Ctrl-C and SIGTERM stop it between two articles, a missing input or feed is a usage error.
 */
export async function runIngest(
  inputs: readonly string[],
  options: IngestRunOptions,
): Promise<IngestSummary> {
  const { ingestRun, NoFeedsError, NoInputsError } = await import('../../service/index.js');
  const bars = (await import('cli-progress')).default;
  const controller = stopOnSignals(options.signal);
  try {
    return await ingestRun(inputs, {
      db: options.db,
      watch: options.watch === true,
      ...(options.intervalSeconds !== undefined ? { intervalSeconds: options.intervalSeconds } : {}),
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      allowPrivate: options.allowPrivate === true,
      signal: controller.signal,
      hooks: progressHooks(options.stream ?? process.stderr, options.progress !== false, bars),
    });
  } catch (err) {
    if (err instanceof NoInputsError || err instanceof NoFeedsError) throw new UsageError(err.message);
    throw err;
  } finally {
    controller.dispose();
  }
}

/** The run's hooks as progress lines on `stream`: a view per pass, problems on lines of their own. */
function progressHooks(stream: NodeJS.WriteStream, enabled: boolean, bars: Bars): IngestRunHooks {
  let view: ProgressView | null = null;
  return {
    onPass: (expected) => void (view = makeProgress(stream, enabled, expected, bars)),
    onItem: () => view?.tick(),
    onProblem(p) {
      const line = `problem: ${p.where}: ${oneLine(p.reason)}`;
      if (!view) return void stream.write(line + '\n');
      view.interrupt(line);
      view.tick();
    },
    onPassEnd() {
      view?.stop();
      view = null;
    },
    log: (line) => void stream.write(line + '\n'),
  };
}

/**
 * An abort controller that Ctrl-C, SIGTERM or the caller's signal trips: a run stops between two
 * articles and everything stored (or enqueued) so far stays. `dispose` removes the listeners.
 */
function stopOnSignals(signal: AbortSignal | undefined): AbortController & { dispose(): void } {
  const controller = new AbortController();
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop);
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return Object.assign(controller, {
    dispose() {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
    },
  });
}

export function formatIngestSummary(s: IngestSummary): string {
  if (s.enqueued !== undefined) {
    return `enqueued into ${s.db}: ${s.enqueued} new jobs, ${s.alreadyStored} already queued or done, ${s.problems} problems — run newsgraph worker to analyse them\n`;
  }
  return (
    `ingested into ${s.db}: ${s.stored} stored, ${s.duplicates} duplicates, ${s.alreadyStored} already stored, ` +
    `${s.problems} problems — ${s.seen} items in ${s.seconds.toFixed(1)} s (${s.articlesPerSecond} articles/s)\n`
  );
}

/** cli-progress, loaded when a run starts (not for `--help`). */
type Bars = typeof cliProgressModule;

interface ProgressView {
  tick(): void;
  interrupt(line: string): void;
  stop(): void;
}

/** A bar with rate and ETA on a terminal; a plain line every few seconds otherwise; nothing when disabled. */
function makeProgress(
  stream: NodeJS.WriteStream,
  enabled: boolean,
  expected: number | null,
  cliProgress: Bars,
): ProgressView {
  let count = 0;
  const started = performance.now();
  if (!enabled) {
    return {
      tick: () => void count++,
      interrupt: (line) => void stream.write(line + '\n'),
      stop: () => undefined,
    };
  }
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: expected
          ? 'ingest [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}'
          : 'ingest {value} articles | {rate}/s',
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(expected ?? 0, 0, { rate: '0.0' });
    return {
      tick() {
        count++;
        if (expected !== null && count > expected) bar.setTotal(count);
        bar.update(count, { rate: (count / ((performance.now() - started) / 1000)).toFixed(1) });
      },
      interrupt(line) {
        stream.write(`\r\x1b[K${line}\n`);
      },
      stop: () => bar.stop(),
    };
  }
  let last = started;
  const line = () => {
    const s = (performance.now() - started) / 1000;
    const rate = s > 0 ? count / s : 0;
    const of = expected ? `/${expected}` : '';
    const eta = expected && rate > 0 ? `, ETA ${Math.max(0, Math.ceil((expected - count) / rate))} s` : '';
    stream.write(`ingest: ${count}${of} items (${rate.toFixed(1)}/s${eta})\n`);
  };
  return {
    tick() {
      count++;
      const now = performance.now();
      if (now - last > 5000) {
        last = now;
        line();
      }
    },
    interrupt: (l) => void stream.write(l + '\n'),
    stop: () => (count > 0 ? line() : undefined),
  };
}

/** A problem's reason on one line of bounded length, whatever the error said. */
function oneLine(reason: string, max = 400): string {
  const line = reason.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
