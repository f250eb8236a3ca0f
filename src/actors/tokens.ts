import type { Doc, Token } from '../model/index.js';
import {
  CLOSING_GUILLEMETS,
  DOUBLE_CLOSING_QUOTES,
  DOUBLE_OPENING_QUOTES,
  OPENING_GUILLEMETS,
} from '../text/index.js';
import { wordKey } from './kb/keys.js';

/** Per-token facts the stage reads many times, computed once per document. */
export interface TokenView {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Comparison key of each token ("U.S." → "us"). */
  readonly keys: readonly string[];
  /** True when the token starts with an upper-case letter. */
  readonly capitalised: Uint8Array;
  /** True for tokens inside a direct quotation. */
  readonly quoted: Uint8Array;
  /** Sentence index of each token (all 0 when the document has no sentence layer). */
  readonly sentence: Int32Array;
}

const UPPER = /^\p{Lu}/u;
// Not the text stage's quotations: a simpler scan (toggling straight quotes, never over a line break).
const OPEN_QUOTES = new Set([...DOUBLE_OPENING_QUOTES, ...OPENING_GUILLEMETS]);
const CLOSE_QUOTES = new Set([...DOUBLE_CLOSING_QUOTES, ...CLOSING_GUILLEMETS]);

export function tokenView(doc: Pick<Doc, 'text' | 'tokens'> & Partial<Pick<Doc, 'sentences'>>): TokenView {
  const { text, tokens } = doc;
  const sentence = new Int32Array(tokens.length);
  (doc.sentences ?? []).forEach((s, k) =>
    sentence.fill(k, s.tokenStart, Math.min(s.tokenEnd, tokens.length)),
  );
  const keys = new Array<string>(tokens.length);
  const capitalised = new Uint8Array(tokens.length);
  const quoted = new Uint8Array(tokens.length);
  let inQuote = false;
  let prevEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const s = text.slice(t.start, t.end);
    keys[i] = wordKey(s);
    capitalised[i] = UPPER.test(s) ? 1 : 0;
    // Quotes never run across paragraphs: an unclosed one ends at the line break.
    if (text.slice(prevEnd, t.start).includes('\n')) inQuote = false;
    if (t.kind === 'quote') {
      if (OPEN_QUOTES.has(s)) inQuote = true;
      else if (CLOSE_QUOTES.has(s)) inQuote = false;
      else if (s === '"') inQuote = !inQuote;
    } else if (inQuote) quoted[i] = 1;
    prevEnd = t.end;
  }
  return { text, tokens, keys, capitalised, quoted, sentence };
}

export { tokenAtOrAfter } from '../text/index.js';

/** The key string of tokens [from, to), skipping empty keys. */
export function keyOf(view: TokenView, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const k = view.keys[i];
    if (k.length === 0) continue;
    out = out.length === 0 ? k : `${out} ${k}`;
  }
  return out;
}
