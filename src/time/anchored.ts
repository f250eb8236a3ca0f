/**
 * Expressions counted from a date the text mentioned before them, not from the publication date:
 * "in 2016 … the next year" is 2017, "on March 3 … the following day" is March 4 (data/time/
 * expressions.json, `anchored`). Without an earlier date of that kind they are left out rather
 * than guessed.
 */
import type { TimeExpr } from '../model/index.js';
import { textSpan } from '../model/index.js';
import { normWord, timeLexicon } from './lexicon.js';

type Found = Omit<TimeExpr, 'id'>;

export interface Anchored {
  /** Where anchored phrases are: chrono's reading of them (relative to publication) is dropped. */
  spans: Array<{ start: number; end: number; unit: 'year' | 'month' | 'day'; shift: number }>;
  /** The anchored expressions, resolved against the dates found before each. */
  resolve(found: readonly Found[]): Found[];
}

export function anchoredTimes(text: string): Anchored {
  const lex = timeLexicon();
  const spans: Anchored['spans'] = [];
  lex.anchored.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = lex.anchored.exec(text)) !== null) {
    const phrase = lex.anchoredBy.get(normWord(m[1]));
    if (phrase) spans.push({ start: m.index, end: m.index + m[0].length, ...phrase });
  }
  return {
    spans,
    resolve(found) {
      const out: Found[] = [];
      const latest = new LatestDates(found);
      for (const s of spans) {
        const earlier = latest.before(s.start, precision(s.unit));
        if (!earlier) continue;
        const value = shifted(earlier.value, s.unit, s.shift);
        if (!value) continue;
        out.push({
          ...textSpan(text, s.start, s.end),
          value,
          granularity: s.unit,
          relative: true,
          anchor: 'text',
        });
        latest.add(out[out.length - 1]);
      }
      return out;
    },
  };
}

/**
 * The latest-ending stated date before a point, of at least a given precision (an earlier one on a
 * tie), kept as the anchored phrases are visited in text order: searching every date again for each
 * phrase made text full of "the next year" quadratic. Dates with an unknown part (`XXXX-04`) anchor nothing.
 */
class LatestDates {
  private readonly pending: Array<{ date: Found; order: number }>;
  private next = 0;
  private added: number;
  /** The best date so far at each precision (1 year, 2 month, 3 day). */
  private readonly best: Array<{ date: Found; order: number } | undefined> = [
    undefined,
    undefined,
    undefined,
  ];

  constructor(found: readonly Found[]) {
    this.pending = found
      .map((date, order) => ({ date, order }))
      .sort((a, b) => a.date.end - b.date.end || a.order - b.order);
    this.added = found.length;
  }

  /** Adds a date resolved on the way; it ends before every phrase still to come. */
  add(date: Found): void {
    this.offer({ date, order: this.added++ });
  }

  before(at: number, minPrecision: number): Found | undefined {
    while (this.next < this.pending.length && this.pending[this.next].date.end <= at)
      this.offer(this.pending[this.next++]);
    let pick: { date: Found; order: number } | undefined;
    for (let p = minPrecision; p <= 3; p++) {
      const c = this.best[p - 1];
      if (
        c &&
        (!pick || c.date.end > pick.date.end || (c.date.end === pick.date.end && c.order < pick.order))
      )
        pick = c;
    }
    return pick?.date;
  }

  private offer(c: { date: Found; order: number }): void {
    if (/X/.test(c.date.value)) return;
    const p = precision(c.date.value);
    const b = this.best[p - 1];
    if (!b || c.date.end > b.date.end || (c.date.end === b.date.end && c.order < b.order))
      this.best[p - 1] = c;
  }
}

const precision = (v: string | 'year' | 'month' | 'day'): number =>
  v === 'year' ? 1 : v === 'month' ? 2 : v === 'day' ? 3 : v.length >= 10 ? 3 : v.length >= 7 ? 2 : 1;

/** `value` cut to `unit` and moved by `shift` units ("2016" +1 year → "2017"). */
function shifted(value: string, unit: 'year' | 'month' | 'day', shift: number): string | undefined {
  const y = Number(value.slice(0, 4));
  if (!Number.isFinite(y)) return undefined;
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (unit === 'year') return String(y + shift);
  const m = Number(value.slice(5, 7));
  if (unit === 'month') {
    const d = new Date(Date.UTC(y, m - 1 + shift, 1));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  }
  const d = new Date(Date.UTC(y, m - 1, Number(value.slice(8, 10)) + shift));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
