import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInChild, type ChildRun } from '../../src/util/__fixtures__/child.js';

/**
 * Property-based fuzzing of the entry points on every test run: a few thousand generated inputs in
 * seconds. The seed is fixed, so a test run (and CI) is reproducible; `NEWSGRAPH_FUZZ_SEED=random`
 * (or a number) explores others, and `npm run fuzz` runs the same targets far longer.
 * The targets run in one child process with a deadline (run-targets.ts): an input that loops
 * forever fails the test with the seed and the input, instead of hanging a worker.
 */

const FIXED_SEED = 20261204;
const wanted = process.env.NEWSGRAPH_FUZZ_SEED;
const seed = wanted === 'random' ? Date.now() % 2 ** 31 : Number(wanted ?? FIXED_SEED);
console.log(`fuzz seed ${seed} (replay with NEWSGRAPH_FUZZ_SEED=${seed})`);

const RUNNER = path.join('test', 'fuzz', 'run-targets.ts');
const TARGETS = ['analyze', 'extractor', 'feed', 'api'];
/** For the whole batch: it takes ~10 s on a quiet machine and ~40 s on a busy one. */
const BATCH_DEADLINE_MS = 240_000;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Outcome {
  target: string;
  ok: boolean;
  error?: string;
}

/** Runs `targets` in a child killed after `deadlineMs`; the input file names what it was running. */
function runBatch(
  targets: readonly string[],
  deadlineMs: number,
): { run: Promise<ChildRun>; current: string } {
  const current = path.join(scratch, `${targets.join('-')}.json`);
  return { run: runInChild([RUNNER, String(seed), current, ...targets], deadlineMs), current };
}

/** Throws when `target` failed, or never finished because the batch hung or crashed. */
async function expectPassed(batch: ReturnType<typeof runBatch>, target: string, deadlineMs: number) {
  const run = await batch.run;
  const outcomes = run.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Outcome);
  const outcome = outcomes.find((o) => o.target === target);
  if (outcome?.ok) return;
  if (outcome) throw new Error(`fuzz target ${target} failed (seed ${seed}):\n${outcome.error}`);
  if (!run.timedOut) throw new Error(`fuzz batch ended before ${target} (seed ${seed}):\n${run.stderr}`);
  let input = '(none recorded)';
  try {
    input = readFileSync(batch.current, 'utf8').slice(0, 2000);
  } catch {
    /* killed before its first input */
  }
  throw new Error(
    `fuzz batch did not end within ${deadlineMs / 1000} s (seed ${seed}), so ${target} did not finish; ` +
      `the input it was running: ${input}`,
  );
}

describe(`fuzz (seed ${seed})`, () => {
  let batch: ReturnType<typeof runBatch> | undefined;
  const passes = (target: string) => () =>
    expectPassed((batch ??= runBatch(TARGETS, BATCH_DEADLINE_MS)), target, BATCH_DEADLINE_MS);
  const budget = BATCH_DEADLINE_MS + 20_000;

  it(
    'analyze: any text gives a valid analysis whose spans slice the text, or an InputError',
    passes('analyze'),
    budget,
  );
  it('HTML extractor: any markup gives text, never an exception', passes('extractor'), budget);
  it('feed parser: any document gives entries of strings, or an IngestError', passes('feed'), budget);
  it(
    'HTTP API: any request gets a non-5xx answer, every error in the {ok:false} envelope',
    passes('api'),
    budget,
  );

  it('a target that never ends fails with its seed and the input it hung on, and does not hang', async () => {
    const endless = runBatch(['endless'], 8_000);
    const failure = expectPassed(endless, 'endless', 8_000);
    await expect(failure).rejects.toThrow(`fuzz batch did not end within 8 s (seed ${seed})`);
    await expect(failure).rejects.toThrow(/"target":"endless","seed":\d+,"input":".{4,}"/);
  }, 30_000);
});
