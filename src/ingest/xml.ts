/**
 * XML parsing for feeds and OPML with fast-xml-parser, entity processing off and internal DTD
 * subsets refused: a `<!DOCTYPE … [ <!ENTITY … > ]>` is how billion-laughs and external-entity
 * attacks start, and no real feed needs one. A bare external DOCTYPE (old RSS 0.91 feeds) is
 * ignored, never fetched. Malformed XML is reported with its line and column.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { IngestError } from './types.js';

/** A parsed XML node: text, attributes (`@_name`), CDATA (`__cdata`), children. */
export type XmlValue = string | XmlNode | XmlValue[];
export interface XmlNode {
  [key: string]: XmlValue | undefined;
}

/** Elements whose raw inner markup is kept as a string: HTML-bearing feed fields. */
const RAW_CONTENT = ['*.description', '*.content:encoded', '*.content', '*.summary'];
const LISTS = new Set(['item', 'entry', 'outline', 'link', 'category', 'author']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: '__cdata',
  stopNodes: RAW_CONTENT,
  isArray: (name) => LISTS.has(name),
});

/** Parses an XML document safely; throws `IngestError` saying why it was refused. */
export function parseXml(xml: string): XmlNode {
  const head = xml.slice(0, 100_000);
  const doctype = /<!DOCTYPE/i.exec(head);
  if (doctype) {
    const decl = head.slice(doctype.index, doctype.index + 4000);
    const end = decl.indexOf('>');
    const subsetOpen = decl.indexOf('[');
    if (/<!ENTITY/i.test(xml) || (subsetOpen >= 0 && (end < 0 || subsetOpen < end))) {
      throw new IngestError('refused: the document declares entities (DOCTYPE), a billion-laughs risk');
    }
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new IngestError(
      `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
    );
  }
  return parser.parse(xml) as XmlNode;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references in one pass. */
export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (m, ref: string) => {
    if (ref[0] !== '#') return XML_ENTITIES[ref];
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
      ? String.fromCodePoint(code)
      : m;
  });
}

/** The text of a node: its text and CDATA parts, entities decoded in the text parts. */
export function xmlText(v: XmlValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return decodeXmlEntities(v).trim() || undefined;
  if (Array.isArray(v)) return xmlText(v[0]);
  const parts: string[] = [];
  const text = v['#text'];
  if (typeof text === 'string') parts.push(decodeXmlEntities(text));
  const cdata = v.__cdata;
  if (typeof cdata === 'string') parts.push(cdata);
  else if (Array.isArray(cdata)) parts.push(...cdata.filter((c): c is string => typeof c === 'string'));
  return parts.join('').trim() || undefined;
}

/**
 * The HTML inside a raw-kept element (`RAW_CONTENT`): CDATA sections are HTML as written; outside
 * them, escaped HTML (`&lt;p&gt;`) is unescaped, unless the element holds XHTML markup itself.
 */
export function rawHtml(v: XmlValue | undefined, xhtml = false): string | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return rawHtml(v[0], xhtml);
  const raw = typeof v === 'string' ? v : typeof v['#text'] === 'string' ? v['#text'] : undefined;
  if (raw === undefined) return undefined;
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    const start = raw.indexOf('<![CDATA[', pos);
    const plain = raw.slice(pos, start < 0 ? raw.length : start);
    out.push(xhtml ? plain : decodeXmlEntities(plain));
    if (start < 0) break;
    const end = raw.indexOf(']]>', start + 9);
    out.push(raw.slice(start + 9, end < 0 ? raw.length : end));
    if (end < 0) break;
    pos = end + 3;
  }
  return out.join('').trim() || undefined;
}

/** An attribute of a node, when the node is an element. */
export function xmlAttr(v: XmlValue | undefined, name: string): string | undefined {
  if (!v || typeof v === 'string' || Array.isArray(v)) return undefined;
  const a = v[`@_${name}`];
  return typeof a === 'string' ? decodeXmlEntities(a) : undefined;
}

/** A child as a list (absent → empty). */
export function xmlList(v: XmlValue | undefined): XmlValue[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

/** A child that is an element node. */
export function xmlChild(v: XmlValue | undefined, name: string): XmlValue | undefined {
  if (!v || typeof v === 'string') return undefined;
  if (Array.isArray(v)) return xmlChild(v[0], name);
  return v[name];
}
