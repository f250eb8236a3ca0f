import type { Message, Token } from '../model/index.js';

/** Per-token quotation state, computed in one linear pass. */
export interface QuoteState {
  /** 1 when the token lies inside a quotation (quote marks themselves excluded). */
  inside: Uint8Array;
  /** 1 opening mark, 2 closing mark, 0 not a quote mark (or an apostrophe). */
  mark: Uint8Array;
  messages: Message[];
}

/** Unambiguous opening / closing marks; straight `"` is decided by its neighbours. */
const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»']);
/** Messages beyond this count are summarised in one, so hostile input cannot flood the result. */
const MAX_MESSAGES = 20;
/** Quotations nest at most this deep ("… “lasting peace” …" inside '"…"'); deeper marks are ignored. */
const MAX_DEPTH = 2;

/**
 * Finds which tokens are quoted. Double quotes only: single quotes are mostly apostrophes in news
 * text. A closing mark closes the innermost open quotation whatever its style, so mixed pairs
 * ('"more hours”') work; an opening mark of the other style inside a quotation nests, of the same
 * style it means the first was never closed. State resets at paragraph breaks, where a quotation
 * left open is an error unless the next paragraph re-opens it (the convention for quotations
 * running over several paragraphs).
 */
export function scanQuotes(text: string, tokens: readonly Token[]): QuoteState {
  const n = tokens.length;
  const inside = new Uint8Array(n);
  const mark = new Uint8Array(n);
  const messages: Message[] = [];
  let problems = 0;
  const report = (reason: string, start: number, end: number) => {
    problems++;
    if (problems <= MAX_MESSAGES) {
      messages.push({
        severity: 'warning',
        reason,
        origin: 'attribution:unclosed-quote',
        span: { start, end },
      });
    }
  };
  // Open marks, outermost first: token index and whether the mark is straight.
  const stack: Array<{ at: number; straight: boolean }> = [];
  const fillInside = (from: number, to: number) => {
    for (let k = from + 1; k < to; k++) inside[k] = 1;
  };
  for (let i = 0; i < n; i++) {
    const tok = tokens[i];
    if (i > 0 && stack.length && text.slice(tokens[i - 1].end, tok.start).includes('\n')) {
      // A paragraph break inside a quotation: fine only if the next paragraph re-opens it.
      const ch = tok.kind === 'quote' ? text[tok.start] : '';
      const outer = stack[0].at;
      if (ch === '“' || ch === '"' || ch === '«') fillInside(outer, i);
      else report(`unclosed quote at offset ${tokens[outer].start}`, tokens[outer].start, tokens[outer].end);
      stack.length = 0;
    }
    if (tok.kind !== 'quote' || tok.end - tok.start !== 1) continue;
    const straight = text[tok.start] === '"';
    const opens = opensQuotation(text, tok, stack.length === 0);
    if (opens === null) continue; // single quotes and other marks: apostrophes or rare styles
    if (opens) {
      mark[i] = 1;
      const top = stack[stack.length - 1];
      if (top && top.straight === straight) {
        // The same style again: the earlier quotation was never closed.
        const outer = stack[0].at;
        report(
          `quote opened at offset ${tokens[top.at].start} is not closed before another opens`,
          tokens[top.at].start,
          tokens[top.at].end,
        );
        fillInside(outer, i);
        stack.length = 0;
      }
      if (stack.length < MAX_DEPTH) stack.push({ at: i, straight });
      continue;
    }
    mark[i] = 2;
    if (!stack.length) {
      report(`closing quote at offset ${tok.start} has no opening quote`, tok.start, tok.end);
      continue;
    }
    const closed = stack.pop()!;
    if (!stack.length) fillInside(closed.at, i);
  }
  if (stack.length) {
    const outer = stack[0].at;
    report(`unclosed quote at offset ${tokens[outer].start}`, tokens[outer].start, tokens[outer].end);
  }
  if (problems > MAX_MESSAGES) {
    messages.push({
      severity: 'warning',
      reason: `${problems - MAX_MESSAGES} more quote problems not listed`,
      origin: 'attribution:unclosed-quote',
    });
  }
  return { inside, mark, messages };
}

/**
 * Whether the one-character quote mark `tok` opens (true) or closes (false) a quotation, from its
 * style and its neighbours; null for marks that are no double quotes.
 */
function opensQuotation(text: string, tok: Token, nothingOpen: boolean): boolean | null {
  const ch = text[tok.start];
  const before = tok.start === 0 ? ' ' : text[tok.start - 1];
  const after = tok.end >= text.length ? ' ' : text[tok.end];
  if (OPENERS.has(ch)) return true;
  // A closing mark used to open ("\n”Fear. I am …”"): nothing open, space before, a word after.
  if (CLOSERS.has(ch)) return nothingOpen && /\s/.test(before) && /[\p{L}\p{N}]/u.test(after);
  if (ch !== '"') return null;
  const spaceBefore = /[\s([{\u2014-]/.test(before);
  const spaceAfter = /[\s.,;:!?)\]}\u2014-]/.test(after);
  if (spaceBefore && !spaceAfter) return true;
  if (!spaceBefore && spaceAfter) return false;
  return nothingOpen;
}
