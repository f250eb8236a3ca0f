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
      for (const s of spans) {
        const earlier = [...found, ...out]
          .filter((f) => f.end <= s.start && !/X/.test(f.value))
          .sort((a, b) => b.end - a.end)
          .find((f) => precision(f.value) >= precision(s.unit));
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
      }
      return out;
    },
  };
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
