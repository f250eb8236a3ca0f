/**
 * `newsgraph predict ner <gold.jsonl>`: tags each record's text with the mentions stage's tagger
 * and yields `{"id","entities":[{"start","end","type"}]}` lines for ../shared/tools/score-ner.mjs.
 * Only `id` and `text` are read from the gold file, never its entities.
 */
import { z } from 'zod';
import { splitSentences, tokenize } from '../text/index.js';
import { findEntities, loadNerModel } from '../mentions/index.js';
import type { Predictor } from './types.js';
import { readGoldInputs } from './gold.js';

/** The inputs of a NER gold line; zod drops every other field, so labels cannot leak in. */
const NerInputSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
});

export const predictNer: Predictor = async function* (goldFile, options) {
  const model = loadNerModel();
  for await (const parsed of readGoldInputs(goldFile, NerInputSchema, 'a NER record', options.limit)) {
    const tokens = tokenize(parsed.text);
    const sentences = splitSentences(parsed.text, tokens);
    const entities = findEntities(parsed.text, tokens, sentences, model);
    yield JSON.stringify({ id: parsed.id, entities });
  }
};
