/**
 * Feed parsing: RSS 2.0 (and 0.9x), RSS 1.0 (RDF), Atom 1.0, JSON Feed 1.x, and OPML lists of
 * feeds, into one entry shape. Entries keep their HTML content; turning it into text (or fetching
 * the linked page when the feed holds only a summary) is `readSources`' job.
 */
import { z } from 'zod';
import { toIsoDate } from './metadata.js';
import { IngestError } from './types.js';
import {
  parseXml,
  rawHtml,
  xmlAttr,
  xmlChild,
  xmlList,
  xmlText,
  type XmlNode,
  type XmlValue,
} from './xml.js';

/** One feed entry. */
export interface FeedEntry {
  /** guid / id / link: what identifies the entry across polls. */
  id?: string;
  url?: string;
  title?: string;
  author?: string;
  published?: string;
  /** The entry's full content as HTML (content:encoded, Atom content, content_html). */
  contentHtml?: string;
  /** Plain-text full content (JSON Feed content_text). */
  contentText?: string;
  /** A summary or description (HTML). */
  summaryHtml?: string;
  language?: string;
}

export interface ParsedFeed {
  kind: 'rss' | 'rdf' | 'atom' | 'json';
  title?: string;
  link?: string;
  language?: string;
  entries: FeedEntry[];
}

/** A feed reference from an OPML file. */
export interface OpmlFeed {
  url: string;
  title?: string;
}

export type DocumentKind = 'rss' | 'rdf' | 'atom' | 'json-feed' | 'opml' | 'html' | 'xml' | 'json' | 'text';

/** How far into a document its prolog (declaration, comments, DOCTYPE) is followed to the root element. */
const PROLOG_SCAN_CHARS = 1_000_000;

/**
 * The root element's name, after the XML declaration, comments, processing instructions and DOCTYPE
 * however long they are (a licence comment of several KB is common), or null when none is found.
 */
export function rootElementName(text: string): string | null {
  const limit = Math.min(text.length, PROLOG_SCAN_CHARS);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const skipTo = (close: string, from: number) => {
    const end = text.indexOf(close, from);
    return end < 0 || end > limit ? -1 : end + close.length;
  };
  while (i < limit) {
    while (i < limit && /\s/.test(text[i])) i++;
    if (text.startsWith('<?', i)) i = skipTo('?>', i + 2);
    else if (text.startsWith('<!--', i)) i = skipTo('-->', i + 4);
    else if (/^<!DOCTYPE/i.test(text.slice(i, i + 9))) {
      const bracket = text.indexOf('[', i);
      const close = text.indexOf('>', i);
      i = bracket >= 0 && bracket < close ? skipTo(']', bracket) : close;
      if (i >= 0) i = skipTo('>', i);
    } else break;
    if (i < 0) return null;
  }
  const m = /^<([A-Za-z_][\w:.-]*)/.exec(text.slice(i, i + 200));
  return m ? m[1] : null;
}

/** Guesses what a fetched or read document is from its first bytes (and media type when known). */
export function sniffDocument(text: string, contentType = ''): DocumentKind {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{'))
    return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(text.slice(0, 20000))
      ? 'json-feed'
      : 'json';
  const name = head.startsWith('<') ? rootElementName(text)?.toLowerCase() : undefined;
  if (name === 'rss') return 'rss';
  if (name === 'rdf:rdf') return 'rdf';
  if (name === 'feed') return 'atom';
  if (name === 'opml') return 'opml';
  if (name === 'html' || /^<!doctype html/i.test(head) || /html/.test(contentType)) return 'html';
  if (name) return /<(html|body|div|p)\b/i.test(head) ? 'html' : 'xml';
  return 'text';
}

/** Parses an RSS, RDF, Atom or JSON feed; throws `IngestError` when it is none of them. */
export function parseFeed(text: string): ParsedFeed {
  const kind = sniffDocument(text);
  if (kind === 'json-feed') return parseJsonFeed(text);
  if (kind !== 'rss' && kind !== 'rdf' && kind !== 'atom') {
    throw new IngestError(`not a feed: the document looks like ${kind}`);
  }
  const doc = parseXml(text);
  if (kind === 'atom') return parseAtom(asNode(doc.feed));
  if (kind === 'rdf') {
    const rdf = asNode(doc['rdf:RDF']);
    const channel = xmlChild(rdf, 'channel');
    return {
      kind: 'rdf',
      ...channelFields(channel),
      entries: xmlList(rdf.item).map(rssEntry),
    };
  }
  const channel = xmlChild(doc.rss, 'channel');
  if (!channel) throw new IngestError('RSS document without a <channel>');
  return {
    kind: 'rss',
    ...channelFields(channel),
    entries: xmlList(xmlChild(channel, 'item')).map(rssEntry),
  };
}

function asNode(v: XmlValue | undefined): XmlNode {
  if (!v || typeof v === 'string') return {};
  return Array.isArray(v) ? asNode(v[0]) : v;
}

function channelFields(channel: XmlValue | undefined): Pick<ParsedFeed, 'title' | 'link' | 'language'> {
  const out: Pick<ParsedFeed, 'title' | 'link' | 'language'> = {};
  const title = xmlText(xmlChild(channel, 'title'));
  if (title) out.title = title;
  const link = xmlText(xmlChild(channel, 'link'));
  if (link) out.link = link;
  const language = xmlText(xmlChild(channel, 'language')) ?? xmlText(xmlChild(channel, 'dc:language'));
  if (language) out.language = language;
  return out;
}

function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}

function rssEntry(item: XmlValue): FeedEntry {
  const link = xmlText(xmlChild(item, 'link')) ?? xmlAttr(item, 'rdf:about');
  const guid = xmlChild(item, 'guid');
  const guidText = xmlText(guid);
  const guidIsLink = guidText && /^https?:\/\//.test(guidText) && xmlAttr(guid, 'isPermaLink') !== 'false';
  return compact({
    id: guidText ?? link,
    url: link ?? (guidIsLink ? guidText : undefined),
    title: xmlText(xmlChild(item, 'title')),
    author: xmlText(xmlChild(item, 'dc:creator')) ?? xmlText(xmlChild(item, 'author')),
    published: toIsoDate(xmlText(xmlChild(item, 'pubDate')) ?? xmlText(xmlChild(item, 'dc:date'))),
    contentHtml: rawHtml(xmlChild(item, 'content:encoded')),
    summaryHtml: rawHtml(xmlChild(item, 'description')),
    language: xmlText(xmlChild(item, 'dc:language')),
  });
}

function parseAtom(feed: XmlNode): ParsedFeed {
  const out: ParsedFeed = { kind: 'atom', entries: xmlList(feed.entry).map(atomEntry) };
  const title = xmlText(feed.title);
  if (title) out.title = title;
  const link = atomLink(feed.link);
  if (link) out.link = link;
  const lang = xmlAttr(feed, 'xml:lang');
  if (lang) out.language = lang;
  return out;
}

/** The alternate (or first rel-less) link of an Atom element. */
function atomLink(links: XmlValue | undefined): string | undefined {
  const list = xmlList(links);
  const alt = list.find((l) => (xmlAttr(l, 'rel') ?? 'alternate') === 'alternate') ?? list[0];
  return xmlAttr(alt, 'href') ?? xmlText(alt);
}

function atomContent(v: XmlValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  const type = xmlAttr(v, 'type') ?? 'text';
  if (type === 'xhtml') return rawHtml(v, true);
  const html = rawHtml(v);
  if (!html) return undefined;
  // Atom type="text" is plain text: escape it so the HTML-to-text step keeps it literal.
  return type === 'text'
    ? html
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/\n\s*\n/g, '<p>')
    : html;
}

function atomEntry(entry: XmlValue): FeedEntry {
  const url = atomLink(xmlChild(entry, 'link'));
  const author = xmlList(xmlChild(entry, 'author'))
    .map((a) => xmlText(xmlChild(a, 'name')))
    .filter((x): x is string => !!x)
    .join(', ');
  return compact({
    id: xmlText(xmlChild(entry, 'id')) ?? url,
    url,
    title: xmlText(xmlChild(entry, 'title')),
    author: author || undefined,
    published: toIsoDate(xmlText(xmlChild(entry, 'published')) ?? xmlText(xmlChild(entry, 'updated'))),
    contentHtml: atomContent(xmlChild(entry, 'content')),
    summaryHtml: atomContent(xmlChild(entry, 'summary')),
    language: xmlAttr(entry, 'xml:lang'),
  });
}

const JsonFeedAuthor = z.object({ name: z.string().optional() }).passthrough();
const JsonFeedSchema = z.object({
  version: z.string(),
  title: z.string().optional(),
  home_page_url: z.string().optional(),
  language: z.string().optional(),
  items: z.array(
    z
      .object({
        id: z.union([z.string(), z.number()]).transform(String).optional(),
        url: z.string().optional(),
        external_url: z.string().optional(),
        title: z.string().optional(),
        content_html: z.string().optional(),
        content_text: z.string().optional(),
        summary: z.string().optional(),
        date_published: z.string().optional(),
        author: JsonFeedAuthor.optional(),
        authors: z.array(JsonFeedAuthor).optional(),
        language: z.string().optional(),
      })
      .passthrough(),
  ),
});

function parseJsonFeed(text: string): ParsedFeed {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new IngestError(`bad JSON feed: ${(err as Error).message}`);
  }
  const parsed = JsonFeedSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IngestError(
      `bad JSON feed: ${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'schema mismatch'}`,
    );
  }
  const f = parsed.data;
  return compact({
    kind: 'json' as const,
    title: f.title,
    link: f.home_page_url,
    language: f.language,
    entries: f.items.map((i) =>
      compact({
        id: i.id ?? i.url,
        url: i.url ?? i.external_url,
        title: i.title,
        author:
          (i.authors ?? (i.author ? [i.author] : []))
            .map((a) => a.name)
            .filter(Boolean)
            .join(', ') || undefined,
        published: toIsoDate(i.date_published),
        contentHtml: i.content_html,
        contentText: i.content_text,
        summaryHtml: i.summary?.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
        language: i.language,
      }),
    ),
  });
}

/** The feeds an OPML subscription list names, in document order (nested outlines included). */
export function parseOpml(text: string): OpmlFeed[] {
  const doc = parseXml(text);
  const body = xmlChild(doc.opml, 'body');
  if (!body) throw new IngestError('OPML document without a <body>');
  const out: OpmlFeed[] = [];
  // Depth-capped: outline nesting in real lists is a few levels (folders of feeds).
  const visit = (list: XmlValue[], depth: number): void => {
    if (depth > 50) return;
    for (const o of list) {
      const url = xmlAttr(o, 'xmlUrl');
      if (url) {
        const title = xmlAttr(o, 'title') ?? xmlAttr(o, 'text');
        out.push(title ? { url, title } : { url });
      }
      visit(xmlList(xmlChild(o, 'outline')), depth + 1);
    }
  };
  visit(xmlList(xmlChild(body, 'outline')), 0);
  return out;
}
