import { expect } from 'vitest';

/**
 * The growth check that stands in for wall-clock limits in tests: `run` is timed at size `n` and at
 * ten times `n`, and the larger may cost at most 30 times the smaller (quadratic work costs about
 * 100). A busy machine slows both runs alike, so the check holds where an absolute limit fails; a
 * floor keeps a tiny small-size timing (noise, a timer's grain) from deciding. Returns the larger
 * run's result for the test's other assertions. Async runs are awaited.
 */
export function expectLinearGrowth<T>(
  run: (n: number) => T | Promise<T>,
  n: number,
  floorMs = 20,
): Promise<T> {
  return expectTenfoldGrowth(
    () => run(n),
    () => run(10 * n),
    floorMs,
  );
}

/** The same check over two prepared runs: `large` works on ten times the input of `small`. */
export async function expectTenfoldGrowth<T>(
  small: () => T | Promise<T>,
  large: () => T | Promise<T>,
  floorMs = 20,
): Promise<T> {
  const t0 = performance.now();
  await small();
  const t1 = performance.now();
  const result = await large();
  const t2 = performance.now();
  expectTenfoldTimes(t1 - t0, t2 - t1, floorMs);
  return result;
}

/**
 * The check alone, over timings the test measured itself (one stage of a pipeline, a child
 * process): `largeMs` was spent on ten times the input of `smallMs`.
 */
export function expectTenfoldTimes(smallMs: number, largeMs: number, floorMs = 20): void {
  expect(
    largeMs,
    `10× the input took ${largeMs.toFixed(0)} ms against ${smallMs.toFixed(0)} ms`,
  ).toBeLessThan(30 * Math.max(smallMs, floorMs));
}
