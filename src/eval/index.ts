import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { spawnSync } from 'node:child_process';
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

/** Each task's predictor lives in its own module, loaded lazily so one task's model never loads for another. */
const PREDICTOR_MODULES: Record<Task, { file: string; name: string }> = {
  attribution: { file: './attribution.js', name: 'predictAttribution' },
  ner: { file: './ner.js', name: 'predictNer' },
  events: { file: './events.js', name: 'predictEvents' },
  extraction: { file: './extraction.js', name: 'predictExtraction' },
  speakers: { file: './speakers.js', name: 'predictSpeakers' },
};

export async function loadPredictor(task: Task): Promise<Predictor> {
  const { file, name } = PREDICTOR_MODULES[task];
  const fn = ((await import(file)) as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new Error(`${file} does not export ${name}`);
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

const lastJson = (stdout: string): Record<string, unknown> => {
  const lines = stdout.trim().split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i].startsWith('{')) return JSON.parse(lines[i]) as Record<string, unknown>;
  }
  return JSON.parse(stdout) as Record<string, unknown>;
};
const f1 = (x: unknown): number => {
  const o = x as { f1?: number } | number | undefined;
  return typeof o === 'number' ? o : (o?.f1 ?? 0);
};

export function evalRuns(task: Task, data: string): EvalRun[] {
  switch (task) {
    case 'attribution':
      return [
        {
          task,
          label: 'attribution (PolNeAR dev)',
          gold: path.join(data, 'attribution/polnear-dev.jsonl'),
          scorer: 'score-attributions.mjs',
          scorerArgs: (g, p) => ['--gold', g, '--pred', p, '--quiet'],
          options: {},
          quickLimit: 24,
          headline: (out) => {
            const s = lastJson(out);
            return {
              lenient_f1: f1(s.attribution_lenient),
              strict_f1: f1(s.attribution_strict),
              content_partial_f1: f1(s.content_partial_f1),
              cue_exact_f1: f1(s.cue_exact_f1),
              source_given_content_partial_acc: Number(
                (s.full as { linked?: { source_given_content?: { partial?: { accuracy?: number } } } })
                  ?.linked?.source_given_content?.partial?.accuracy ?? 0,
              ),
            };
          },
        },
      ];
    case 'ner':
      return [
        {
          task,
          label: 'ner (CoNLL-2003 dev)',
          gold: path.join(data, 'ner/conll-dev.jsonl'),
          scorer: 'score-ner.mjs',
          scorerArgs: (g, p) => [g, p, '--json'],
          options: {},
          quickLimit: 80,
          headline: (out) => {
            const r = JSON.parse(out) as Record<string, { micro: { f1: number } }>;
            const all = r.all ?? Object.values(r)[0];
            return { micro_f1: all.micro.f1, micro_f1_noMISC: r.noMISC?.micro.f1 ?? 0 };
          },
        },
      ];
    case 'events':
      return [
        {
          task,
          label: 'events (PLOVER GSR dev, --scheme plover)',
          gold: path.join(data, 'events/plover-gsr-dev.jsonl'),
          scorer: 'score-events.mjs',
          scorerArgs: (g, p) => [g, p, '--all', '--json'],
          options: { scheme: 'plover' },
          headline: (out) => {
            const t = (JSON.parse(out) as { total: Record<string, unknown> }).total;
            return { code_f1: f1(t.code), exact_f1: f1(t.exact), root_f1: f1(t.root) };
          },
        },
        {
          task,
          label: 'events (PETRARCH GSR dev, --scheme cameo)',
          gold: path.join(data, 'events/petrarch-dev.jsonl'),
          scorer: 'score-events.mjs',
          scorerArgs: (g, p) => [g, p, '--suite', 'gsr', '--json'],
          options: { scheme: 'cameo' },
          headline: (out) => {
            const t = (JSON.parse(out) as { total: Record<string, unknown> }).total;
            return { root_f1: f1(t.root), exact_f1: f1(t.exact), code_f1: f1(t.code) };
          },
        },
      ];
    case 'speakers':
      return [
        {
          task,
          label: 'speakers (real pages, speakers dev)',
          gold: path.join(data, 'attribution/speakers-dev.jsonl'),
          scorer: 'score-speakers.mjs',
          scorerArgs: (g, p) => [g, p, '--json'],
          options: {},
          quickLimit: 8,
          headline: (out) => {
            const s = lastJson(out);
            const n = (k: string) => Number(s[k] ?? 0);
            return {
              speaker_accuracy: n('speakerAccuracy'),
              wrong_person: n('wrongPersonRate'),
              found: n('found'),
              unresolved: n('unresolvedRate'),
              named_anyway: n('namedAnywayRate'),
              via_recall: n('viaRecall'),
            };
          },
        },
      ];
    case 'extraction':
      return [
        {
          task,
          label: 'extraction (article-extraction-benchmark dev)',
          gold: path.join(data, 'extraction/ground-truth-dev.json'),
          scorer: 'score-extraction.mjs',
          scorerArgs: (g, p) => [g, p, '--json', '--n-bootstrap', '0'],
          options: { htmlDir: path.join(data, 'extraction/html') },
          quickLimit: 40,
          headline: (out) => {
            const r = JSON.parse(out) as Array<
              { metrics?: Record<string, number> } & Record<string, unknown>
            >;
            const first = (Array.isArray(r) ? r[0] : Object.values(r)[0]) as Record<string, unknown>;
            const m = (first.metrics ?? first) as Record<string, number>;
            return {
              f1: Number(m.f1 ?? 0),
              precision: Number(m.precision ?? 0),
              recall: Number(m.recall ?? 0),
            };
          },
        },
      ];
  }
}

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
    const res = spawnSync(process.execPath, [scorer, ...run.scorerArgs(gold, predFile)], {
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
