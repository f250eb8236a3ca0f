import * as chrono from 'chrono-node';
import { z } from 'zod';
import type { Doc, Stage, TimeExpr } from '../model/index.js';
import { textSpan } from '../model/index.js';
import { loadData } from '../util/data.js';

const ExpressionsSchema = z.object({
  prepositions: z.array(z.string()),
  relational: z.array(z.string()),
  parts: z.array(z.string()),
});

let lexicon: { before: RegExp; relational: Set<string>; parts: RegExp } | undefined;
function words() {
  if (!lexicon) {
    const data = loadData('time/expressions.json', ExpressionsSchema);
    const alt = (xs: string[]) =>
      [...xs]
        .sort((a, b) => b.length - a.length)
        .map((x) => x.replace(/ /g, '\\s+'))
        .join('|');
    lexicon = {
      // "<preposition> <part>? " immediately before the date, matched at the end of the preceding text.
      before: new RegExp(`\\b(${alt(data.prepositions)})\\s+(?:(${alt(data.parts)})[\\s-]+)?$`, 'i'),
      relational: new Set(data.relational),
      parts: new RegExp(`\\b(${alt(data.parts)})[\\s-]+$`, 'i'),
    };
  }
  return lexicon;
}

const YEAR = /\b(1[6-9]\d{2}|20\d{2})\b(?!\s*(?:[-–]|\p{L}))/gu;
const pad = (n: number) => String(n).padStart(2, '0');

/*
 * chrono is the costly part, so it only sees passages with a word that can start a date: month and
 * weekday names, relative day words, "ago", digits with a slash or colon. Everything else is skipped.
 * ("now" alone is left out on purpose: in news prose it is almost never a date.)
 */
const DATE_CUE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|ago|last|next|this|week|month|year|noon|midnight|morning|evening|afternoon|night|day|hour|minute|min|[ap]\.m)|\d[/:]\d|\d{4}-\d\d|\d{1,2}(?:st|nd|rd|th)\b/i;

const FUTURE_CUE =
  /\b(?:will|shall|'ll|’ll|next|scheduled|due|plans?|planned|expected|to be|going to|set to)\b[^.;]*$/i;
const ANCHORED_ELSEWHERE = /\b(?:after|before|later|earlier|prior)$/i;

/**
 * The ISO-like value of a date: what the text states, completed from the publication date when there is
 * one. Without one, what only the publication date could tell stays unknown: `XXXX-04` for "in April",
 * `XXXX-WXX-6` for "on Saturday", `XXXX-XX-XX` for "yesterday".
 */
function normalise(
  c: chrono.ParsedComponents,
  granularity: TimeExpr['granularity'],
  unanchored: boolean,
  derived: boolean,
  shiftDays = 0,
): string {
  const d = c.date();
  if (unanchored && derived)
    return granularity === 'year' ? 'XXXX' : granularity === 'month' ? 'XXXX-XX' : 'XXXX-XX-XX';
  if (unanchored) {
    const year = c.isCertain('year') && !c.isCertain('weekday') ? String(c.get('year')) : 'XXXX';
    if (granularity === 'year') return year;
    if (c.isCertain('month')) {
      const month = pad(c.get('month') ?? 1);
      if (granularity === 'month') return `${year}-${month}`;
      if (c.isCertain('day')) return `${year}-${month}-${pad(c.get('day') ?? 1)}`;
    }
    if (c.isCertain('weekday') && !c.isCertain('day'))
      return `XXXX-WXX-${(c.get('weekday') ?? 0) === 0 ? 7 : c.get('weekday')}`;
    return granularity === 'month' ? 'XXXX-XX' : 'XXXX-XX-XX';
  }
  if (shiftDays) {
    const s = new Date(
      Date.UTC(
        c.get('year') ?? d.getUTCFullYear(),
        (c.get('month') ?? 1) - 1,
        (c.get('day') ?? 1) + shiftDays,
      ),
    );
    return `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}`;
  }
  const year = String(c.get('year') ?? d.getUTCFullYear());
  const month = pad(c.get('month') ?? d.getUTCMonth() + 1);
  const day = pad(c.get('day') ?? d.getUTCDate());
  if (granularity === 'year') return year;
  if (granularity === 'month') return `${year}-${month}`;
  const date = `${year}-${month}-${day}`;
  return granularity === 'time' ? `${date}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}` : date;
}

/** Finds date expressions and normalises them against the publication date (meta.published). */
export function findTimes(
  text: string,
  published?: string,
  passages?: ReadonlyArray<{ start: number; end: number }>,
): TimeExpr[] {
  const ref = published ? new Date(`${published.slice(0, 10)}T12:00:00Z`) : undefined;
  const found: Array<Omit<TimeExpr, 'id'>> = [];
  const results: Array<{ index: number; text: string; start: chrono.ParsedComponents; tags: Set<string> }> =
    [];
  const refDate = ref ?? new Date(Date.UTC(2000, 0, 1, 12));
  for (const p of passages ?? [{ start: 0, end: text.length }]) {
    const passage = text.slice(p.start, p.end);
    if (!DATE_CUE.test(passage)) continue;
    for (const r of chrono.parse(passage, refDate, { forwardDate: false })) {
      results.push({ index: r.index + p.start, text: r.text, start: r.start, tags: r.tags() });
    }
  }
  for (const r of results) {
    const raw = r.text.replace(/[\s,.;:]+$/, '');
    if (!raw || raw.includes('\n')) continue;
    // "five years after", "two days later" count from another event, not from the publication date.
    if (ANCHORED_ELSEWHERE.test(raw)) continue;
    const c = r.start;
    const tags = r.tags;
    // Relative expressions ("yesterday", "last week") have every component derived from the reference date.
    const derived = [...tags].some(
      (t) => t.startsWith('result/relativeDate') || t.startsWith('casualReference'),
    );
    const relative = derived || !c.isCertain('year');
    const start = r.index;
    let shiftDays = 0;
    if (
      ref &&
      c.isCertain('weekday') &&
      !c.isCertain('day') &&
      !derived &&
      c.date() > ref &&
      !FUTURE_CUE.test(text.slice(Math.max(0, start - 60), start))
    ) {
      // News reports the past: a bare weekday after the publication date is last week's, unless the clause is future.
      shiftDays = -7;
    }
    const granularity: TimeExpr['granularity'] = c.isCertain('hour')
      ? 'time'
      : c.isCertain('day') || c.isCertain('weekday')
        ? 'day'
        : c.isCertain('month')
          ? 'month'
          : 'year';
    found.push(
      extend(
        text,
        r.index,
        r.index + raw.length,
        normalise(c, granularity, relative && !ref, derived, shiftDays),
        granularity,
        relative,
      ),
    );
  }
  YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (found.some((f) => f.start <= s && e <= f.end)) continue;
    // A bare number is a year only after a preposition ("since 2014", "in 2019").
    if (!words().before.test(text.slice(Math.max(0, s - 40), s))) continue;
    found.push(extend(text, s, e, m[0], 'year', false));
  }
  found.sort((a, b) => a.start - b.start);
  return found.map((f, i) => ({ id: `t${i + 1}`, ...f }));
}

function extend(
  text: string,
  start: number,
  end: number,
  value: string,
  granularity: TimeExpr['granularity'],
  relative: boolean,
): Omit<TimeExpr, 'id'> {
  const { before, relational, parts } = words();
  const window = text.slice(Math.max(0, start - 40), start);
  let modifier: string | undefined;
  let s = start;
  const m = before.exec(window);
  if (m) {
    s = start - m[0].length;
    const prep = m[1].toLowerCase().replace(/\s+/g, ' ');
    modifier = m[2] ? m[2].toLowerCase() : relational.has(prep) ? prep : undefined;
  } else {
    const p = parts.exec(window);
    if (p) {
      s = start - p[0].length;
      modifier = p[1].toLowerCase();
    }
  }
  return { ...textSpan(text, s, end), value, granularity, relative, ...(modifier ? { modifier } : {}) };
}

/** Times stage: dates and periods, resolved against the publication date. */
export const timesStage: Stage = {
  name: 'times',
  requires: ['sentences'],
  provides: ['times'],
  run(doc: Doc) {
    return { times: findTimes(doc.text, doc.meta.published, doc.sentences) };
  },
};
