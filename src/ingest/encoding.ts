/**
 * Bytes → text for fetched or read documents: BOM, then the charset the HTTP header declares, then
 * the one the document declares (`<meta charset>`, `<?xml encoding?>`), then strict UTF-8. Decoding
 * uses TextDecoder, except windows-1252 (and its WHATWG aliases latin1 / iso-8859-1 / ascii), which
 * is decoded here because Node 20's TextDecoder maps bytes 0x80–0x9F to C1 controls instead of the
 * curly quotes, dashes and euro sign they stand for.
 */
import { IngestError } from './types.js';

export interface DecodedText {
  text: string;
  /** The WHATWG name of the encoding used. */
  encoding: string;
  /** Where the encoding came from. */
  source: 'bom' | 'header' | 'document' | 'default';
  /** Set when bytes were invalid and replaced by U+FFFD, or a declared charset was unknown. */
  warning?: string;
}

export interface DecodeOptions {
  /** The HTTP Content-Type header, whose charset parameter wins over the document's. */
  contentType?: string;
  /** Undeclared bytes that are not valid UTF-8: 'replace' (default, with a warning) or 'refuse'. */
  invalidUtf8?: 'replace' | 'refuse';
}

/** Bytes 0x80–0x9F of windows-1252; 0 marks the five undefined ones (decoded as the C1 control). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** The WHATWG canonical name of a charset label, or undefined when unknown. */
export function canonicalEncoding(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

function charsetOf(contentType: string | undefined): string | undefined {
  const m = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null;
  return m?.[1];
}

/** The charset a document declares in its first 4 KB (HTML meta or XML declaration). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1];
  const meta = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta?.[1];
}

/** Decodes a document's bytes; see the module comment for the order of evidence. */
export function decodeHtmlBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', source: 'bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      source: 'bom',
    };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      source: 'bom',
    };
  }
  let warning: string | undefined;
  const candidates: Array<['header' | 'document', string | undefined]> = [
    ['header', charsetOf(options.contentType)],
    ['document', declaredCharset(bytes)],
  ];
  for (const [source, label] of candidates) {
    if (!label) continue;
    let encoding = canonicalEncoding(label);
    if (!encoding) {
      warning = `unknown charset "${label}" declared; decoded as UTF-8`;
      continue;
    }
    // A page that says utf-16 in an ASCII-readable meta tag is not UTF-16 (WHATWG rule).
    if (source === 'document' && encoding.startsWith('utf-16')) encoding = 'utf-8';
    if (encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding, source };
    if (encoding === 'utf-8') break;
    return { text: new TextDecoder(encoding).decode(bytes), encoding, source };
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      source: 'default',
      ...(warning ? { warning } : {}),
    };
  } catch {
    if (options.invalidUtf8 === 'refuse') {
      throw new IngestError(
        'the bytes are not valid UTF-8 and no charset is declared (send a charset in Content-Type or <meta charset>)',
      );
    }
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      encoding: 'utf-8',
      source: 'default',
      warning: 'invalid UTF-8 bytes (no charset declared) were replaced by U+FFFD',
    };
  }
}
