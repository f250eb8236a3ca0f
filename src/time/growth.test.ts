import { describe, it } from 'vitest';
import { expectTenfoldTimes } from '../util/__fixtures__/growth.js';
import { findTimes } from './index.js';

/** Milliseconds to find the dates of `text`, given as one sentence (as a feed without full stops is). */
function timed(text: string): number {
  const t0 = performance.now();
  findTimes(text, '2025-04-03', [{ start: 0, end: text.length }]);
  return performance.now() - t0;
}

/**
 * Hostile text: one endless sentence full of dates. Each case is timed at n and 10n repeats and
 * must grow well below the square (10× the text in under 30× the time; a floor keeps tiny timings
 * from deciding), which a busy machine does not break the way a wall-clock limit would.
 */
describe('times: growth on one long sentence full of dates', () => {
  const cases: Array<[string, string]> = [
    ['weekdays, years and relative dates', 'on Monday in 2025 last week '],
    ['dates anchored on the one before', 'in 2016, and the next year '],
    ['tense cues and clause boundaries', 'he said it was done in April and will be held on Monday; '],
  ];
  for (const [name, unit] of cases) {
    it(`${name}: 10× the text in under 30× the time`, () => {
      timed(unit.repeat(50)); // warm-up: chrono and the word lists load, code compiles
      expectTenfoldTimes(timed(unit.repeat(400)), timed(unit.repeat(4000)), 50);
    }, 120_000);
  }
});
