/**
 * Runs fuzz targets' test-suite batches in a process of their own (fuzz.test.ts starts it with a
 * deadline): an input that loops forever then gets this process killed, not a test worker. Each
 * input is written to CURRENT_FILE before it runs, so the test can name the input that hung.
 *
 *   node --import tsx test/fuzz/run-targets.ts SEED CURRENT_FILE analyze extractor feed api
 *
 * Prints one JSON line per target as it finishes: {"target", "ok"} and, on a failure, fast-check's
 * report (seed, path, counterexample) as "error". `endless`, a target that never ends, checks the
 * harness; it loads nothing else, so it starts at once.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FuzzTarget } from './targets.js';

const [seedText, currentFile, ...names] = process.argv.slice(2);
const seed = Number(seedText);
if (!Number.isInteger(seed) || !currentFile || names.length === 0) {
  process.stderr.write('usage: run-targets.ts SEED CURRENT_FILE TARGET…\n');
  process.exit(2);
}

/**
 * A target whose check never returns once an input is longer than three characters: it blocks as an
 * endless loop does (the event loop never runs again), without spending the CPU.
 */
const endlessTarget: FuzzTarget<string> = {
  name: 'endless',
  runs: 100,
  arbitrary: fc.string({ minLength: 1, maxLength: 20 }),
  size: (s) => s.length,
  check(s) {
    if (s.length > 3) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
};

async function fuzz<T>(target: FuzzTarget<T>, name: string): Promise<void> {
  await fc.assert(
    fc.asyncProperty(target.arbitrary, async (input) => {
      writeFileSync(currentFile!, JSON.stringify({ target: name, seed, input }));
      await target.check(input);
    }),
    { numRuns: target.runs, seed, endOnFailure: true },
  );
}

/** Runs one named target (the API target against a server of its own). */
async function runTarget(name: string): Promise<void> {
  if (name === 'endless') return fuzz(endlessTarget, name);
  const targets = await import('./targets.js');
  if (name === 'api') {
    const server = await targets.fuzzServer();
    try {
      return await fuzz(targets.apiTarget(server.app), name);
    } finally {
      await server.close();
    }
  }
  const byName: Record<string, FuzzTarget<unknown> | undefined> = {
    analyze: targets.analyzeTarget as FuzzTarget<unknown>,
    extractor: targets.extractorTarget as FuzzTarget<unknown>,
    feed: targets.feedTarget as FuzzTarget<unknown>,
  };
  const target = byName[name];
  if (!target) throw new Error(`no fuzz target "${name}"`);
  return fuzz(target, name);
}

for (const name of names) {
  try {
    await runTarget(name);
    process.stdout.write(`${JSON.stringify({ target: name, ok: true })}\n`);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    process.stdout.write(`${JSON.stringify({ target: name, ok: false, error })}\n`);
  }
}
