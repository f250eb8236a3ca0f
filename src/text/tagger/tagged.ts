/** A word of a sentence with its part of speech (Universal POS) and lemma, spans into the article. */
export interface Tagged {
  start: number;
  end: number;
  text: string;
  lower: string;
  lemma: string;
  pos: string;
}

/** The tags (in the order of the model's weight columns) are the document model's. */
export { POS_TAGS, type PosTag } from '../../model/index.js';
