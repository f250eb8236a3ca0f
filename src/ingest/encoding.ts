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
  const unicode = unicodeByBom(bytes);
  if (unicode) {
    const { text, invalidAt } = decodeUnicode(bytes, unicode);
    return {
      text,
      encoding: unicode.encoding,
      source: 'bom',
      ...(invalidAt >= 0 ? { warning: replacedWarning(bytes, invalidAt, unicode.encoding) } : {}),
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
    const at = firstInvalidUtf8(bytes);
    if (options.invalidUtf8 === 'refuse') {
      throw new IngestError(
        `the bytes are not valid UTF-8 and no charset is declared (${invalidByte(bytes, at)}; send a charset in Content-Type or <meta charset>)`,
      );
    }
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      encoding: 'utf-8',
      source: 'default',
      warning: `${replacedWarning(bytes, at, 'utf-8')} (no charset declared)`,
    };
  }
}

/*
 * Text inputs (a .txt file, standard input, a JSONL line): one decoder for every command. A BOM says
 * UTF-8 or UTF-16 (UTF-16 without a BOM is recognised by its zero bytes); otherwise the bytes must
 * be UTF-8. Binary data (NUL bytes early on) and invalid bytes are refused with the exact offset.
 */

/** Bytes scanned for NUL to tell binary data from text. */
export const BINARY_PROBE_BYTES = 65536;

interface UnicodeForm {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Bytes of the byte-order mark (0 when the form was recognised without one). */
  bom: number;
}

function unicodeByBom(bytes: Uint8Array): UnicodeForm | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', bom: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: most code units of Latin-script text have a zero high byte, so one byte of
 * each pair is zero far more often than the other. Needs a few dozen characters to be sure.
 */
function utf16WithoutBom(bytes: Uint8Array): UnicodeForm | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 32) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return { encoding: 'utf-16le', bom: 0 };
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return { encoding: 'utf-16be', bom: 0 };
  return null;
}

/** Decodes a Unicode form, also when invalid (then with U+FFFD), with the offset of the first bad byte. */
function decodeUnicode(bytes: Uint8Array, form: UnicodeForm): { text: string; invalidAt: number } {
  const body = bytes.subarray(form.bom);
  try {
    return { text: new TextDecoder(form.encoding, { fatal: true }).decode(body), invalidAt: -1 };
  } catch {
    const at = form.encoding === 'utf-8' ? firstInvalidUtf8(body) : firstInvalidUtf16(body, form.encoding);
    return { text: new TextDecoder(form.encoding).decode(body), invalidAt: at < 0 ? -1 : at + form.bom };
  }
}

/** Byte offset of the first byte that is not part of valid UTF-8 (WHATWG rules), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Byte offset of the first unpaired surrogate in UTF-16 (or of a trailing odd byte), or -1. */
function firstInvalidUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): number {
  const unit = (i: number) =>
    encoding === 'utf-16le' ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) return i;
  }
  return bytes.length % 2 === 1 ? bytes.length - 1 : -1;
}

/** "the byte 0xFF at offset 116 (line 3, column 5)": where a decoding went wrong, exactly. */
export function invalidByte(bytes: Uint8Array, at: number, base = 0): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return `the byte 0x${hex} at offset ${base + at} (line ${line}, byte ${at - lineStart + 1} of the line)`;
}

function replacedWarning(bytes: Uint8Array, at: number, encoding: string): string {
  return `invalid ${encoding.toUpperCase()} (first: ${invalidByte(bytes, at)}) was replaced by U+FFFD`;
}

/** A text input refused: binary, or not valid in its encoding. The message says what, where and why. */
export class DecodeError extends IngestError {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

/**
 * Decodes a text input for every command alike: `where` names it in messages. Refuses binary data (a
 * NUL byte in the first 64 KB, unless the text is UTF-16) and invalid bytes, with their exact offset.
 */
export function decodeTextBytes(bytes: Uint8Array, where: string): DecodedText {
  const form = unicodeByBom(bytes) ?? utf16WithoutBom(bytes);
  if (!form || form.encoding === 'utf-8') {
    const probe = bytes.subarray(0, BINARY_PROBE_BYTES);
    const nul = probe.indexOf(0);
    if (nul >= 0)
      throw new DecodeError(
        `${where} contains a NUL byte at offset ${nul}: it looks like binary data, not text`,
      );
  }
  const { text, invalidAt } = decodeUnicode(bytes, form ?? { encoding: 'utf-8', bom: 0 });
  if (invalidAt >= 0) {
    const encoding = (form?.encoding ?? 'utf-8').toUpperCase();
    throw new DecodeError(
      `${where} is not valid ${encoding}: ${invalidByte(bytes, invalidAt)}; convert it to UTF-8 first`,
    );
  }
  return { text, encoding: form?.encoding ?? 'utf-8', source: form?.bom ? 'bom' : 'default' };
}
