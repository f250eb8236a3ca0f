import type { Stage } from '../model/index.js';
import { tokenize } from './tokenize.js';
import { splitSentences } from './sentences.js';
import { findLayout } from './layout.js';

export { tokenize, tokenAtOrAfter } from './tokenize.js';
export { splitSentences } from './sentences.js';
export { findLayout } from './layout.js';

/** Text stage: tokens, sentences, and the title and byline lines of a plain-text article. */
export const textStage: Stage = {
  name: 'text',
  requires: [],
  provides: ['tokens', 'sentences', 'title', 'byline'],
  run(doc) {
    const tokens = tokenize(doc.text);
    const sentences = splitSentences(doc.text, tokens);
    const { title, byline } = findLayout(doc.text);
    return { tokens, sentences, title, byline };
  },
};
export { detectLanguage, languageName } from './language.js';
