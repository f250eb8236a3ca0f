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
 * seconds, from a seed that changes each run (printed on failure, with the shrunk input, to replay).
 * `npm run fuzz` runs the same targets far longer and reports timings.
 */

const seed = Number(process.env.NEWSGRAPH_FUZZ_SEED ?? Date.now() % 2 ** 31);

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
