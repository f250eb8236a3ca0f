/**
 * Which occurrence a date without its year (or week) means, given the publication day and the
 * direction the text points: the one before ("was evicted in April", "last February"), the one after
 * ("will vote in April", "next February"), else the nearest. A weekday without a direction is the
 * past one: news reports what happened.
 */
import type { Direction } from './tense.js';

/** A day as year, month (1–12), day. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const utc = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d);
const DAY = 86_400_000;

/** How a direction was given: by a word right before the date ("last"), or by the clause's tense. */
export type Pointing = { direction: Direction; strict: boolean } | undefined;

/**
 * The year of a month (and day, when given) the text names without a year. With `strict`
 * ("last November" in November) the publication month itself does not count.
 */
export function yearOf(month: number, day: number | undefined, ref: Ymd, pointing: Pointing): number {
  const refT = utc(ref.year, ref.month, ref.day);
  const years = [ref.year - 1, ref.year, ref.year + 1];
  // The period a candidate covers: one day, or the whole month.
  const span = (y: number): [number, number] =>
    day !== undefined
      ? [utc(y, month, day), utc(y, month, day)]
      : [utc(y, month, 1), utc(y, month + 1, 1) - DAY];
  if (pointing?.direction === 'past') {
    const ok = years.filter((y) =>
      pointing.strict ? span(y)[1] < refT && !(day === undefined && sameMonth(y)) : span(y)[0] <= refT,
    );
    return ok.length ? ok[ok.length - 1] : ref.year - 1;
  }
  if (pointing?.direction === 'future') {
    const ok = years.filter((y) =>
      pointing.strict ? span(y)[0] > refT && !(day === undefined && sameMonth(y)) : span(y)[1] >= refT,
    );
    return ok.length ? ok[0] : ref.year + 1;
  }
  let best = ref.year;
  let bestGap = Infinity;
  for (const y of years) {
    const [a, b] = span(y);
    const gap = refT < a ? a - refT : refT > b ? refT - b : 0;
    if (gap < bestGap) [best, bestGap] = [y, gap];
  }
  return best;

  function sameMonth(y: number): boolean {
    return y === ref.year && month === ref.month;
  }
}

/** The day of a weekday (0 = Sunday) the text names without a date. */
export function weekdayOf(weekday: number, ref: Ymd, pointing: Pointing): Ymd {
  const refT = utc(ref.year, ref.month, ref.day);
  const refWeekday = new Date(refT).getUTCDay();
  const back = (refWeekday - weekday + 7) % 7;
  const forward = (weekday - refWeekday + 7) % 7;
  let offset: number;
  if (pointing?.direction === 'future') offset = pointing.strict ? forward || 7 : forward;
  else offset = -(pointing?.strict ? back || 7 : back);
  const d = new Date(refT + offset * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
