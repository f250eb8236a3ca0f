import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findTimes } from './index.js';

/**
 * Relative dates with tense: sentences written for this test (`__fixtures__/relative-dates.json`, by
 * group), each with its publication date (or none) and every time expression expected, as [text,
 * value]. The default publication date is Wednesday 20 November 2019.
 */
type Case = [sentence: string, expected: Array<[string, string]>, published?: string | null];
const Expected = z.array(z.tuple([z.string(), z.string()]));
const CaseSchema = z
  .union([z.tuple([z.string(), Expected]), z.tuple([z.string(), Expected, z.string().nullable()])])
  .transform((c): Case => c);
const ALL = z
  .object({ groups: z.record(z.string(), z.array(CaseSchema)) })
  .parse(
    JSON.parse(readFileSync(new URL('__fixtures__/relative-dates.json', import.meta.url), 'utf8')),
  ).groups;

describe('relative dates with tense', () => {
  it('has at least 60 sentences', () => {
    expect(Object.values(ALL).flat().length).toBeGreaterThanOrEqual(60);
  });
  for (const [group, cases] of Object.entries(ALL)) {
    describe(group, () => {
      it.each(cases)('%s', (sentence, expected, published) => {
        const times = findTimes(sentence, published === null ? undefined : (published ?? '2019-11-20'));
        expect(times.map((t) => [t.text, t.value])).toEqual(expected);
        for (const t of times) expect(sentence.slice(t.start, t.end)).toBe(t.text);
      });
    });
  }

  it('says what a relative date counts from', () => {
    const [anchored, next] = findTimes('In 2016 he won, and the next year he lost.');
    expect(anchored.anchor).toBeUndefined();
    expect(next.anchor).toBe('text');
    expect(findTimes('She was evicted in April.')[0].anchor).toBe('none');
    expect(findTimes('She was evicted in April.', '2019-11-20')[0].anchor).toBe('publication');
  });
});
