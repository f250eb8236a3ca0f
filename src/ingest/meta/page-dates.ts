/**
 * Publication and modification dates of a page, from every place pages put them, in a fixed order
 * of trust (data/ingest/metadata.json): JSON-LD, Open Graph / article:*, itemprop, `<time datetime>`,
 * Dublin Core, well-known site meta names, the URL path, then a dateline shown beside the headline.
 * A date-time the page states in UTC is shown in the outlet's own time zone when the page reveals
 * it (another date with an offset, a zone beside a dateline, a dateline's local time or day), so the
 * day is the one the article was written on.
 */
import type { MetaSource } from '../../model/index.js';
import {
  atOffset,
  dayDiff,
  findDate,
  formatIso,
  instantOf,
  parseDateValue,
  type DateParts,
} from './date-text.js';

/** A date candidate and where it was read. */
export interface DateCandidate {
  date: DateParts;
  from: MetaSource;
}

/** Where one field (published or modified) is stated in machine-readable form. */
export interface FieldSources {
  jsonLd?: string;
  /** Values of meta tags by kind of source, in page order. */
  meta: Partial<Record<MetaSource, string[]>>;
  /** Values of microdata `itemprop` elements (content, datetime or text), in page order. */
  itemprop: string[];
}

/** What the date readers need of a page, gathered once by `readMetadata`. */
export interface DateSources {
  published: FieldSources;
  modified: FieldSources;
  /** `<time>` elements: datetime value, and what the element's class or attributes say it is. */
  times: Array<{ value: string; role: 'published' | 'modified' | 'other' }>;
  url?: string;
  /** The page's visible datelines, read lazily (a walk over the page text). */
  datelines: () => Dateline[];
}

/** A short line beside the headline that shows a date ("Published 2:16 AM EST Nov 20, 2019"). */
export interface Dateline {
  date: DateParts;
  kind: 'published' | 'modified' | 'plain';
  /** Blocks from the headline (negative: before it). */
  distance: number;
}

/** The candidates in order of trust; the first is the one used. */
export function dateCandidates(src: DateSources, field: 'published' | 'modified'): DateCandidate[] {
  const out: DateCandidate[] = [];
  const push = (raw: string | undefined, from: MetaSource): void => {
    const date = parseDateValue(raw);
    if (date) out.push({ date, from });
  };
  const f = src[field];
  push(f.jsonLd, 'json-ld');
  for (const v of f.meta['open-graph'] ?? []) push(v, 'open-graph');
  for (const v of f.itemprop) push(v, 'itemprop');
  const own = src.times.filter((t) => t.role === field);
  // An unmarked <time> stands in for the publication date only when none is marked.
  const times = own.length > 0 || field === 'modified' ? own : src.times.filter((t) => t.role === 'other');
  for (const t of times.slice(0, 1)) push(t.value, 'time-element');
  for (const v of f.meta['dublin-core'] ?? []) push(v, 'dublin-core');
  for (const v of f.meta['site-meta'] ?? []) push(v, 'site-meta');
  if (field === 'published') {
    const fromUrl = urlDate(src.url);
    if (fromUrl) out.push({ date: fromUrl, from: 'url' });
  }
  return out;
}

/**
 * The publication date: the most trusted candidate, expressed in the outlet's time zone when the
 * page shows it, else a dateline when nothing machine-readable is there.
 */
export function publishedDate(src: DateSources): DateCandidate | undefined {
  const candidates = dateCandidates(src, 'published');
  const best = candidates[0];
  if (!best || best.from === 'url') {
    const line = pickDateline(src.datelines());
    // The URL's day stands unless a dateline shows the same day (or the next, across a time zone),
    // which adds the time of day.
    if (line && (!best || Math.abs(dayDiff(best.date, line.date)) <= 1))
      return { date: line.date, from: 'dateline' };
    return best;
  }
  return { date: localise(best.date, candidates, src), from: best.from };
}

/** The modification date, when the page states one. */
export function modifiedDate(src: DateSources): DateCandidate | undefined {
  return dateCandidates(src, 'modified')[0];
}

/** The dateline nearest after the headline, preferring one marked as the publication date. */
function pickDateline(lines: readonly Dateline[]): Dateline | undefined {
  const score = (l: Dateline): number =>
    (l.kind === 'published' ? 0 : l.kind === 'plain' ? 1 : 3) * 100 +
    (l.distance >= 0 ? l.distance : 10 - l.distance * 2);
  const usable = lines.filter((l) => l.kind !== 'modified');
  return usable.sort((a, b) => score(a) - score(b))[0];
}

/**
 * A date-time given in UTC (or without an offset), shown at the outlet's offset when the page
 * reveals it: a non-zero offset on another of its dates, a zoned or local dateline for the same
 * instant, or a day shown on the page one off from the UTC day.
 */
function localise(date: DateParts, candidates: readonly DateCandidate[], src: DateSources): DateParts {
  if (date.hour === undefined || (date.offset !== undefined && date.offset !== 0)) return date;
  // A date-time without an offset is often UTC; it is only moved when a dateline shows that instant.
  const asUtc: DateParts = { ...date, offset: 0 };
  const instant = instantOf(asUtc)!;
  const zoned = candidates.find((c) => c.date.offset !== undefined && c.date.offset !== 0);
  if (date.offset === 0 && zoned && Math.abs(dayDiff(date, zoned.date)) <= 1) {
    return atOffset(asUtc, zoned.date.offset!);
  }
  const near = src.datelines().filter((l) => Math.abs(l.distance) <= 30);
  for (const line of near) {
    const d = line.date;
    if (d.hour === undefined) continue;
    // A zoned dateline near this instant (the publication, or an update within a day and a half) gives the zone.
    if (d.offset !== undefined) {
      const gap = Math.abs(instantOf(d)! - instant);
      if (gap <= 120_000 || (date.offset === 0 && gap < 36 * 3_600_000)) return atOffset(asUtc, d.offset);
      continue;
    }
    // A local time on a publication dateline gives the offset (to the quarter hour).
    if (date.offset === 0 && line.kind === 'published') {
      const offset = localOffset(d, instant);
      if (offset !== undefined) return atOffset(asUtc, offset);
    }
  }
  // Another of the page's dates naming the same minute at another clock time gives the offset.
  if (date.offset === 0) {
    for (const c of candidates) {
      if (c.date.hour === undefined || c.date.offset !== undefined) continue;
      const offset = localOffset(c.date, instant, true);
      if (offset) return atOffset(asUtc, offset);
    }
  }
  if (date.offset === undefined) return date;
  // A day shown on the page (a dateline, a date-only <time>, the URL) one off from the UTC day.
  const shown = [
    ...near.filter((l) => l.kind !== 'modified').map((l) => l.date),
    ...candidates.filter((c) => c.date.hour === undefined).map((c) => c.date),
  ];
  for (const day of shown) {
    const diff = dayDiff(date, day);
    if (diff === 0) break;
    if ((diff === -1 && date.hour < 12) || (diff === 1 && date.hour >= 12)) {
      return { year: day.year, month: day.month, day: day.day };
    }
  }
  return date;
}

/** The UTC offset that makes a local time show `instant`, to the quarter hour (exactly, when `exact`). */
function localOffset(local: DateParts, instant: number, exact = false): number | undefined {
  const t = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0);
  const minutes = (t - instant) / 60_000;
  const offset = Math.round(minutes / 15) * 15;
  if (Math.abs(offset) > 14 * 60 || (exact && Math.abs(minutes - offset) >= 1)) return undefined;
  return offset;
}

const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A day in the URL path: `/2019/11/20/`, `/2019-11-19/`, `/2019/nov/18/`, a slug ending `-20191115`. */
export function urlDate(url: string | undefined): DateParts | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    return undefined;
  }
  const tries: Array<RegExpExecArray | null> = [
    /\/((?:19|20)\d{2})\/(\d{2})\/(\d{2})(?=\/|$|[-_.])/.exec(path),
    /\/((?:19|20)\d{2})-(\d{2})-(\d{2})(?=\/|$)/.exec(path),
    /\/((?:19|20)\d{2})\/([a-z]{3})\/(\d{1,2})(?=\/)/.exec(path),
    /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})\/?$/.exec(path),
  ];
  for (const m of tries) {
    if (!m) continue;
    const month = /^\d+$/.test(m[2]) ? Number(m[2]) : MONTH_ABBR.indexOf(m[2]) + 1;
    const date = parseDateValue(`${m[1]}-${String(month).padStart(2, '0')}-${m[3].padStart(2, '0')}`);
    if (date) return date;
  }
  return undefined;
}

/** Reads a dateline from a short block of page text, or undefined when it shows no date. */
export function datelineOf(
  text: string,
  cues: { published: RegExp; modified: RegExp },
  dayFirst?: boolean,
): Omit<Dateline, 'distance'> | undefined {
  if (text.length > 160) return undefined;
  // Embedded posts ("— Name (@handle) November 18, 2019") and captions are not the article's dateline.
  if (/^[—–-]\s|\(@\w+\)|^©|copyright/i.test(text)) return undefined;
  const published = cues.published.exec(text);
  const modified = cues.modified.exec(text);
  // "Published … | Updated …": read the published part.
  let part = text;
  if (published && modified) {
    part =
      published.index < modified.index
        ? text.slice(published.index, modified.index)
        : text.slice(published.index);
  } else if (modified && modified.index > 0) {
    const before = text.slice(0, modified.index);
    if (findDate(before, dayFirst)) part = before;
  }
  const found = findDate(part, dayFirst);
  if (!found) return undefined;
  // Most of the block is the date, its time and cue words, or a byline: not a sentence mentioning a date.
  const rest = (part.slice(0, found.index) + ' ' + part.slice(found.index + found.length))
    .replace(cues.published, ' ')
    .replace(cues.modified, ' ');
  const prose = rest.match(/(?<![\p{L}])\p{Ll}{4,}/gu) ?? [];
  if (prose.length > 2) return undefined;
  const kind = part === text && modified && !published ? 'modified' : published ? 'published' : 'plain';
  return { date: found.date, kind };
}

export { formatIso };
