/**
 * Article extraction from HTML: Readability (Firefox Reader View) on a linkedom DOM, plus metadata,
 * a boilerplate cleanup driven by data/ingest/boilerplate.json, and fallbacks (JSON-LD articleBody,
 * the densest paragraph block) when Readability finds nothing or too little.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanParagraphs, getBoilerplate, removeFurniture, type LinkedomElement } from './boilerplate.js';
import { domBlocks, type DomNode, type TextBlock } from './dom-text.js';
import { prepareHtml } from './html-prep.js';
import { readMetadata, type MetaDocument, type PageMetadata } from './metadata.js';
import { detectLanguage } from './language.js';

/** The result of `extractArticle`. */
export interface ExtractedArticle extends Omit<PageMetadata, 'jsonLdBody' | 'description' | 'documentTitle'> {
  /** Plain text, paragraphs separated by a blank line; never contains markup. */
  text: string;
  paragraphs: string[];
  /** Which method produced the text. */
  method: 'readability' | 'json-ld' | 'densest-block' | 'none';
  description?: string;
}

/** Pages larger than this are cut before parsing: no article needs more, and DOM cost is linear. */
export const MAX_HTML_CHARS = 8_000_000;
/** Captions are furniture wherever they are. */
const CAPTIONS: ReadonlySet<string> = new Set(['FIGCAPTION']);
/** Readability output shorter than this (characters) is checked against the fallbacks. */
const SHORT_TEXT = 500;

/**
 * Extracts the article text and metadata of a page. Never throws on bad HTML: a page without an
 * article gives `text: ''` and `method: 'none'`.
 */
export function extractArticle(html: string, url?: string): ExtractedArticle {
  const source = html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html;
  const prepared = prepareHtml(source);
  const markup = capTags(prepared.html);
  const wrapped = /<html[\s>]/i.test(markup)
    ? markup
    : `<!DOCTYPE html><html><head></head><body>${markup}</body></html>`;
  const { document } = parseHTML(wrapped);
  const meta = readMetadata(document as unknown as MetaDocument, prepared.jsonLd, url);
  const bp = getBoilerplate();

  let readabilityRan = false;

  let paragraphs: string[] = [];
  let method: ExtractedArticle['method'] = 'none';
  let readabilityTitle: string | undefined;
  let readabilityByline: string | undefined;
  // Readability's cost grows faster than linearly with nesting depth and element count; pages
  // beyond these bounds (real articles are far below) go straight to the linear fallbacks.
  const shape = domShape(document as unknown as { body: LinkedomElement | null });
  const tractable = shape.depth <= MAX_READABILITY_DEPTH && shape.nodes <= MAX_READABILITY_NODES;
  if (tractable)
    try {
      readabilityRan = true;
      removeFurniture(document as unknown as { body: LinkedomElement | null }, bp);
      const reader = new Readability<DomNode>(
        document as unknown as ConstructorParameters<typeof Readability>[0],
        {
          serializer: (node) => node as unknown as DomNode,
          // News briefs of 300–500 characters pass on the first attempt instead of three retries.
          charThreshold: 300,
        },
      );
      const result = reader.parse();
      if (result?.content) {
        paragraphs = cleanParagraphs(domBlocks(result.content, { skip: CAPTIONS }), bp);
        method = 'readability';
        readabilityTitle = result.title ?? undefined;
        readabilityByline = result.byline ?? undefined;
      }
    } catch {
      // Readability can fail on odd DOMs; the fallbacks below take over.
    }

  const length = (ps: string[]): number => ps.reduce((n, p) => n + p.length, 0);
  if (length(paragraphs) < SHORT_TEXT) {
    const ld = meta.jsonLdBody
      ? cleanParagraphs(
          splitPlainText(meta.jsonLdBody).map((text) => ({ text, linkRatio: 0 })),
          bp,
        )
      : [];
    // Readability rewrote the document, so the fallback reads a fresh parse (rarely needed).
    // An intractable page is read as it is: furniture removal is itself superlinear in depth.
    let fallbackDoc = document as unknown as { body: LinkedomElement | null };
    if (readabilityRan) {
      fallbackDoc = parseHTML(wrapped).document as unknown as { body: LinkedomElement | null };
      removeFurniture(fallbackDoc, bp);
    }
    const densest = densestBlock(fallbackDoc);
    // Loose text blocks (a page without <p>) only stand in for nothing, never for a short article.
    const block = densest.loose && paragraphs.length > 0 ? [] : cleanParagraphs(densest.blocks, bp);
    const best =
      length(ld) >= length(block)
        ? { ps: ld, m: 'json-ld' as const }
        : { ps: block, m: 'densest-block' as const };
    if (length(best.ps) > length(paragraphs)) {
      paragraphs = best.ps;
      method = best.m;
    }
  }

  // The headline repeated inside the body (kept by Readability from an <h1>) is not body text.
  const headline = norm(meta.title ?? readabilityTitle ?? '');
  if (headline) paragraphs = paragraphs.filter((p) => norm(p) !== headline);
  const text = paragraphs.join('\n\n');
  const out: ExtractedArticle = {
    text,
    paragraphs,
    method: text ? method : 'none',
  };
  // Readability's title is the <title> with the site name trimmed off when it can tell.
  const title =
    meta.title ?? stripSiteName(readabilityTitle ?? meta.documentTitle, meta.outlet, paragraphs[0]);
  if (title) out.title = title;
  const byline = meta.byline ?? cleanByline(readabilityByline);
  if (byline) out.byline = byline;
  for (const k of PASSED_ON) if (meta[k] !== undefined) Object.assign(out, { [k]: meta[k] });
  Object.assign(out, articleLanguage(text, meta));
  return out;
}

/** The page's own metadata fields an extracted article carries as they are. */
const PASSED_ON = [
  'authors',
  'published',
  'publishedFrom',
  'modified',
  'modifiedFrom',
  'outlet',
  'outletFrom',
  'canonicalUrl',
  'description',
] as const satisfies ReadonlyArray<keyof PageMetadata>;

/** Texts at least this long are told apart reliably (eld was right on every 120-character lead measured). */
const DETECTABLE_CHARS = 120;

/**
 * The article's language: detected from its text when the text is long enough to tell (pages
 * declare the site's language, not always the article's: an English article on a German site),
 * else the page's declaration, else a detection from a short text.
 */
function articleLanguage(
  text: string,
  meta: PageMetadata,
): Pick<ExtractedArticle, 'language' | 'languageFrom'> {
  const detected = detectLanguage(text);
  if (detected && (text.length >= DETECTABLE_CHARS || !meta.language))
    return { language: detected, languageFrom: 'detected' };
  if (meta.language) return { language: meta.language, languageFrom: meta.languageFrom };
  return {};
}

/** Most `<` characters parsed: DOM cost follows node count (a 1 MB article page has ~20,000). */
const MAX_TAGS = 150_000;

/** The HTML cut before its MAX_TAGS-th `<`, so hostile tag soup cannot make millions of nodes. */
function capTags(html: string): string {
  let pos = -1;
  for (let n = 0; n < MAX_TAGS; n++) {
    pos = html.indexOf('<', pos + 1);
    if (pos < 0) return html;
  }
  return html.slice(0, pos);
}

/** Real article pages nest 20–60 levels deep and hold a few thousand elements (the 95 benchmark pages: at most ~15,000 nodes). */
const MAX_READABILITY_DEPTH = 120;
const MAX_READABILITY_NODES = 60_000;

/** The node count (elements and text) and deepest nesting of the body, walked iteratively. */
function domShape(document: { body: LinkedomElement | null }): { depth: number; nodes: number } {
  if (!document.body) return { depth: 0, nodes: 0 };
  let depth = 0;
  let nodes = 0;
  const stack: Array<[DomNode, number]> = [[document.body, 1]];
  while (stack.length > 0) {
    const [node, d] = stack.pop()!;
    nodes++;
    if (d > depth) depth = d;
    if (depth > MAX_READABILITY_DEPTH || nodes > MAX_READABILITY_NODES) break;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) {
      if (kids[i].nodeType === 1) stack.push([kids[i], d + 1]);
      else nodes++;
    }
  }
  return { depth, nodes };
}

/** The paragraphs of the element with the most direct-child paragraph text: a Readability fallback. */
function densestBlock(document: { body: LinkedomElement | null }): { blocks: TextBlock[]; loose: boolean } {
  const body = document.body;
  if (!body) return { blocks: [], loose: false };
  const score = new Map<LinkedomElement, number>();
  for (const p of Array.from(body.querySelectorAll('p'))) {
    const parent = p.parentNode;
    if (!parent) continue;
    const len = (p.textContent ?? '').trim().length;
    if (len < 40) continue;
    score.set(parent, (score.get(parent) ?? 0) + len);
  }
  let best: LinkedomElement | undefined;
  let bestScore = 0;
  for (const [el, s] of score) {
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  if (best) return { blocks: domBlocks(best), loose: false };
  // No paragraphs at all (text in divs and spans): every long, mostly unlinked block.
  return { blocks: domBlocks(body).filter((b) => b.text.length >= 40 && b.linkRatio < 0.5), loose: true };
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function splitPlainText(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n/)
    .map((p) => p.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * A document title without its site-name part ("Rail strike called off | Northern Post"): cut when
 * the part names the outlet, or when the article's first paragraph (its heading) is the rest.
 */
function stripSiteName(
  title: string | undefined,
  outlet: string | undefined,
  heading: string | undefined,
): string | undefined {
  if (!title) return undefined;
  if (title.length > 400) return title.slice(0, 400);
  const m = /^(.{8,}?)\s+[|\-–—:·•»]\s+(.{2,80})$/u.exec(title);
  if (!m) return title;
  const [, head, tail] = m;
  const norm = (x: string): string => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  if ((outlet && norm(tail) === norm(outlet)) || (heading && norm(heading) === norm(head))) return head;
  return title;
}

function cleanByline(byline: string | undefined): string | undefined {
  const b = byline?.replace(/\s+/g, ' ').trim();
  if (!b || b.length > 120) return undefined;
  return b.replace(/^by\s+/i, '');
}

/** The item fields an extracted page gives beyond its text (dates, outlet, language, with where each was read). */
export function pageFields(
  a: ExtractedArticle,
): Pick<
  ExtractedArticle,
  | 'title'
  | 'byline'
  | 'authors'
  | 'published'
  | 'publishedFrom'
  | 'modified'
  | 'modifiedFrom'
  | 'outlet'
  | 'outletFrom'
  | 'language'
  | 'languageFrom'
> {
  const { title, byline, authors, published, publishedFrom, modified, modifiedFrom, outlet, outletFrom } = a;
  return {
    title,
    byline,
    authors,
    published,
    publishedFrom,
    modified,
    modifiedFrom,
    outlet,
    outletFrom,
    language: a.language,
    languageFrom: a.languageFrom,
  };
}
