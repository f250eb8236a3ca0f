import { describe, expect, it } from 'vitest';
import { findTimes } from './index.js';

describe('findTimes', () => {
  const text = 'The war has gone on since 2014. In early April, Rubio spoke. On March 3, 2025 they met.';
  it('normalises against the publication date and keeps the preposition in the span', () => {
    const times = findTimes(text, '2025-05-10');
    expect(times.map((t) => [t.text, t.value, t.granularity])).toEqual([
      ['since 2014', '2014', 'year'],
      ['In early April', '2025-04', 'month'],
      ['On March 3, 2025', '2025-03-03', 'day'],
    ]);
    for (const t of times) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(times[1].modifier).toBe('early');
    expect(times[0].modifier).toBe('since');
  });
  it('leaves the year unknown without a publication date', () => {
    const t = findTimes(text).find((x) => x.text.includes('April'));
    expect(t?.value).toBe('XXXX-04');
    expect(t?.relative).toBe(true);
  });
  it('does not read bare numbers as years', () => {
    expect(findTimes('He won 2014 votes and 1999 seats.', '2020-01-01')).toEqual([]);
  });
});

describe('findTimes without a publication date', () => {
  it('keeps what only the publication date could tell unknown', () => {
    const text = 'On Saturday he left. Yesterday she came. On March 3, 2025 they met.';
    expect(findTimes(text).map((t) => [t.text, t.value, t.relative])).toEqual([
      ['On Saturday', 'XXXX-WXX-6', true],
      ['Yesterday', 'XXXX-XX-XX', true],
      ['On March 3, 2025', '2025-03-03', false],
    ]);
  });
  it('resolves weekdays and relative days against the publication date', () => {
    const times = findTimes('On Saturday he left. Yesterday she came.', '2025-04-23');
    expect(times.map((t) => t.value)).toEqual(['2025-04-19', '2025-04-22']);
  });
  it('skips durations counted from another event', () => {
    expect(
      findTimes('Five years after the war they met again; two days later he left.', '2025-04-23'),
    ).toEqual([]);
  });
});

describe('weekdays in future clauses', () => {
  it('keeps the coming weekday when the clause speaks of the future', () => {
    expect(findTimes('The ministers will meet on Saturday.', '2025-04-23').map((t) => t.value)).toEqual([
      '2025-04-26',
    ]);
  });
});
