import { execFile } from 'node:child_process';
import { PROJECT_ROOT } from '../data.js';

/** Output of a child run; `timedOut` when it was killed at its deadline. */
export interface ChildRun {
  code: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * Runs Node (with tsx, from the project root) on `args` in a child process, killed after
 * `timeoutMs`. A test worker cannot stop a synchronous endless loop of its own (vitest's timeouts
 * never fire while the loop runs), so code that might loop forever on an input runs here: a hang
 * becomes a failure the test can report. Resolves in every case; the caller judges the run.
 */
export function runInChild(args: readonly string[], timeoutMs: number): Promise<ChildRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', ...args],
      { cwd: PROJECT_ROOT, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const failed = err as (Error & { code?: number | string; killed?: boolean }) | null;
        resolve({
          code: typeof failed?.code === 'number' ? failed.code : failed ? 1 : 0,
          stdout,
          stderr,
          timedOut: failed?.killed === true,
        });
      },
    );
  });
}
