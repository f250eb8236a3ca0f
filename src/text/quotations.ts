import type { Quotation, QuotationEnd, Token } from '../model/index.js';
import {
  DOUBLE_CLOSING_QUOTES,
  DOUBLE_OPENING_QUOTES,
  LEFT_DOUBLE_QUOTE,
  STRAIGHT_DOUBLE_QUOTE,
} from './quote-marks.js';

/** Quotations nest at most this deep ("… “lasting peace” …" inside '"…"'); deeper marks open nothing. */
const MAX_DEPTH = 2;

/** What may stand before an opening mark, and after a closing mark (a space, brackets, dashes, punctuation). */
const SPACE_BEFORE = /[\s([{\u2014-]/;
const SPACE_AFTER = /[\s.,;:!?)\]}\u2014-]/;

/** A quotation still open: its opening mark's token and whether that mark is straight. */
interface Open {
  at: number;
  straight: boolean;
  depth: number;
}

/**
 * The quotations of a text, in the order their first mark appears. Double quotes only: single
 * quotes are mostly apostrophes in news text. A closing mark closes the innermost open quotation
 * whatever its style, so mixed pairs ('"more hours”') work; an opening mark of the other style
 * inside a quotation nests, of the same style it means the first was never closed (`reopened`).
 * Quotations end at paragraph breaks: one left open is `continued` when the next paragraph
 * re-opens it (the convention for quotations running over several paragraphs), else `unclosed`.
 * A closing mark that closes nothing is a quotation without `open`.
 */
export function findQuotations(text: string, tokens: readonly Token[]): Quotation[] {
  const out: Quotation[] = [];
  const stack: Open[] = [];
  const end = (o: Open, tokenEnd: number, ended: QuotationEnd) => {
    const last = tokenEnd > o.at + 1 ? tokens[tokenEnd - 1] : tokens[o.at];
    out.push(quotation(text, tokens, o, tokenEnd, last.end, ended));
  };
  const endAll = (tokenEnd: number, ended: QuotationEnd) => {
    for (const o of stack) end(o, tokenEnd, ended);
    stack.length = 0;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (i > 0 && stack.length && text.slice(tokens[i - 1].end, tok.start).includes('\n')) {
      const ch = tok.kind === 'quote' ? text[tok.start] : '';
      endAll(i, ch === '“' || ch === STRAIGHT_DOUBLE_QUOTE || ch === '«' ? 'continued' : 'unclosed');
    }
    if (tok.kind !== 'quote' || tok.end - tok.start !== 1) continue;
    const straight = text[tok.start] === STRAIGHT_DOUBLE_QUOTE;
    const opens = opensQuotation(text, tok, stack.length === 0);
    if (opens === null) continue; // single quotes and other marks: apostrophes or rare styles
    if (opens) {
      if (stack.length && stack[stack.length - 1].straight === straight) endAll(i, 'reopened');
      const o = { at: i, straight, depth: stack.length };
      if (stack.length < MAX_DEPTH) stack.push(o);
      else end(o, i + 1, 'too-deep');
      continue;
    }
    const closed = stack.pop();
    if (closed) out.push(quotation(text, tokens, closed, i + 1, tok.end));
    else out.push(strayClose(text, tok, i));
  }
  endAll(tokens.length, 'unclosed');
  return out.sort((a, b) => a.tokenStart - b.tokenStart);
}

/** How `quotedTokens` reads a quotation that no mark closes before its paragraph ends. */
export interface QuotedReading {
  /**
   * Count an `unclosed` outermost quotation up to its paragraph's end. The attribution stage does not
   * (a quote's content needs its closing mark); the actors stage does: whoever speaks after an opening
   * mark is the quoted speaker, not the writer, even when the mark is never closed.
   */
  unclosed?: boolean;
}

/**
 * Which tokens are quoted: 1 for the tokens within an outermost quotation (inner quotations and
 * their marks included, its own marks not); a quotation that runs on into the next paragraph or is
 * re-opened counts up to where it ends. One never closed counts only with `reading.unclosed`; when
 * it does not, the closed quotations inside it still count ('"Ana said “we won” ⏎').
 */
export function quotedTokens(
  n: number,
  quotations: readonly Quotation[],
  reading: QuotedReading = {},
): Uint8Array {
  const inside = new Uint8Array(n);
  let outerCounted = false;
  for (const q of quotations) {
    if (!q.open) continue;
    if (q.depth === 0) {
      outerCounted = q.ended !== 'unclosed' || reading.unclosed === true;
      if (!outerCounted) continue;
    } else if (outerCounted || q.ended !== undefined) continue;
    inside.fill(1, q.tokenStart + 1, q.close ? q.tokenEnd - 1 : q.tokenEnd);
  }
  return inside;
}

function quotation(
  text: string,
  tokens: readonly Token[],
  o: Open,
  tokenEnd: number,
  end: number,
  ended?: QuotationEnd,
): Quotation {
  const mark = tokens[o.at];
  const close = ended ? undefined : tokens[tokenEnd - 1];
  // One object shape for every quotation (absent fields undefined, left out of JSON): it is built
  // for every quotation of every article.
  return {
    start: mark.start,
    end,
    text: text.slice(mark.start, end),
    depth: o.depth,
    open: { start: mark.start, end: mark.end, text: text.slice(mark.start, mark.end) },
    close: close && { start: close.start, end: close.end, text: text.slice(close.start, close.end) },
    ended,
    tokenStart: o.at,
    tokenEnd,
  };
}

/** A closing mark that closes nothing: a quotation of the mark alone, without `open`. */
function strayClose(text: string, tok: Token, at: number): Quotation {
  const mark = { start: tok.start, end: tok.end, text: text.slice(tok.start, tok.end) };
  return {
    ...mark,
    depth: 0,
    open: undefined,
    close: mark,
    ended: undefined,
    tokenStart: at,
    tokenEnd: at + 1,
  };
}

/**
 * Whether the one-character quote mark `tok` opens (true) or closes (false) a quotation, from its
 * style and its neighbours; null for marks that are no double quotes.
 */
function opensQuotation(text: string, tok: Token, nothingOpen: boolean): boolean | null {
  const ch = text[tok.start];
  const before = tok.start === 0 ? ' ' : text[tok.start - 1];
  const after = tok.end >= text.length ? ' ' : text[tok.end];
  const spaceBefore = SPACE_BEFORE.test(before);
  const spaceAfter = SPACE_AFTER.test(after);
  // A left mark used to close, after a word and before a space ('here,“ said'; German „so“ ist es).
  if (ch === LEFT_DOUBLE_QUOTE && !spaceBefore && spaceAfter) return false;
  if (DOUBLE_OPENING_QUOTES.has(ch)) return true;
  // A closing mark used to open ("\n”Fear. I am …”"): nothing open, space before, a word after.
  if (DOUBLE_CLOSING_QUOTES.has(ch)) return nothingOpen && /\s/.test(before) && /[\p{L}\p{N}]/u.test(after);
  if (ch !== STRAIGHT_DOUBLE_QUOTE) return null;
  if (spaceBefore && !spaceAfter) return true;
  if (!spaceBefore && spaceAfter) return false;
  return nothingOpen;
}
