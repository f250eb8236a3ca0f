/**
 * The quote characters, defined once. The tokenizer, the text stage's quotation finder and the
 * stages that test a single token ("is this a closing quote?") all read them from here.
 */

/** Every character the tokenizer takes as a quote mark: double, single, low, reversed, guillemets, backtick. */
export const QUOTE_MARK_CHARS = '"“”„‟«»‹›\'‘’`';

/** The straight double quote: whether it opens or closes is decided by its neighbours. */
export const STRAIGHT_DOUBLE_QUOTE = '"';
/** Marks that open a double quotation whatever surrounds them. */
export const DOUBLE_OPENING_QUOTES: ReadonlySet<string> = new Set(['“', '«', '„']);
/** The left double quote: it opens in English, but closes in German („…“) and in careless typing ('here,“ said'). */
export const LEFT_DOUBLE_QUOTE = '“';
/** Marks that close a double quotation (a closing mark can still open one at a paragraph's start). */
export const DOUBLE_CLOSING_QUOTES: ReadonlySet<string> = new Set(['”', '»']);

/** The quote marks of English text, double and single, straight and curly. */
export const ENGLISH_QUOTES = ['"', '“', '”', "'", '‘', '’'] as const;
/** The double quote marks of English text, straight and curly. */
export const ENGLISH_DOUBLE_QUOTES = ['"', '“', '”'] as const;
/** English marks that can end a quotation: straight and right double and single quotes. */
export const ENGLISH_CLOSING_QUOTES = ['"', '”', "'", '’'] as const;
/** Opening guillemets, double and single: quotation openers of other typographies. */
export const OPENING_GUILLEMETS = ['«', '‹'] as const;
/** Closing guillemets, double and single. */
export const CLOSING_GUILLEMETS = ['»', '›'] as const;
