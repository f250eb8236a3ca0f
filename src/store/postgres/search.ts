import { queryText, searchTerms } from '../rules.js';

export interface TextQuery {
  /** All words but the last, for `plainto_tsquery` (which never raises a syntax error). */
  words: string;
  /** The last word as a prefix term for `to_tsquery`: letters and digits only, so never syntax. */
  prefix: string;
}

/**
 * Turns any user string into the parameters of a safe text-search query: only the words are kept
 * (so quotes, `&`, `|`, `!`, `:`, parentheses and NUL in user input are never syntax), all required,
 * the last one also matching as a prefix (`valmor` finds `Valmora`). Null when there is no word.
 */
export function textQuery(input: string): TextQuery | null {
  const terms = searchTerms(input);
  if (terms.length === 0) return null;
  return { words: terms.slice(0, -1).join(' '), prefix: `${terms[terms.length - 1]}:*` };
}

/** The SQL tsquery for parameters $n (words) and $n+1 (prefix). */
export function tsquerySql(n: number): string {
  return `(plainto_tsquery('english', $${n}) && to_tsquery('english', $${n + 1}))`;
}

export { likePattern } from '../rules.js';

/** A user string as a plain text parameter: PostgreSQL text cannot hold NUL. */
export const textParam = queryText;
