import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PredictOptions, Predictor } from './types.js';
import { PROJECT_ROOT } from '../util/data.js';

export type { PredictOptions, Predictor } from './types.js';

export const TASKS = ['attribution', 'ner', 'events', 'extraction', 'speakers'] as const;
export type Task = (typeof TASKS)[number];

/** Tasks `newsgraph eval` scores with the project's own scorer (no predict form, no shared scorer). */
export const SELF_SCORED_TASKS = ['statements'] as const;
export type SelfScoredTask = (typeof SELF_SCORED_TASKS)[number];

/**
 * Each task's predictor lives in its own module, loaded lazily so one task's model never loads for another
 * (written out as import calls, not computed paths, so the bundled CLI carries them).
 */
const PREDICTOR_MODULES: Record<Task, { load: () => Promise<unknown>; name: string }> = {
  attribution: { load: () => import('./attribution.js'), name: 'predictAttribution' },
  ner: { load: () => import('./ner.js'), name: 'predictNer' },
  events: { load: () => import('./events.js'), name: 'predictEvents' },
  extraction: { load: () => import('./extraction.js'), name: 'predictExtraction' },
  speakers: { load: () => import('./speakers.js'), name: 'predictSpeakers' },
};

export async function loadPredictor(task: Task): Promise<Predictor> {
  const { load, name } = PREDICTOR_MODULES[task];
  const fn = ((await load()) as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new Error(`the ${task} predictor module does not export ${name}`);
  return fn as Predictor;
}

/** Writes predictions for a gold file to a stream, one line per record. */
export async function predict(
  task: Task,
  goldFile: string,
  options: PredictOptions,
  out: NodeJS.WritableStream,
): Promise<{ lines: number }> {
  if (!existsSync(goldFile)) throw new Error(`gold file not found: ${goldFile}`);
  const predictor = await loadPredictor(task);
  let lines = 0;
  for await (const line of predictor(goldFile, options)) {
    await write(out, line + '\n');
    lines++;
  }
  return { lines };
}

function write(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = out.write(chunk, (err) => (err ? reject(err) : undefined));
    if (ok) resolve();
    else out.once('drain', () => resolve());
  });
}

/** Where the shared data sets and scorers are: --data, NEWSGRAPH_SHARED, or ../shared beside the project. */
export function sharedRoot(dataDir?: string): { data: string; tools: string } {
  if (dataDir) {
    const data = path.resolve(dataDir);
    return { data, tools: path.resolve(data, '..', 'tools') };
  }
  const root = process.env.NEWSGRAPH_SHARED ?? path.resolve(PROJECT_ROOT, '..', 'shared');
  return { data: path.join(root, 'data'), tools: path.join(root, 'tools') };
}

export interface EvalRun {
  task: Task;
  label: string;
  gold: string;
  scorer: string;
  scorerArgs: (gold: string, pred: string) => string[];
  options: PredictOptions;
  /** Limit used in quick mode (records; pages for extraction). */
  quickLimit?: number;
  /** Picks the headline figures from the scorer's output. */
  headline: (stdout: string) => Record<string, number>;
}

export { evalRuns } from './runs.js';

export interface EvalResult {
  label: string;
  records: number;
  seconds: number;
  figures: Record<string, number>;
  report: string;
}

/** Runs predict on a dev split and the shared scorer; quick mode scores a prefix of the split. */
export async function runEval(run: EvalRun, tools: string, quick: boolean): Promise<EvalResult> {
  if (!existsSync(run.gold))
    throw new Error(`dev split not found: ${run.gold} (is ../shared present? see --data)`);
  const scorer = path.join(tools, run.scorer);
  if (!existsSync(scorer)) throw new Error(`scorer not found: ${scorer}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-eval-'));
  try {
    const limit = quick ? run.quickLimit : undefined;
    const gold = limit !== undefined ? writeGoldPrefix(run.gold, limit, dir) : run.gold;
    const predFile = path.join(dir, 'pred.jsonl');
    const t0 = performance.now();
    const out = createWriteStream(predFile);
    const { lines } = await predict(run.task, gold, { ...run.options, limit }, out);
    await new Promise<void>((resolve, reject) =>
      out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
    const seconds = (performance.now() - t0) / 1000;
    // node:child_process on first use: the command line loads this file for every command.
    const res = process
      .getBuiltinModule('node:child_process')
      .spawnSync(process.execPath, [scorer, ...run.scorerArgs(gold, predFile)], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
    if (res.status !== 0)
      throw new Error(`scorer ${run.scorer} failed: ${res.stderr.trim().split('\n').pop()}`);
    return {
      label: run.label,
      records: lines,
      seconds,
      figures: run.headline(res.stdout),
      report: res.stdout,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeGoldPrefix(gold: string, limit: number, dir: string): string {
  const target = path.join(dir, path.basename(gold));
  const raw = readFileSync(gold, 'utf8');
  if (gold.endsWith('.json')) {
    const obj = JSON.parse(raw) as Record<string, unknown>;
    writeFileSync(target, JSON.stringify(Object.fromEntries(Object.entries(obj).slice(0, limit))));
  } else {
    writeFileSync(
      target,
      raw
        .split('\n')
        .filter((l) => l.trim())
        .slice(0, limit)
        .join('\n') + '\n',
    );
  }
  return target;
}

/** `eval statements`: the statement matcher and drift on the statements gold (src/eval/statements.ts). */
export async function runSelfScored(task: SelfScoredTask, data: string, quick: boolean): Promise<EvalResult> {
  const { evaluateStatements, loadStatementsData } = await import('./statements.js');
  const t0 = performance.now();
  const loaded = loadStatementsData(data, quick ? 200 : undefined);
  const { figures, report } = evaluateStatements(loaded, quick);
  return {
    label: `${task} (statements gold pairs${quick ? '' : ', 5-fold CV and full set'})`,
    records: loaded.pairs.length,
    seconds: (performance.now() - t0) / 1000,
    figures,
    report,
  };
}
