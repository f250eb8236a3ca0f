import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

/**
 * Runs the CLI from source in a child process without blocking the test worker: a synchronous
 * spawn holds the worker's event loop, and on a loaded machine vitest's RPC deadline then fails the run.
 */
export function runCli(args: string[], input?: string): Promise<CliResult> {
  return runNode(['--import', 'tsx', path.join(root, 'src/cli/run.ts'), ...args], { input });
}

/** Runs `node args…` in the project root, as runCli does, with extra environment variables. */
export function runNode(
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return runCommand(process.execPath, args, options);
}

/** Runs an executable (a script with its `#!` line) in the project root, as runNode runs node. */
export function runCommand(
  file: string,
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const { input, env = {} } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (d: Buffer) => out.push(d));
    child.stderr!.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, out: Buffer.concat(out).toString('utf8'), err: Buffer.concat(err).toString('utf8') }),
    );
    if (input !== undefined) child.stdin!.end(input);
  });
}
