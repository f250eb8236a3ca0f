/**
 * Linear-time removal of the heavy parts of an HTML page that never hold article text (scripts,
 * styles, inline SVG, comments, templates) before it is parsed into a DOM: pages are often more
 * script than text, and the DOM parser and Readability pay for every node. JSON-LD blocks are kept
 * aside because they carry metadata (and sometimes the whole article body).
 *
 * Declarations (`<!DOCTYPE …>`, `<![CDATA[…`, any other `<!…>`) and processing instructions
 * (`<?…>`) go too, each up to its first `>` as an HTML tokenizer reads them (bogus comments). linkedom
 * takes every `<!DOCTYPE` it parses, in a fragment too, as the document's and relinks the document's
 * node list, and keeps `<![CDATA[…` as a comment that may contain `-->`, which it serialises
 * verbatim: Readability's `innerHTML` round trip of such a page then put a DOCTYPE inside `<body>`,
 * and its next pass over the broken list never ended (a fuzz input of 26 characters,
 * `<m><![CDATA[--><!DOCTYPE h`, hung a test worker).
 */
export interface PreparedHtml {
  html: string;
  /** Raw contents of `<script type="application/ld+json">` blocks, in page order. */
  jsonLd: string[];
}

/** Elements whose whole content is dropped; each is removed up to its closing tag. */
const DROPPED_ELEMENTS = ['script', 'style', 'svg', 'noscript', 'template', 'iframe', 'object'];

/** Removes dropped elements and comments in one left-to-right pass (no backtracking regexes). */
export function prepareHtml(html: string): PreparedHtml {
  // ASCII-only lowering keeps every index equal to the original's (toLowerCase may not: 'İ').
  const lower = html.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  const out: string[] = [];
  const jsonLd: string[] = [];
  let pos = 0;
  let copyFrom = 0;
  const n = html.length;
  while (pos < n) {
    const lt = lower.indexOf('<', pos);
    if (lt < 0) break;
    if (lower.startsWith('<!--', lt)) {
      const end = lower.indexOf('-->', lt + 4);
      out.push(html.slice(copyFrom, lt));
      pos = copyFrom = end < 0 ? n : end + 3;
      continue;
    }
    if (lower[lt + 1] === '!' || lower[lt + 1] === '?') {
      const end = lower.indexOf('>', lt + 2);
      out.push(html.slice(copyFrom, lt));
      pos = copyFrom = end < 0 ? n : end + 1;
      continue;
    }
    const name = tagNameAt(lower, lt + 1);
    if (name && DROPPED_ELEMENTS.includes(name)) {
      const openEnd = lower.indexOf('>', lt);
      if (openEnd < 0) break;
      const close = lower.indexOf(`</${name}`, openEnd + 1);
      const closeEnd = close < 0 ? n : lower.indexOf('>', close);
      if (name === 'script' && /application\/ld\+json/.test(lower.slice(lt, openEnd))) {
        jsonLd.push(html.slice(openEnd + 1, close < 0 ? n : close));
      }
      out.push(html.slice(copyFrom, lt));
      // A self-closed <svg/> or <iframe/> has no content to skip.
      const selfClosed = lower[openEnd - 1] === '/';
      pos = copyFrom = selfClosed ? openEnd + 1 : closeEnd < 0 ? n : closeEnd + 1;
      continue;
    }
    pos = lt + 1;
  }
  out.push(html.slice(copyFrom));
  return { html: out.join(''), jsonLd };
}

function tagNameAt(lower: string, i: number): string | undefined {
  let j = i;
  while (j < lower.length && j - i < 10) {
    const c = lower.charCodeAt(j);
    if (c >= 97 && c <= 122) j++;
    else break;
  }
  if (j === i) return undefined;
  const next = lower[j];
  if (next !== undefined && next !== '>' && next !== '/' && !/\s/.test(next)) return undefined;
  return lower.slice(i, j);
}
