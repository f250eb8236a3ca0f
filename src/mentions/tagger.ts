import { existsSync, readFileSync } from 'node:fs';
import type { Sentence, Token } from '../model/index.js';
import { projectPath } from '../util/data.js';
import { decode } from './decode.js';
import { buildDocView } from './doc-view.js';
import { NerModel } from './model.js';
import { NER_TYPES, entitiesFromTags, type NerType } from './tags.js';
import { withoutDate } from './date-tails.js';

/** Where `npm run train:ner` writes the model and where the stage loads it from. */
export const NER_MODEL_PATH = projectPath('models', 'ner.bin');

let cached: NerModel | undefined;

/** The committed model, read once on first use. */
export function loadNerModel(file = NER_MODEL_PATH): NerModel {
  if (cached && file === NER_MODEL_PATH) return cached;
  if (!existsSync(file)) {
    throw new Error(`NER model not found at ${file}; run \`npm run train:ner\` to build it`);
  }
  const model = NerModel.fromBuffer(readFileSync(file));
  if (file === NER_MODEL_PATH) cached = model;
  return model;
}

export interface NamedEntity {
  start: number;
  end: number;
  type: NerType;
}

/** Finds PER/ORG/LOC/MISC names in tokenised text; spans are `[start, end)` into `text`. */
export function findEntities(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  model: NerModel = loadNerModel(),
): NamedEntity[] {
  if (tokens.length === 0) return [];
  const view = buildDocView(text, tokens, sentences, model.lexicon);
  const tags = new Uint8Array(view.n);
  decode(view, model, tags);
  const out: NamedEntity[] = [];
  for (const e of entitiesFromTags(tags, 0, view.n)) {
    let [first, last] = withoutDate(text, tokens, e.first, e.end - 1);
    while (first <= last && isEdgePunctuation(text, tokens[first])) first++;
    while (last >= first && isEdgePunctuation(text, tokens[last])) last--;
    if (first > last) continue;
    out.push({ start: tokens[first].start, end: tokens[last].end, type: NER_TYPES[e.type] });
  }
  return out;
}

/** Quote marks and sentence punctuation never begin or end a name (brackets may: "Proleter ( Z )"). */
const EDGE_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', '-', '—', '–']);
function isEdgePunctuation(text: string, token: Token): boolean {
  if (token.kind === 'quote') return true;
  return token.kind === 'punct' && EDGE_PUNCTUATION.has(text.slice(token.start, token.end));
}
