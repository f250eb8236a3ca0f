import type { Stage } from '../model/index.js';
import { tokenize } from './tokenize.js';
import { splitSentences } from './sentences.js';
import { findLayout } from './layout.js';
import { findQuotations } from './quotations.js';
import { PosLayer } from './tagger/index.js';

export { tokenize, tokenAtOrAfter } from './tokenize.js';
export { splitSentences } from './sentences.js';
export { findLayout } from './layout.js';
export { findQuotations, quotedTokens } from './quotations.js';
export type { QuotedReading } from './quotations.js';
export * from './quote-marks.js';
export { PosLayer, taggedWords, tagTokens, POS_TAGS, type PosTag, type Tagged } from './tagger/index.js';

/**
 * Text stage: tokens, quotations, sentences, each token's part of speech and lemma, and the title
 * and byline lines of a plain-text article.
 */
export const textStage: Stage = {
  name: 'text',
  requires: [],
  provides: ['tokens', 'pos', 'quotations', 'sentences', 'title', 'byline'],
  run(doc) {
    const tokens = tokenize(doc.text);
    const quotations = findQuotations(doc.text, tokens);
    const sentences = splitSentences(doc.text, tokens);
    // The tagger reads English: another language's tags would be noise, and no stage that reads them runs on it.
    // A sentence is tagged when a stage first reads one of its tokens' tags (PosLayer).
    const english = !doc.meta.language || doc.meta.language === 'en';
    const pos = english ? new PosLayer(doc.text, tokens, sentences) : [];
    const { title, byline } = findLayout(doc.text);
    return { tokens, pos, quotations, sentences, title, byline };
  },
};
export { detectLanguage, languageName } from './language.js';
