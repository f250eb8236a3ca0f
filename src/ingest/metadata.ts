/**
 * Article metadata from an HTML document: title, byline, publication date, outlet, canonical URL
 * and language, read from meta tags, JSON-LD, `<time>` and `<link rel=canonical>`. Read before
 * Readability runs, because Readability rewrites the document.
 */
import type { DomNode } from './dom-text.js';

/** What the page says about itself; every field is absent when the page does not say it. */
export interface PageMetadata {
  /** The headline the page declares (JSON-LD, og:title). */
  title?: string;
  /** The `<title>`, often with the site name appended. */
  documentTitle?: string;
  byline?: string;
  /** ISO 8601 (`2019-11-23T10:00:00.000Z`, or `2019-11-23` when only a day is given). */
  published?: string;
  outlet?: string;
  canonicalUrl?: string;
  language?: string;
  /** The `articleBody` of a JSON-LD NewsArticle/Article, when the page carries one. */
  jsonLdBody?: string;
  description?: string;
}

/** The element API metadata reading needs (linkedom's Element satisfies it). */
export interface MetaElement extends DomNode {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
export interface MetaDocument {
  documentElement: MetaElement | null;
  querySelectorAll(selector: string): ArrayLike<MetaElement>;
  querySelector(selector: string): MetaElement | null;
}

/** Meta names/properties for each field, most specific first. */
const META_KEYS = {
  title: ['og:title', 'twitter:title', 'dc.title', 'headline'],
  byline: [
    'author',
    'article:author',
    'dc.creator',
    'byl',
    'parsely-author',
    'sailthru.author',
    'twitter:creator',
  ],
  published: [
    'article:published_time',
    'og:article:published_time',
    'datepublished',
    'pubdate',
    'publishdate',
    'publish-date',
    'date',
    'dc.date',
    'dc.date.issued',
    'dcterms.created',
    'dcterms.date',
    'parsely-pub-date',
    'sailthru.date',
    'article.published',
    'originalpublicationdate',
    'og:published_time',
  ],
  outlet: ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'twitter:site'],
  canonical: ['og:url', 'twitter:url'],
  language: ['og:locale', 'content-language', 'language', 'dc.language'],
  description: ['og:description', 'description', 'twitter:description'],
} as const;

type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

const ARTICLE_TYPES = /(Article|BlogPosting|Report|NewsArticle|LiveBlogPosting|WebPage)$/;

/** Reads the metadata of a parsed page; `url` resolves relative canonical links. */
export function readMetadata(doc: MetaDocument, jsonLdBlocks: string[], url?: string): PageMetadata {
  const metas = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (
      el.getAttribute('property') ??
      el.getAttribute('name') ??
      el.getAttribute('itemprop') ??
      el.getAttribute('http-equiv') ??
      ''
    )
      .trim()
      .toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const pick = (keys: readonly string[]): string | undefined => {
    for (const k of keys) {
      const v = metas.get(k);
      if (v) return v;
    }
    return undefined;
  };
  const ld = readJsonLd(jsonLdBlocks);
  const out: PageMetadata = {};

  out.title = clean(ld.headline ?? pick(META_KEYS.title));
  out.documentTitle = clean(doc.querySelector('title')?.textContent);
  const byline =
    ld.author ?? pick(META_KEYS.byline) ?? doc.querySelector('[rel="author"]')?.textContent ?? undefined;
  if (byline && !/^https?:/i.test(byline) && !byline.startsWith('@')) out.byline = clean(byline);

  const timeEl = doc.querySelector('time[datetime]');
  const itemprop = doc.querySelector('[itemprop="datePublished"]');
  out.published = toIsoDate(
    ld.datePublished ??
      pick(META_KEYS.published) ??
      itemprop?.getAttribute('content') ??
      itemprop?.getAttribute('datetime') ??
      timeEl?.getAttribute('datetime') ??
      undefined,
  );
  out.outlet = clean(pick(META_KEYS.outlet)?.replace(/^@/, '') ?? ld.publisher);

  const canonical =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? pick(META_KEYS.canonical) ?? ld.url;
  if (canonical) {
    try {
      const abs = new URL(canonical, url);
      if (abs.protocol === 'http:' || abs.protocol === 'https:') out.canonicalUrl = abs.href;
    } catch {
      // A malformed canonical link is ignored, not fatal.
    }
  }
  const lang =
    doc.documentElement?.getAttribute('lang') ??
    doc.documentElement?.getAttribute('xml:lang') ??
    pick(META_KEYS.language) ??
    ld.inLanguage;
  const primary = lang ? /^[a-z]{2,3}\b/i.exec(lang.trim())?.[0].toLowerCase() : undefined;
  if (primary) out.language = primary;
  out.description = clean(pick(META_KEYS.description) ?? ld.description);
  if (ld.articleBody) out.jsonLdBody = ld.articleBody;
  for (const k of Object.keys(out) as Array<keyof PageMetadata>) if (out[k] === undefined) delete out[k];
  return out;
}

interface JsonLdFacts {
  headline?: string;
  author?: string;
  datePublished?: string;
  publisher?: string;
  url?: string;
  inLanguage?: string;
  description?: string;
  articleBody?: string;
}

/** The first article-like object in the page's JSON-LD (top level, arrays or `@graph`). */
function readJsonLd(blocks: string[]): JsonLdFacts {
  const candidates: Array<{ [k: string]: JsonValue }> = [];
  const visit = (v: JsonValue, depth: number): void => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const type = v['@type'];
    const types = Array.isArray(type) ? type : [type];
    if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) candidates.push(v);
    if (v['@graph']) visit(v['@graph'], depth + 1);
  };
  for (const raw of blocks) {
    if (raw.length > 2_000_000) continue;
    try {
      visit(JSON.parse(raw.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '')) as JsonValue, 0);
    } catch {
      // Pages often ship broken JSON-LD; it is optional metadata.
    }
  }
  // An Article beats a generic WebPage.
  candidates.sort(
    (a, b) => Number(String(a['@type']).includes('WebPage')) - Number(String(b['@type']).includes('WebPage')),
  );
  const art = candidates[0];
  if (!art) return {};
  return {
    headline: str(art.headline) ?? str(art.name),
    author: names(art.author),
    datePublished: str(art.datePublished) ?? str(art.dateCreated),
    publisher: names(art.publisher),
    url: str(art.url) ?? str(art.mainEntityOfPage),
    inLanguage: str(art.inLanguage),
    description: str(art.description),
    articleBody: str(art.articleBody),
  };
}

function str(v: JsonValue | undefined): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof v['@id'] === 'string') return v['@id'];
  return undefined;
}

function names(v: JsonValue | undefined): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  const list = Array.isArray(v) ? v : v ? [v] : [];
  const out = list
    .map((x) =>
      typeof x === 'string' ? x : x && typeof x === 'object' && !Array.isArray(x) ? str(x.name) : undefined,
    )
    .filter((x): x is string => !!x);
  return out.length ? out.join(', ') : undefined;
}

function clean(s: string | undefined | null): string | undefined {
  // Capped: a hostile page can put megabytes in a <title> or meta tag.
  const t = s?.slice(0, 2000).replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** Normalises a page's date string to ISO 8601; undefined when it is not a date. */
export function toIsoDate(raw: string | undefined | null): string | undefined {
  const s = raw?.trim();
  if (!s) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  // Compact forms such as 20191123 or 20191123T100000Z.
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?/.exec(s);
  const ms =
    compact && !/[-/]/.test(s.slice(0, 8))
      ? Date.UTC(
          +compact[1],
          +compact[2] - 1,
          +compact[3],
          +(compact[4] ?? 0),
          +(compact[5] ?? 0),
          +(compact[6] ?? 0),
        )
      : Date.parse(s);
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (y < 1900 || y > 2200) return undefined;
  return d.toISOString();
}
