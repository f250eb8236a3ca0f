import type { Doc, LazyList, Token, TokenPos } from '../model/index.js';
import { quotedTokens } from '../text/index.js';
import { wordKey } from './kb/keys.js';

/** Per-token facts the stage reads many times, computed once per document. */
export interface TokenView {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Comparison key of each token ("U.S." → "us"). */
  readonly keys: readonly string[];
  /** True when the token starts with an upper-case letter. */
  readonly capitalised: Uint8Array;
  /**
   * True for tokens inside a quotation of the text stage's layer, an unclosed one up to its
   * paragraph's end: words there are the quoted speaker's, so their pronouns are not the writer's.
   */
  readonly quoted: Uint8Array;
  /** Sentence index of each token (all 0 when the document has no sentence layer). */
  readonly sentence: Int32Array;
  /**
   * Each token's part of speech and lemma (the text stage's `pos` layer, read with `at`: a sentence is
   * tagged on its first read; empty when the document has none).
   */
  readonly pos: LazyList<TokenPos>;
}

const UPPER = /^\p{Lu}/u;

export function tokenView(
  doc: Pick<Doc, 'text' | 'tokens' | 'quotations'> & Partial<Pick<Doc, 'sentences' | 'pos'>>,
): TokenView {
  const { text, tokens } = doc;
  const sentence = new Int32Array(tokens.length);
  (doc.sentences ?? []).forEach((s, k) =>
    sentence.fill(k, s.tokenStart, Math.min(s.tokenEnd, tokens.length)),
  );
  const keys = new Array<string>(tokens.length);
  const capitalised = new Uint8Array(tokens.length);
  const quoted = quotedTokens(tokens.length, doc.quotations, { unclosed: true });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const s = text.slice(t.start, t.end);
    keys[i] = wordKey(s);
    capitalised[i] = UPPER.test(s) ? 1 : 0;
  }
  return { text, tokens, keys, capitalised, quoted, sentence, pos: doc.pos ?? [] };
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
