import type { Message, Quotation } from '../model/index.js';
import { quotedTokens } from '../text/index.js';

/** Per-token quotation state, read from the text stage's quotations. */
export interface QuoteState {
  /** 1 when the token lies inside a quotation (quote marks themselves excluded). */
  inside: Uint8Array;
  /** 1 opening mark, 2 closing mark, 0 not a quote mark (or an apostrophe). */
  mark: Uint8Array;
  messages: Message[];
}

/** Messages beyond this count are summarised in one, so hostile input cannot flood the result. */
const MAX_MESSAGES = 20;

/** The per-token quotation state of a document from its quotations layer (`quotedTokens`, the marks). */
export function quoteState(n: number, quotations: readonly Quotation[]): QuoteState {
  const mark = new Uint8Array(n);
  for (const q of quotations) {
    if (q.open) mark[q.tokenStart] = 1;
    if (q.close) mark[q.tokenEnd - 1] = 2;
  }
  return { inside: quotedTokens(n, quotations), mark, messages: quoteMessages(quotations) };
}

/**
 * Warnings about quotations left open or closing marks that close nothing, in the order a reader
 * meets them (where the problem shows), so a writer can fix the marks.
 */
function quoteMessages(quotations: readonly Quotation[]): Message[] {
  const problems: Array<{ at: number; order: number; reason: string; start: number; end: number }> = [];
  quotations.forEach((q, k) => {
    const open = q.open;
    if (!open) {
      const reason = `closing quote at offset ${q.start} has no opening quote`;
      problems.push({ at: q.tokenStart, order: 1, reason, start: q.start, end: q.end });
    } else if (q.ended === 'unclosed' && q.depth === 0) {
      const reason = `unclosed quote at offset ${open.start}`;
      problems.push({ at: q.tokenEnd, order: 0, reason, start: open.start, end: open.end });
    } else if (q.ended === 'reopened' && !innerReopened(quotations, k)) {
      // Reported at the innermost quotation the new mark found open.
      const reason = `quote opened at offset ${open.start} is not closed before another opens`;
      problems.push({ at: q.tokenEnd, order: 0, reason, start: open.start, end: open.end });
    }
  });
  problems.sort((a, b) => a.at - b.at || a.order - b.order);
  const messages: Message[] = problems.slice(0, MAX_MESSAGES).map((p) => ({
    severity: 'warning',
    reason: p.reason,
    origin: 'attribution:unclosed-quote',
    span: { start: p.start, end: p.end },
  }));
  if (problems.length > MAX_MESSAGES) {
    messages.push({
      severity: 'warning',
      reason: `${problems.length - MAX_MESSAGES} more quote problems not listed`,
      origin: 'attribution:unclosed-quote',
    });
  }
  return messages;
}

/** Whether a quotation nested in quotation k was re-opened at the same mark (then that one is reported). */
function innerReopened(quotations: readonly Quotation[], k: number): boolean {
  const q = quotations[k];
  for (let j = k + 1; j < quotations.length && quotations[j].tokenStart < q.tokenEnd; j++) {
    const inner = quotations[j];
    if (inner.ended === 'reopened' && inner.tokenEnd === q.tokenEnd && inner.depth > q.depth) return true;
  }
  return false;
}
