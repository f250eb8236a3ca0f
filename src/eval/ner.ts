/**
 * `newsgraph predict ner <gold.jsonl>`: tags each record's text with the mentions stage's tagger
 * and yields `{"id","entities":[{"start","end","type"}]}` lines for ../shared/tools/score-ner.mjs.
 * Only `id` and `text` are read from the gold file, never its entities.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { splitSentences, tokenize } from '../text/index.js';
import { findEntities, loadNerModel } from '../mentions/index.js';
import type { Predictor } from './types.js';

/** The inputs of a NER gold line; zod drops every other field, so labels cannot leak in. */
const NerInputSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
});

export const predictNer: Predictor = async function* (goldFile, options) {
  const model = loadNerModel();
  const rl = createInterface({ input: createReadStream(goldFile, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    if (options.limit !== undefined && n >= options.limit) break;
    let parsed: z.infer<typeof NerInputSchema>;
    try {
      parsed = NerInputSchema.parse(JSON.parse(line));
    } catch (err) {
      throw new Error(`${goldFile}:${lineNo}: not a NER record (${(err as Error).message})`);
    }
    const tokens = tokenize(parsed.text);
    const sentences = splitSentences(parsed.text, tokens);
    const entities = findEntities(parsed.text, tokens, sentences, model);
    yield JSON.stringify({ id: parsed.id, entities });
    n++;
  }
};
