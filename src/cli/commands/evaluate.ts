import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import {
  SELF_SCORED_TASKS,
  TASKS,
  evalRuns,
  predict,
  runEval,
  runSelfScored,
  sharedRoot,
} from '../../eval/index.js';
import type { EvalResult, SelfScoredTask, Task } from '../../eval/index.js';
import { UsageError } from '../errors.js';

function parseTask(task: string, allowAll: boolean): Task[] {
  if (allowAll && task === 'all') return [...TASKS];
  if ((TASKS as readonly string[]).includes(task)) return [task as Task];
  throw new UsageError(`unknown task "${task}": expected ${TASKS.join(', ')}${allowAll ? ' or all' : ''}`);
}

export function registerPredict(program: Command): void {
  program
    .command('predict')
    .description("write predictions for a gold file's inputs in the format of the matching shared scorer")
    .argument('<task>', TASKS.join('|'))
    .argument('<gold-file>', 'a gold file in the format of ../shared/data (only its inputs are read)')
    .option('--html-dir <dir>', 'directory of <id>.html.gz pages (extraction)')
    .option('--scheme <scheme>', 'event coding scheme: cameo or plover', undefined)
    .option('--limit <n>', 'only the first n records', (v) => Number.parseInt(v, 10))
    .option('--actors <file...>', 'extra PETRARCH/Phoenix actor dictionaries (optional knowledge)')
    .option('--verbs <file>', 'extra CAMEO.2.0-style verb dictionary (optional knowledge)')
    .action(
      async (
        taskName: string,
        goldFile: string,
        flags: { htmlDir?: string; scheme?: string; limit?: number; actors?: string[]; verbs?: string },
      ) => {
        const [task] = parseTask(taskName, false);
        if (flags.scheme !== undefined && flags.scheme !== 'cameo' && flags.scheme !== 'plover') {
          throw new UsageError(`--scheme must be cameo or plover, not "${flags.scheme}"`);
        }
        if (task === 'extraction' && !flags.htmlDir)
          throw new UsageError('predict extraction needs --html-dir DIR');
        const scheme =
          (flags.scheme as 'cameo' | 'plover' | undefined) ??
          (task === 'events' && /plover|plv/i.test(goldFile) ? 'plover' : 'cameo');
        for (const f of [...(flags.actors ?? []), ...(flags.verbs ? [flags.verbs] : [])]) {
          if (!existsSync(f)) throw new UsageError(`dictionary not found: ${f}`);
        }
        await predict(
          task,
          goldFile,
          { htmlDir: flags.htmlDir, scheme, limit: flags.limit, actors: flags.actors, verbs: flags.verbs },
          process.stdout,
        );
      },
    );
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description(
      "run predict on the dev split under ../shared/data (or --data DIR) and print the shared scorer's summary",
    )
    .argument('<task>', `${[...TASKS, ...SELF_SCORED_TASKS].join('|')}|all`)
    .option('--data <dir>', 'the shared data directory (default ../shared/data beside the project)')
    .option('--quick', 'score a prefix of each dev split (for npm run eval)')
    .option('--json', 'print the figures as JSON')
    .option('--report', "print the scorer's full report too")
    .action(
      async (
        taskName: string,
        flags: { data?: string; quick?: boolean; json?: boolean; report?: boolean },
      ) => {
        const selfScored = (SELF_SCORED_TASKS as readonly string[]).includes(taskName)
          ? [taskName as SelfScoredTask]
          : taskName === 'all'
            ? [...SELF_SCORED_TASKS]
            : [];
        const tasks = selfScored.length && taskName !== 'all' ? [] : parseTask(taskName, true);
        const { data, tools } = sharedRoot(flags.data);
        const results: EvalResult[] = [];
        const print = (r: EvalResult) => {
          results.push(r);
          if (flags.json) return;
          const figs = Object.entries(r.figures)
            .map(([k, v]) => `${k}=${v.toFixed(3)}`)
            .join('  ');
          process.stdout.write(
            `${r.label}${flags.quick ? ' [quick]' : ''}: ${figs}  (${r.records} lines in ${r.seconds.toFixed(1)} s)\n`,
          );
          if (flags.report) process.stdout.write(r.report + '\n');
        };
        for (const task of tasks)
          for (const run of evalRuns(task, data)) print(await runEval(run, tools, Boolean(flags.quick)));
        for (const task of selfScored) print(await runSelfScored(task, data, Boolean(flags.quick)));
        if (flags.json)
          process.stdout.write(
            JSON.stringify(
              results.map(({ report: _r, ...rest }) => rest),
              null,
              2,
            ) + '\n',
          );
      },
    );
}
