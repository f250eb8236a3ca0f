/**
 * Dates as pages write them: ISO 8601 and its near relatives (`2019-11-19 02:24:00 UTC`,
 * `20191119`), and the forms shown to readers (`Nov. 20, 2019 5:52 AM EST`, `30. Juli 2018`,
 * `27/09/2018`, `2018년 8월 25일`). Month names and zone abbreviations are data
 * (data/time/calendar.json). A date keeps the offset the page states; none is invented.
 */
import { z } from 'zod';
import { isoDateProblem } from '../../model/index.js';
import { loadData } from '../../util/data.js';

/** A calendar date, with a time of day and a UTC offset when the page states them. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** Minutes east of UTC; undefined when the page does not say. */
  offset?: number;
}

const CalendarSchema = z.object({
  description: z.string(),
  months: z.array(z.array(z.string())).length(12),
  zones: z.record(z.string(), z.number().int()),
  usZones: z.record(z.string(), z.number().int()),
});

interface Calendar {
  monthOf: Map<string, number>;
  month: string;
  zones: Record<string, number>;
  usZones: Record<string, number>;
  zone: string;
}

let calendar: Calendar | undefined;
function cal(): Calendar {
  if (!calendar) {
    const raw = loadData('time/calendar.json', CalendarSchema);
    const monthOf = new Map<string, number>();
    raw.months.forEach((names, i) => names.forEach((n) => monthOf.set(n.toLowerCase(), i + 1)));
    const names = [...monthOf.keys()].sort((a, b) => b.length - a.length);
    const zoneNames = [...Object.keys(raw.zones), ...Object.keys(raw.usZones)].sort(
      (a, b) => b.length - a.length,
    );
    calendar = {
      monthOf,
      month: names.join('|'),
      zones: raw.zones,
      usZones: raw.usZones,
      zone: zoneNames.join('|'),
    };
  }
  return calendar;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The ISO 8601 form: a date, or a date-time with the stated offset (`Z`, `-05:00`) or none. */
export function formatIso(p: DateParts): string {
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  if (p.hour === undefined) return date;
  const time = `${pad(p.hour)}:${pad(p.minute ?? 0)}:${pad(p.second ?? 0)}`;
  if (p.offset === undefined) return `${date}T${time}`;
  if (p.offset === 0) return `${date}T${time}Z`;
  const a = Math.abs(p.offset);
  return `${date}T${time}${p.offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** A plausible publication date: a real calendar day between 1900 and 2200, not a placeholder. */
export function plausible(p: DateParts): boolean {
  if (p.year < 1900 || p.year > 2200) return false;
  if (p.year === 1970 && p.month === 1 && p.day === 1) return false;
  return isoDateProblem(formatIso(p)) === undefined;
}

/** Milliseconds since the epoch of a date-time with a known offset. */
export function instantOf(p: DateParts): number | undefined {
  if (p.hour === undefined || p.offset === undefined) return undefined;
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute ?? 0, p.second ?? 0) - p.offset * 60_000;
}

/** The same instant expressed at another UTC offset. */
export function atOffset(p: DateParts, offset: number): DateParts {
  const t = instantOf(p);
  if (t === undefined) return p;
  const d = new Date(t + offset * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    offset,
  };
}

/** Whole days from `a` to `b` (calendar days, ignoring times). */
export function dayDiff(a: DateParts, b: DateParts): number {
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000;
}

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?(Z)?)?$/;

function offsetOf(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : undefined;
}

/**
 * Reads a date from a metadata value (`content`, `datetime`, JSON-LD): ISO forms first, then the
 * forms written for readers. Undefined when the value is not a plausible date.
 */
export function parseDateValue(raw: string | null | undefined): DateParts | undefined {
  const s = raw?.trim();
  if (!s || s.length > 120) return undefined;
  let p: DateParts | undefined;
  const iso = ISO.exec(s);
  const compact = iso ? null : COMPACT.exec(s);
  const m = iso ?? compact;
  if (m) {
    p = { year: +m[1], month: +m[2], day: +m[3] };
    if (m[4] !== undefined) {
      p.hour = +m[4];
      p.minute = +m[5];
      if (m[6] !== undefined) p.second = +m[6];
      p.offset = offsetOf(m[7]);
    }
  } else p = findDate(s)?.date;
  return p && plausible(p) ? p : undefined;
}

/** A date found in running text, with where it was. */
export interface FoundDate {
  date: DateParts;
  index: number;
  length: number;
}

interface Patterns {
  monthFirst: RegExp;
  dayFirst: RegExp;
  yearFirst: RegExp;
  dotted: RegExp;
  slashed: RegExp;
  cjk: RegExp;
  time: RegExp;
}
let patterns: Patterns | undefined;
function pats(): Patterns {
  if (!patterns) {
    const { month } = cal();
    const L = '(?<![\\p{L}\\d])';
    const R = '(?![\\p{L}\\d])';
    patterns = {
      monthFirst: new RegExp(
        `${L}(${month})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?${R}\\.?,?\\s+(?:of\\s+)?(\\d{4})${R}`,
        'iu',
      ),
      dayFirst: new RegExp(
        `${L}(\\d{1,2})(?:\\.|st|nd|rd|th|er|º)?\\s*(?:de\\s+)?(${month})\\.?,?\\s+(?:de\\s+)?(\\d{4})${R}`,
        'iu',
      ),
      yearFirst: /(?<!\d)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)/u,
      dotted: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/u,
      slashed: /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/u,
      cjk: /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/u,
      time: /(?<![\d:])(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?(?![\d:])/iu,
    };
  }
  return patterns;
}

/**
 * The first date with a day, month and year in a short text ("Published 2:16 AM EST Nov 20,
 * 2019"), with the time of day and the zone written next to it. `dayFirst` settles numeric
 * dates such as 05/06/2019 (otherwise they are left alone unless one part is over 12).
 */
export function findDate(text: string, dayFirst?: boolean): FoundDate | undefined {
  const found = findDay(text, dayFirst);
  if (!found) return undefined;
  const t = pats().time.exec(text);
  if (t) {
    let hour = Number(t[1]);
    const minute = Number(t[2]);
    const meridiem = t[4]?.toLowerCase().replace(/[.\s]/g, '');
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    if (hour < 24 && minute < 60) {
      found.date.hour = hour;
      found.date.minute = minute;
      if (t[3] !== undefined) found.date.second = Number(t[3]);
      const offset = zoneAfter(text.slice(t.index + t[0].length), found.date);
      if (offset !== undefined) found.date.offset = offset;
    }
  }
  return found;
}

function findDay(text: string, dayFirst?: boolean): FoundDate | undefined {
  const p = pats();
  const { monthOf } = cal();
  const candidates: FoundDate[] = [];
  const add = (m: RegExpExecArray | null, y: number, mo: number | undefined, d: number): void => {
    if (!m || mo === undefined) return;
    const date = { year: y, month: mo, day: d };
    if (plausible(date)) candidates.push({ date, index: m.index, length: m[0].length });
  };
  const mf = p.monthFirst.exec(text);
  if (mf) add(mf, +mf[3], monthOf.get(mf[1].toLowerCase()), +mf[2]);
  const df = p.dayFirst.exec(text);
  if (df) add(df, +df[3], monthOf.get(df[2].toLowerCase()), +df[1]);
  const yf = p.yearFirst.exec(text);
  if (yf) add(yf, +yf[1], +yf[2], +yf[3]);
  const dot = p.dotted.exec(text);
  if (dot) add(dot, +dot[3], +dot[2], +dot[1]);
  const cjk = p.cjk.exec(text);
  if (cjk) add(cjk, +cjk[1], +cjk[2], +cjk[3]);
  const sl = p.slashed.exec(text);
  if (sl) {
    const [a, b] = [+sl[1], +sl[2]];
    const first = a > 12 ? true : b > 12 ? false : dayFirst;
    if (first !== undefined) add(sl, +sl[3], first ? b : a, first ? a : b);
  }
  candidates.sort((x, y) => x.index - y.index);
  return candidates[0];
}

/** The UTC offset of a zone written right after a time ("EST", "GMT+0000", "+05:30"). */
function zoneAfter(rest: string, date: DateParts): number | undefined {
  const { zones, usZones, zone } = cal();
  const m = new RegExp(
    `^\\s*\\(?(?:(${zone})(?![A-Za-z])\\s*([+-]\\d{2}:?\\d{2})?|([+-]\\d{2}:?\\d{2}))`,
  ).exec(rest);
  if (!m) return undefined;
  if (m[3] || m[2]) return offsetOf(m[3] ?? m[2]);
  const name = m[1];
  if (name in zones) return zones[name];
  const standard = usZones[name];
  return standard === undefined ? undefined : standard + (usDaylight(date) ? 60 : 0);
}

/** US daylight saving time: from the second Sunday of March to the first Sunday of November. */
function usDaylight(p: DateParts): boolean {
  const sunday = (month: number, nth: number): number => {
    const first = new Date(Date.UTC(p.year, month - 1, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + (nth - 1) * 7;
  };
  const day = p.month * 100 + p.day;
  return day >= 300 + sunday(3, 2) && day < 1100 + sunday(11, 1);
}

/**
 * Normalises a date string from outside (a feed entry, a JSONL line) to ISO 8601, keeping the
 * offset it states; undefined when it is not a plausible date.
 */
export function toIsoDate(raw: string | null | undefined): string | undefined {
  const p = parseDateValue(raw);
  return p ? formatIso(p) : undefined;
}

/** Why a date string is refused, for messages ("month 13 is not between 01 and 12"). */
export function dateProblem(raw: string): string {
  const s = raw.trim();
  const problem = isoDateProblem(s) ?? isoDateProblem(s.slice(0, 10));
  if (problem && /^\d{4}-\d{2}-\d{2}/.test(s)) return problem;
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return 'the year is outside 1900–2200 or a placeholder';
  return 'expected an ISO date such as 2025-04-03, or a date such as "3 April 2025"';
}
