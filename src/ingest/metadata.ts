/**
 * Article metadata from an HTML document: title, authors, publication and modification dates,
 * outlet, canonical URL and declared language, each with where it was read. Read before
 * Readability runs, because Readability rewrites the document. The places and their order of trust
 * are data (data/ingest/metadata.json); see src/ingest/meta/ for each field.
 */
import { decodeHTML } from 'entities';
import { z } from 'zod';
import type { MetaSource } from '../model/index.js';
import { loadData } from '../util/data.js';
import { domBlocks, type DomNode } from './dom-text.js';
import { atOffset, formatIso } from './meta/date-text.js';
import { readJsonLd } from './meta/jsonld.js';
import { chooseOutlet } from './meta/outlet.js';
import {
  datelineOf,
  modifiedDate,
  publishedDate,
  type DateSources,
  type Dateline,
  type FieldSources,
} from './meta/page-dates.js';

/** What the page says about itself; every field is absent when the page does not say it. */
export interface PageMetadata {
  /** The headline the page declares (JSON-LD, og:title). */
  title?: string;
  /** The `<title>`, often with the site name appended. */
  documentTitle?: string;
  byline?: string;
  authors?: string[];
  /** ISO 8601 as the page states it (`2019-11-19T19:53:52-05:00`, or `2019-11-23` for a day). */
  published?: string;
  publishedFrom?: MetaSource;
  modified?: string;
  modifiedFrom?: MetaSource;
  outlet?: string;
  outletFrom?: MetaSource;
  canonicalUrl?: string;
  /** The primary language tag the page declares (`en` of `en-US`). */
  language?: string;
  languageFrom?: MetaSource;
  /** The `articleBody` of a JSON-LD article, when the page carries one. */
  jsonLdBody?: string;
  description?: string;
}

/** The element API metadata reading needs (linkedom's Element satisfies it). */
export interface MetaElement extends DomNode {
  getAttribute(name: string): string | null;
  hasAttribute?(name: string): boolean;
  tagName?: string;
  textContent: string | null;
}
export interface MetaDocument {
  documentElement: MetaElement | null;
  body?: MetaElement | null;
  querySelectorAll(selector: string): ArrayLike<MetaElement>;
  querySelector(selector: string): MetaElement | null;
}

const SourceNames = z.record(z.string(), z.array(z.string()));
const PlacesSchema = z.object({
  description: z.string(),
  jsonLdArticleTypes: z.array(z.string()),
  published: SourceNames,
  modified: SourceNames,
  outlet: SourceNames,
  language: SourceNames,
  authors: SourceNames,
  title: z.array(z.string()),
  summary: z.array(z.string()),
  canonical: z.array(z.string()),
  publishedCues: z.array(z.string()),
  modifiedCues: z.array(z.string()),
});
type Places = z.infer<typeof PlacesSchema> & {
  articleTypes: ReadonlySet<string>;
  cues: { published: RegExp; modified: RegExp };
};

let places: Places | undefined;
function getPlaces(): Places {
  if (!places) {
    const raw = loadData('ingest/metadata.json', PlacesSchema);
    const cue = (words: string[]): RegExp =>
      new RegExp(`(?<![\\p{L}])(?:${words.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'iu');
    places = {
      ...raw,
      articleTypes: new Set(raw.jsonLdArticleTypes),
      cues: { published: cue(raw.publishedCues), modified: cue(raw.modifiedCues) },
    };
  }
  return places;
}

/** Reads the metadata of a parsed page; `url` resolves relative canonical links. */
export function readMetadata(doc: MetaDocument, jsonLdBlocks: string[], url?: string): PageMetadata {
  const p = getPlaces();
  const metas = metaValues(doc);
  const get = (names: readonly string[]): string[] => names.flatMap((n) => metas.get(n) ?? []);
  const bySource = (names: Record<string, string[]>): Partial<Record<MetaSource, string[]>> => {
    const out: Partial<Record<MetaSource, string[]>> = {};
    for (const [source, list] of Object.entries(names)) out[source as MetaSource] = get(list);
    return out;
  };
  const pick = (names: readonly string[]): string | undefined => get(names).find((v) => v.trim());
  const ld = readJsonLd(jsonLdBlocks, p.articleTypes);
  const out: PageMetadata = {};

  out.title = clean(ld.headline ?? pick(p.title));
  out.documentTitle = clean(doc.querySelector('title')?.textContent);
  const authors = ld.authors ?? authorNames(bySource(p.authors), doc);
  if (authors.length > 0) {
    out.authors = authors.map((a) => clean(a)!).filter(Boolean);
    out.byline = out.authors.join(', ');
  }

  const canonical = canonicalOf(doc, pick(p.canonical) ?? ld.url, url);
  const pageUrl = canonical ?? url;
  if (canonical) out.canonicalUrl = canonical;
  const dates = dateSources(doc, p, bySource, ld, pageUrl, out.title);
  const published = publishedDate(dates);
  if (published) [out.published, out.publishedFrom] = [formatIso(published.date), published.from];
  const modified = modifiedDate(dates);
  if (modified) {
    // A UTC modification time is shown in the zone found for the publication date.
    const zone = published?.date.offset;
    const date = zone && modified.date.offset === 0 ? atOffset(modified.date, zone) : modified.date;
    [out.modified, out.modifiedFrom] = [formatIso(date), modified.from];
  }

  const outletSources = bySource(p.outlet);
  const outlet = chooseOutlet({
    named: [
      ...(outletSources['open-graph'] ?? []).map((name) => ({ name, from: 'open-graph' as const })),
      ...(outletSources['site-meta'] ?? []).map((name) => ({ name, from: 'site-meta' as const })),
      ...(ld.publisher ? [{ name: ld.publisher, from: 'json-ld' as const }] : []),
      ...(outletSources['dublin-core'] ?? []).map((name) => ({ name, from: 'dublin-core' as const })),
    ].map((c) => ({ ...c, name: decode(c.name) })),
    documentTitle: out.documentTitle,
    twitterSite: pick(['twitter:site']),
    url: url ?? pageUrl,
  });
  if (outlet) [out.outlet, out.outletFrom] = [clean(outlet.name), outlet.from];

  const declared = declaredLanguage(doc, bySource(p.language), ld.inLanguage);
  if (declared) [out.language, out.languageFrom] = [declared.language, declared.from];
  out.description = clean(pick(p.summary) ?? ld.description);
  if (ld.articleBody) out.jsonLdBody = ld.articleBody;
  for (const k of Object.keys(out) as Array<keyof PageMetadata>) if (out[k] === undefined) delete out[k];
  return out;
}

/** Every meta tag's value by lower-cased name, property, itemprop or http-equiv, in page order. */
function metaValues(doc: MetaDocument): Map<string, string[]> {
  const metas = new Map<string, string[]>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      const list = metas.get(key);
      if (list) list.push(content);
      else metas.set(key, [content]);
    }
  }
  return metas;
}

function dateSources(
  doc: MetaDocument,
  p: Places,
  bySource: (names: Record<string, string[]>) => Partial<Record<MetaSource, string[]>>,
  ld: { datePublished?: string; dateModified?: string },
  url: string | undefined,
  title: string | undefined,
): DateSources {
  const field = (names: Record<string, string[]>, jsonLd: string | undefined): FieldSources => {
    const meta = bySource(names);
    const props = new Set((names.itemprop ?? []).map((n) => n.toLowerCase()));
    delete meta.itemprop;
    return { jsonLd, meta, itemprop: itempropValues(doc, props) };
  };
  let lines: Dateline[] | undefined;
  return {
    published: field(p.published, ld.datePublished),
    modified: field(p.modified, ld.dateModified),
    times: timeElements(doc),
    url,
    datelines: () => (lines ??= findDatelines(doc, p.cues, title)),
  };
}

/** Microdata values of elements whose `itemprop` (a space-separated list) names one of `props`. */
function itempropValues(doc: MetaDocument, props: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('[itemprop]'))) {
    const names = (el.getAttribute('itemprop') ?? '').toLowerCase().split(/\s+/);
    if (!names.some((n) => props.has(n))) continue;
    const v = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent;
    if (v?.trim()) out.push(v.trim().slice(0, 200));
    if (out.length >= 20) break;
  }
  return out;
}

/** `<time datetime>` elements, each marked by what its class or attributes say it is. */
function timeElements(doc: MetaDocument): DateSources['times'] {
  const out: DateSources['times'] = [];
  for (const el of Array.from(doc.querySelectorAll('time[datetime]')).slice(0, 50)) {
    const value = el.getAttribute('datetime')?.trim();
    if (!value) continue;
    const marks = `${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''}`.toLowerCase();
    const published =
      /publish|posted|pubdate|entry-date|created/.test(marks) || !!el.hasAttribute?.('pubdate');
    const role = published ? 'published' : /updat|modif|edited/.test(marks) ? 'modified' : 'other';
    out.push({ value, role });
  }
  return out;
}

/** Short blocks of the page text that show a date, with their distance from the headline. */
function findDatelines(doc: MetaDocument, cues: Places['cues'], title: string | undefined): Dateline[] {
  const root = doc.body ?? doc.documentElement;
  if (!root) return [];
  const blocks = domBlocks(root);
  // The headline block: the declared headline where the page shows it, else the first <h1>.
  const headIndex = (heading: string | undefined): number => {
    const h = heading?.slice(0, 50).toLowerCase();
    return h && h.length >= 8 ? blocks.findIndex((b) => b.text.toLowerCase().includes(h)) : -1;
  };
  let head = headIndex(title);
  if (head < 0) head = headIndex(clean(doc.querySelector('h1')?.textContent));
  if (head < 0) head = 0;
  const out: Dateline[] = [];
  const from = Math.max(0, head - 40);
  const to = Math.min(blocks.length, head + 60);
  for (let i = from; i < to; i++) {
    const line = datelineOf(blocks[i].text, cues);
    if (line) out.push({ ...line, distance: i - head });
  }
  return out;
}

function canonicalOf(
  doc: MetaDocument,
  fallback: string | undefined,
  url: string | undefined,
): string | undefined {
  const raw = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? fallback;
  if (!raw) return undefined;
  try {
    const abs = new URL(raw, url);
    return abs.protocol === 'http:' || abs.protocol === 'https:' ? abs.href : undefined;
  } catch {
    return undefined; // A malformed canonical link is ignored, not fatal.
  }
}

/** Author names from meta tags or a `rel=author` link; URLs and handles are not names. */
function authorNames(sources: Partial<Record<MetaSource, string[]>>, doc: MetaDocument): string[] {
  const values = [
    ...(sources['open-graph'] ?? []),
    ...(sources['site-meta'] ?? []),
    ...(sources['dublin-core'] ?? []),
  ];
  const raw =
    values.find((v) => !/^https?:|^@|^www\./i.test(v.trim())) ??
    doc.querySelector('[rel="author"]')?.textContent;
  const byline = clean(raw)?.replace(/^by\s+/i, '');
  return byline && byline.length <= 200 && !/^https?:/i.test(byline) ? [decode(byline)] : [];
}

/** The language the page declares: `<html lang>`, then meta tags, then JSON-LD `inLanguage`. */
function declaredLanguage(
  doc: MetaDocument,
  sources: Partial<Record<MetaSource, string[]>>,
  inLanguage: string | undefined,
): { language: string; from: MetaSource } | undefined {
  const html = doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang');
  const tries: Array<[string | null | undefined, MetaSource]> = [
    [html, 'html-lang'],
    [sources['open-graph']?.[0], 'open-graph'],
    [sources['site-meta']?.[0], 'site-meta'],
    [sources['dublin-core']?.[0], 'dublin-core'],
    [inLanguage, 'json-ld'],
  ];
  for (const [value, from] of tries) {
    const primary = value ? /^[a-z]{2,3}(?![a-z])/i.exec(value.trim())?.[0].toLowerCase() : undefined;
    if (primary) return { language: primary, from };
  }
  return undefined;
}

/** HTML entities left in a value by double escaping ("don&#39;t", "&#8216;", "&amp;"). */
function decode(s: string): string {
  return /&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(s) ? decodeHTML(s) : s;
}

function clean(s: string | undefined | null): string | undefined {
  // Capped: a hostile page can put megabytes in a <title> or meta tag.
  const t = s ? decode(s.slice(0, 2000)).replace(/\s+/g, ' ').trim() : undefined;
  return t ? t : undefined;
}

export { dateProblem, toIsoDate } from './meta/date-text.js';
