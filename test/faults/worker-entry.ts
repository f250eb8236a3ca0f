/** Runs `newsgraph worker …` from source for the fault tests (the lead wires the same command into the CLI). */
import { Command } from 'commander';
import { registerWorker } from '../../src/cli/commands/worker.js';

const program = new Command().name('newsgraph').exitOverride();
registerWorker(program);
try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`newsgraph: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
