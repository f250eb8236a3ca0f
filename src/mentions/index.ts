import type { EntityType, Mention, Stage } from '../model/index.js';
import { textSpan } from '../model/index.js';
import { findEntities } from './tagger.js';
import type { NerType } from './tags.js';

export { findEntities, loadNerModel, type NamedEntity } from './tagger.js';
export { NER_TYPES, type NerType } from './tags.js';

/** CoNLL types to the document model's; the actors stage refines LOC→GPE and MISC→NORP later. */
const MENTION_TYPE: Record<NerType, EntityType> = {
  PER: 'PERSON',
  ORG: 'ORG',
  LOC: 'LOC',
  MISC: 'MISC',
};

/**
 * Mentions stage: named-entity recognition with a greedy averaged-perceptron BILOU tagger trained
 * on CoNLL-2003 (see scripts/train-ner.ts). Produces `name` mentions m1, m2, … in text order.
 */
export const mentionsStage: Stage = {
  name: 'mentions',
  requires: ['tokens', 'sentences'],
  provides: ['mentions'],
  run(doc) {
    const entities = findEntities(doc.text, doc.tokens, doc.sentences);
    const mentions: Mention[] = entities.map((e, i) => ({
      id: `m${i + 1}`,
      ...textSpan(doc.text, e.start, e.end),
      type: MENTION_TYPE[e.type],
      kind: 'name',
    }));
    return { mentions };
  },
};
