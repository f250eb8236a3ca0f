import { z } from 'zod';

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Why `s` is not an ISO 8601 calendar date (or date-time), or undefined when it is one:
 * "2025-13-45", "0000-00-00" and "2025-02-30" are refused rather than rolled over.
 */
export function isoDateProblem(s: string): string | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return 'expected an ISO date such as 2025-04-03 (or 2025-04-03T14:30:00Z)';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1) return `year ${m[1]} is not a calendar year`;
  if (month < 1 || month > 12) return `month ${m[2]} is not between 01 and 12`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `day ${m[3]} is not in ${m[1]}-${m[2]}, which has ${days} days`;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59))
    return `time ${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''} is not a time of day`;
  const zone = m[7] && m[7] !== 'Z' ? /^[+-](\d{2}):?(\d{2})$/.exec(m[7]) : null;
  if (zone && (Number(zone[1]) > 14 || Number(zone[2]) > 59)) return `offset ${m[7]} is not a UTC offset`;
  return undefined;
}

/** ISO 8601 calendar date (`2025-04-03`) or date-time, checked against the calendar. */
const IsoDate = z.string().superRefine((s, ctx) => {
  const problem = isoDateProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: `"${s.slice(0, 40)}" is not a date: ${problem}` });
});

/**
 * Where a metadata field was read, most trusted first for dates: `json-ld` (schema.org
 * `datePublished`), `open-graph` (`article:published_time`, `og:site_name`), `itemprop` (microdata),
 * `time-element` (`<time datetime>`), `dublin-core` (`DC.date`, `dcterms.*`), `site-meta` (well-known
 * site meta names such as `parsely-pub-date`), `url` (`/2019/11/20/`), `dateline` (a date shown beside
 * the headline); for outlets also `outlet-table` (data/ingest/outlets.json), `title` (`<title>`
 * suffix) and `hostname`; for languages `html-lang` (`<html lang>`) and `detected` (from the text);
 * `feed` for a feed entry's own fields.
 */
export const MetaSourceSchema = z.enum([
  'json-ld',
  'open-graph',
  'itemprop',
  'time-element',
  'dublin-core',
  'site-meta',
  'url',
  'dateline',
  'outlet-table',
  'title',
  'hostname',
  'html-lang',
  'detected',
  'feed',
]);
export type MetaSource = z.infer<typeof MetaSourceSchema>;

export const ArticleMetaSchema = z.object({
  title: z.string().optional(),
  url: z.string().optional(),
  outlet: z.string().optional(),
  /** Publication date; `null` (JSON input) means unknown, the same as leaving it out. */
  published: z.preprocess((v) => (v === null ? undefined : v), IsoDate.optional()),
  byline: z.string().optional(),
  language: z.string().optional(),
  /** Last modification date, when the page states one. */
  modified: IsoDate.optional(),
  /** The authors' names, when the page lists them. */
  authors: z.array(z.string()).optional(),
  canonicalUrl: z.string().optional(),
  /** Where `published`, `modified`, `outlet` and `language` were read (absent: given by the caller). */
  publishedFrom: MetaSourceSchema.optional(),
  modifiedFrom: MetaSourceSchema.optional(),
  outletFrom: MetaSourceSchema.optional(),
  languageFrom: MetaSourceSchema.optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;
/** The metadata a caller may pass (`published` may be `null`). */
export type ArticleMetaInput = z.input<typeof ArticleMetaSchema>;
