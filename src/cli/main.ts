import { Command, CommanderError } from 'commander';
import { InputError } from '../model/input.js';
import { UsageError } from './errors.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerEval, registerPredict } from './commands/evaluate.js';
import { registerIngest } from './commands/ingest.js';
import { registerServe } from './commands/serve.js';
import { registerStats } from './commands/stats.js';
import { registerExport } from './commands/export.js';
import { registerWorker } from './commands/worker.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('newsgraph')
    .description(
      'who said what, according to whom, and who did what to whom — traced to the characters of the article',
    )
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerAnalyze(program);
  registerIngest(program);
  registerServe(program);
  registerStats(program);
  registerExport(program);
  registerWorker(program);
  registerPredict(program);
  registerEval(program);
  return program;
}

/** Runs the CLI; every failure ends as one line on stderr and a non-zero exit code, never a stack trace. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    const usage = err instanceof UsageError;
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`newsgraph: ${message}\n`);
    if (process.env.NEWSGRAPH_DEBUG && err instanceof Error && !(err instanceof InputError))
      process.stderr.write(`${err.stack}\n`);
    process.exitCode = usage ? 2 : 1;
  }
}
