/** A word of a sentence with its part of speech (Universal POS) and lemma, spans into the article. */
export interface Tagged {
  start: number;
  end: number;
  text: string;
  lower: string;
  lemma: string;
  pos: string;
}

/** The Universal POS tags the tagger chooses from, in the order of its model's weight columns. */
export const POS_TAGS = [
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'X',
] as const;
export type PosTag = (typeof POS_TAGS)[number];
