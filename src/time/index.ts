/**
 * times: dates and periods in the text, resolved against the publication date. chrono finds them;
 * this stage decides what they mean in news prose: which April a "was evicted in April" is (tense,
 * `tense.ts`; occurrence, `resolve.ts`), that "the next year" counts from the year just mentioned
 * (`anchored.ts`), that "USA TODAY" and a "protest march" are not dates (`names.ts`), and that no
 * time of day is invented. Without a publication date, what only it could tell stays unknown
 * (`XXXX-04`) and the expression says it is unanchored.
 */
import * as chrono from 'chrono-node';
import type { Doc, Message, Stage, TimeExpr } from '../model/index.js';
import { textSpan } from '../model/index.js';
import { anchoredTimes } from './anchored.js';
import { normWord, timeLexicon } from './lexicon.js';
import { notADate } from './names.js';
import { weekdayOf, yearOf, type Pointing, type Ymd } from './resolve.js';
import { countStartingBefore, overlapsAny } from '../util/sorted-spans.js';
import { sentenceTense, type Direction } from './tense.js';

const YEAR = /\b(1[6-9]\d{2}|20\d{2})\b(?!\s*[-–]\s*\d)/gu;
const pad = (n: number): string => String(n).padStart(2, '0');

/*
 * chrono is the costly part, so it only sees passages with a word that can start a date: month and
 * weekday names, relative day words, "ago", digits with a slash or colon. Everything else is skipped.
 */
const DATE_CUE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|ago|last|next|this|week|month|year|noon|midnight|morning|evening|afternoon|night|day|hour|minute|min|[ap]\.m)|\d[/:]\d|\d{4}-\d\d|\d{1,2}(?:st|nd|rd|th)\b/i;
const ANCHORED_ELSEWHERE = /\b(?:after|before|later|earlier|prior)$/i;
/** A time of day the text itself states ("10:30 p.m.", "9 a.m.", "noon"). */
const CLOCK = /\d[:.]\d\d|\d\s*[ap]\.?\s?m\b|\bnoon\b|\bmidnight\b|\d\s*h\s*\d\d/i;

type Found = Omit<TimeExpr, 'id'>;

/** Finds date expressions and normalises them against the publication date (meta.published). */
export function findTimes(
  text: string,
  published?: string,
  passages?: ReadonlyArray<{ start: number; end: number }>,
): TimeExpr[] {
  const ref: Ymd | undefined = published
    ? { year: +published.slice(0, 4), month: +published.slice(5, 7), day: +published.slice(8, 10) }
    : undefined;
  const refDate = ref
    ? new Date(Date.UTC(ref.year, ref.month - 1, ref.day, 12))
    : new Date(Date.UTC(2000, 0, 1, 12));
  const sentences = passages ?? [{ start: 0, end: text.length }];
  const anchored = anchoredTimes(text);
  const found: Found[] = [];
  for (const p of sentences) {
    let tense: TenseOf | undefined;
    const tenseOf: TenseOf = (s, e) => (tense ??= sentenceTense(text, p.start, p.end))(s, e);
    for (const w of chronoWindows(text, p)) {
      const passage = text.slice(w.start, w.end);
      if (!DATE_CUE.test(passage)) continue;
      for (const r of chrono.parse(passage, refDate, { forwardDate: false })) {
        const start = r.index + w.start;
        const raw = r.text.replace(/[\s,.;:]+$/, '');
        if (!raw || raw.includes('\n') || ANCHORED_ELSEWHERE.test(raw)) continue;
        if (overlapsAny(anchored.spans, start, start + raw.length)) continue;
        if (notADate(text, start, raw)) continue;
        const f = resolveResult(text, r.start, r.tags(), start, start + raw.length, tenseOf, ref);
        if (f) found.push(f);
      }
    }
  }
  const covered = coverage(found);
  YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (covered(s, e)) continue;
    // A bare number is a year only after a preposition ("since 2014", "in 2019").
    if (!timeLexicon().before.test(text.slice(Math.max(0, s - 40), s))) continue;
    found.push(extend(text, s, e, m[0], 'year', false));
  }
  found.push(...anchored.resolve(found));
  found.sort((a, b) => a.start - b.start);
  return found.map((f, i) => ({ id: `t${i + 1}`, ...f }));
}

/**
 * chrono's cost grows with the square of a passage's length when it holds many dates (a refiner
 * matches the whole text before each date), so a passage longer than any real sentence is given to
 * it in windows cut at whitespace. A date across a cut is lost, in such passages only.
 */
const CHRONO_WINDOW = 4000;

function chronoWindows(
  text: string,
  p: { start: number; end: number },
): Array<{ start: number; end: number }> {
  const windows: Array<{ start: number; end: number }> = [];
  let from = p.start;
  while (p.end - from > CHRONO_WINDOW) {
    const cut = text.slice(from, from + CHRONO_WINDOW).search(/\s\S*$/);
    const to = cut > 0 ? from + cut + 1 : from + CHRONO_WINDOW;
    windows.push({ start: from, end: to });
    from = to;
  }
  windows.push({ start: from, end: p.end });
  return windows;
}

/** The tense of the clause of a date `[start, end)` in the sentence at hand. */
type TenseOf = (start: number, end: number) => Direction | undefined;

/**
 * Whether `[s, e)` lies inside one of the spans, by binary search over their starts with the
 * furthest end so far (a scan of every span for every year made year-heavy text quadratic). Years
 * found later never cover one another, so the spans found before the year scan are enough.
 */
function coverage(spans: ReadonlyArray<{ start: number; end: number }>): (s: number, e: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const f of sorted) reach.push(Math.max(f.end, reach.length ? reach[reach.length - 1] : -1));
  return (s, e) => {
    const before = countStartingBefore(sorted, s + 1);
    return before > 0 && reach[before - 1] >= e;
  };
}

/** One chrono match as a time expression: granularity, value, and what it is relative to. */
function resolveResult(
  text: string,
  c: chrono.ParsedComponents,
  tags: Set<string>,
  start: number,
  end: number,
  tenseOf: TenseOf,
  ref: Ymd | undefined,
): Found | undefined {
  const raw = text.slice(start, end);
  // Relative expressions ("yesterday", "last week") have every component derived from the reference date.
  const derived = [...tags].some(
    (t) => t.startsWith('result/relativeDate') || t.startsWith('casualReference'),
  );
  const weekdayOnly = c.isCertain('weekday') && !c.isCertain('day');
  const relative = derived || !c.isCertain('year');
  const clock = c.isCertain('hour') && CLOCK.test(raw);
  // "this morning", "tonight": a day, whatever hour chrono imagines for it.
  const casualDay = [...tags].some((t) => t.startsWith('casualReference')) && !c.isCertain('month');
  const granularity: TimeExpr['granularity'] = clock
    ? 'time'
    : c.isCertain('day') || c.isCertain('weekday') || casualDay
      ? 'day'
      : c.isCertain('month')
        ? 'month'
        : 'year';
  let day: Ymd | undefined;
  // "last February": the direction word belongs to the expression.
  const directional = timeLexicon().directional.exec(text.slice(Math.max(0, start - 20), start));
  const from = directional && !derived ? start - directional[0].length : start;
  if (ref && !derived && !c.isCertain('year') && (c.isCertain('month') || weekdayOnly)) {
    const pointing = pointingOf(text, start, end, tenseOf);
    if (weekdayOnly) day = weekdayOf(c.get('weekday') ?? 0, ref, pointing);
    else {
      const month = c.get('month') ?? 1;
      const d = c.isCertain('day') ? (c.get('day') ?? 1) : undefined;
      day = { year: yearOf(month, d, ref, pointing), month, day: d ?? 1 };
    }
  }
  const value = ref ? anchoredValue(c, granularity, day) : unanchoredValue(c, granularity, derived);
  const out = extend(text, from, end, value, granularity, relative);
  if (relative) out.anchor = ref ? 'publication' : 'none';
  return out;
}

/** The direction a date points: a word right before it ("last", "next"), else its clause's tense. */
function pointingOf(text: string, start: number, end: number, tenseOf: TenseOf): Pointing {
  const lex = timeLexicon();
  const before = lex.directional.exec(text.slice(Math.max(0, start - 20), start));
  const word = before
    ? normWord(before[1])
    : /^(last|next|past|coming)\s/i.exec(text.slice(start, end))?.[1].toLowerCase();
  if (word && lex.pastWords.has(word)) return { direction: 'past', strict: true };
  if (word && lex.futureWords.has(word)) return { direction: 'future', strict: true };
  const tense = tenseOf(start, end);
  return tense ? { direction: tense, strict: false } : undefined;
}

/** The value once the publication date is known: what the text states, completed from `day` or chrono. */
function anchoredValue(
  c: chrono.ParsedComponents,
  granularity: TimeExpr['granularity'],
  day: Ymd | undefined,
): string {
  const d = c.date();
  const year = day?.year ?? c.get('year') ?? d.getUTCFullYear();
  const month = day?.month ?? c.get('month') ?? d.getUTCMonth() + 1;
  const dom = day?.day ?? c.get('day') ?? d.getUTCDate();
  if (granularity === 'year') return String(year);
  if (granularity === 'month') return `${year}-${pad(month)}`;
  const date = `${year}-${pad(month)}-${pad(dom)}`;
  return granularity === 'time' ? `${date}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}` : date;
}

/**
 * Without a publication date, what only it could tell stays unknown: `XXXX-04` for "in April",
 * `XXXX-WXX-6` for "on Saturday", `XXXX-XX-XX` for "yesterday"; a stated time of day is kept.
 */
function unanchoredValue(
  c: chrono.ParsedComponents,
  granularity: TimeExpr['granularity'],
  derived: boolean,
): string {
  const time = granularity === 'time' ? `T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}` : '';
  if (derived)
    return granularity === 'year' ? 'XXXX' : granularity === 'month' ? 'XXXX-XX' : `XXXX-XX-XX${time}`;
  const year = c.isCertain('year') && !c.isCertain('weekday') ? String(c.get('year')) : 'XXXX';
  if (granularity === 'year') return year;
  if (c.isCertain('month')) {
    const month = pad(c.get('month') ?? 1);
    if (granularity === 'month') return `${year}-${month}`;
    if (c.isCertain('day')) return `${year}-${month}-${pad(c.get('day') ?? 1)}${time}`;
  }
  if (c.isCertain('weekday') && !c.isCertain('day'))
    return `XXXX-WXX-${(c.get('weekday') ?? 0) === 0 ? 7 : c.get('weekday')}${time}`;
  return granularity === 'month' ? 'XXXX-XX' : `XXXX-XX-XX${time}`;
}

/** The expression with the preposition or part word before it ("since 2014", "early April"). */
export function extend(
  text: string,
  start: number,
  end: number,
  value: string,
  granularity: TimeExpr['granularity'],
  relative: boolean,
): Found {
  const { before, relational, parts } = timeLexicon();
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

/** The diagnostic for an article without a publication date: its relative dates and roles are unanchored. */
export function unanchoredMessage(times: readonly TimeExpr[]): Message {
  const open = times.filter((t) => t.anchor === 'none').length;
  return {
    severity: 'warning',
    origin: 'time:no-publication-date',
    reason:
      `no publication date: ${open} relative date${open === 1 ? '' : 's'} ("yesterday", "in April") left unresolved (XXXX), ` +
      'and roles are the knowledge base’s latest rather than those held when the article was written; give --published (or meta.published)',
  };
}

/** Times stage: dates and periods, resolved against the publication date. */
export const timesStage: Stage = {
  name: 'times',
  requires: ['sentences'],
  provides: ['times', 'messages'],
  run(doc: Doc) {
    const times = findTimes(doc.text, doc.meta.published, doc.sentences);
    return { times, messages: doc.meta.published ? [] : [unanchoredMessage(times)] };
  },
};
