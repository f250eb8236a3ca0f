import path from 'node:path';
import type { EvalRun, Task } from './index.js';

/*
 * The dev splits `newsgraph eval` scores: for each task, its gold files, the shared scorer and its
 * arguments, and the headline figures read from the scorer's output (the *Figures functions).
 */

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

/** The headline figures of score-attributions.mjs (its last JSON line). */
export function attributionFigures(out: string): Record<string, number> {
  const s = lastJson(out);
  return {
    lenient_f1: f1(s.attribution_lenient),
    strict_f1: f1(s.attribution_strict),
    content_partial_f1: f1(s.content_partial_f1),
    cue_exact_f1: f1(s.cue_exact_f1),
    source_given_content_partial_acc: Number(
      (s.full as { linked?: { source_given_content?: { partial?: { accuracy?: number } } } })?.linked
        ?.source_given_content?.partial?.accuracy ?? 0,
    ),
  };
}

function nerFigures(out: string): Record<string, number> {
  const r = JSON.parse(out) as Record<string, { micro: { f1: number } }>;
  const all = r.all ?? Object.values(r)[0];
  return { micro_f1: all.micro.f1, micro_f1_noMISC: r.noMISC?.micro.f1 ?? 0 };
}

/** The events scorer's total F1 of code, exact and root matches. */
function eventTotals(out: string): { code_f1: number; exact_f1: number; root_f1: number } {
  const t = (JSON.parse(out) as { total: Record<string, unknown> }).total;
  return { code_f1: f1(t.code), exact_f1: f1(t.exact), root_f1: f1(t.root) };
}

function cameoFigures(out: string): Record<string, number> {
  const { code_f1, exact_f1, root_f1 } = eventTotals(out);
  return { root_f1, exact_f1, code_f1 };
}

function speakersFigures(out: string): Record<string, number> {
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
}

function extractionFigures(out: string): Record<string, number> {
  const r = JSON.parse(out) as Array<{ metrics?: Record<string, number> } & Record<string, unknown>>;
  const first = (Array.isArray(r) ? r[0] : Object.values(r)[0]) as Record<string, unknown>;
  const m = (first.metrics ?? first) as Record<string, number>;
  return {
    f1: Number(m.f1 ?? 0),
    precision: Number(m.precision ?? 0),
    recall: Number(m.recall ?? 0),
  };
}

/** A run of the events scorer on one GSR dev file, coded in one scheme. */
function eventsRun(
  data: string,
  scheme: 'plover' | 'cameo',
  file: string,
  flags: string[],
  headline: (out: string) => Record<string, number>,
): Omit<EvalRun, 'task'> {
  const name = scheme === 'plover' ? 'PLOVER' : 'PETRARCH';
  // The events model trains on PLOVER GSR dev: this figure is in sample; scripts/events/cv-gsr.ts gives the out-of-sample one.
  const trained = scheme === 'plover' ? ', in the training data: see scripts/events/cv-gsr.ts' : '';
  return {
    label: `events (${name} GSR dev, --scheme ${scheme}${trained})`,
    gold: path.join(data, file),
    scorer: 'score-events.mjs',
    scorerArgs: (g, p) => [g, p, ...flags, '--json'],
    options: { scheme },
    headline,
  };
}

const RUNS_OF: Record<Task, (data: string) => Omit<EvalRun, 'task'>[]> = {
  attribution: (data) => [
    {
      label: 'attribution (PolNeAR dev)',
      gold: path.join(data, 'attribution/polnear-dev.jsonl'),
      scorer: 'score-attributions.mjs',
      scorerArgs: (g, p) => ['--gold', g, '--pred', p, '--quiet'],
      options: {},
      quickLimit: 24,
      headline: attributionFigures,
    },
  ],
  ner: (data) => [
    {
      label: 'ner (CoNLL-2003 dev)',
      gold: path.join(data, 'ner/conll-dev.jsonl'),
      scorer: 'score-ner.mjs',
      scorerArgs: (g, p) => [g, p, '--json'],
      options: {},
      quickLimit: 80,
      headline: nerFigures,
    },
  ],
  events: (data) => [
    eventsRun(data, 'plover', 'events/plover-gsr-dev.jsonl', ['--all'], eventTotals),
    eventsRun(data, 'cameo', 'events/petrarch-dev.jsonl', ['--suite', 'gsr'], cameoFigures),
  ],
  speakers: (data) => [
    {
      label: 'speakers (real pages, speakers dev)',
      gold: path.join(data, 'attribution/speakers-dev.jsonl'),
      scorer: 'score-speakers.mjs',
      scorerArgs: (g, p) => [g, p, '--json'],
      options: {},
      quickLimit: 8,
      headline: speakersFigures,
    },
  ],
  extraction: (data) => [
    {
      label: 'extraction (article-extraction-benchmark dev)',
      gold: path.join(data, 'extraction/ground-truth-dev.json'),
      scorer: 'score-extraction.mjs',
      scorerArgs: (g, p) => [g, p, '--json', '--n-bootstrap', '0'],
      options: { htmlDir: path.join(data, 'extraction/html') },
      quickLimit: 40,
      headline: extractionFigures,
    },
  ],
};

/** The scored runs of a task on the dev data under `data`. */
export function evalRuns(task: Task, data: string): EvalRun[] {
  return RUNS_OF[task](data).map((run) => ({ task, ...run }));
}
