import type { Stage } from '../model/index.js';
import { tokenize } from './tokenize.js';
import { splitSentences } from './sentences.js';
import { findLayout } from './layout.js';
import { findQuotations } from './quotations.js';

export { tokenize, tokenAtOrAfter } from './tokenize.js';
export { splitSentences } from './sentences.js';
export { findLayout } from './layout.js';
export { findQuotations, quotedTokens } from './quotations.js';
export type { QuotedReading } from './quotations.js';
export * from './quote-marks.js';
export { tagTokens, POS_TAGS, type PosTag, type Tagged } from './tagger/index.js';

/** Text stage: tokens, quotations, sentences, and the title and byline lines of a plain-text article. */
export const textStage: Stage = {
  name: 'text',
  requires: [],
  provides: ['tokens', 'quotations', 'sentences', 'title', 'byline'],
  run(doc) {
    const tokens = tokenize(doc.text);
    const quotations = findQuotations(doc.text, tokens);
    const sentences = splitSentences(doc.text, tokens);
    const { title, byline } = findLayout(doc.text);
    return { tokens, quotations, sentences, title, byline };
  },
};
export { detectLanguage, languageName } from './language.js';
