import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  analyzeTarget,
  apiTarget,
  extractorTarget,
  feedTarget,
  fuzzServer,
  type FuzzTarget,
} from './targets.js';

/**
 * Property-based fuzzing of the entry points on every test run: a few thousand generated inputs in
 * seconds. The seed is fixed, so a test run (and CI) is reproducible; `NEWSGRAPH_FUZZ_SEED=random`
 * (or a number) explores others, and `npm run fuzz` runs the same targets far longer. The seed is
 * printed before the run, so an input that hangs a worker (which then never reports) can be replayed.
 */

const FIXED_SEED = 20261204;
const wanted = process.env.NEWSGRAPH_FUZZ_SEED;
const seed = wanted === 'random' ? Date.now() % 2 ** 31 : Number(wanted ?? FIXED_SEED);
console.log(`fuzz seed ${seed} (replay with NEWSGRAPH_FUZZ_SEED=${seed})`);

async function fuzz<T>(target: FuzzTarget<T>): Promise<void> {
  await fc.assert(
    fc.asyncProperty(target.arbitrary, async (input) => {
      await target.check(input);
      // Yield to the event loop between inputs: a test worker blocked for long misses vitest's RPC deadlines.
      await new Promise((resolve) => setImmediate(resolve));
    }),
    { numRuns: target.runs, seed, endOnFailure: true },
  );
}

describe(`fuzz (seed ${seed})`, () => {
  let server: Awaited<ReturnType<typeof fuzzServer>>;
  beforeAll(async () => {
    server = await fuzzServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it(
    'analyze: any text gives a valid analysis whose spans slice the text, or an InputError',
    () => fuzz(analyzeTarget),
    120_000,
  );
  it('HTML extractor: any markup gives text, never an exception', () => fuzz(extractorTarget), 120_000);
  it('feed parser: any document gives entries of strings, or an IngestError', () => fuzz(feedTarget), 60_000);
  it(
    'HTTP API: any request gets a non-5xx answer, every error in the {ok:false} envelope',
    () => fuzz(apiTarget(server.app)),
    60_000,
  );
});
