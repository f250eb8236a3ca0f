/** One stretch of an article: `[start, end)` offsets into the article text, and the text itself. */
export interface Piece {
  start: number;
  end: number;
  text: string;
}

export type ReportForm = 'direct' | 'indirect' | 'mixed';

/**
 * One attribution of one article, as the statements stage reads it: everything it needs is here, so
 * matching and drift never look back into the store or the article.
 */
export interface Report {
  /** Unique across the corpus, e.g. `<article id>#<attribution id>`. */
  id: string;
  article: string;
  /** The article's outlet (publisher), when known. */
  outlet?: string;
  /** ISO publication date or time of the article; null when unknown (sorts after every known one). */
  published: string | null;
  /** Position of the article in ingest order: breaks ties of publication time. */
  ingestOrder: number;
  /** Canonical name of the speaker, or null when unnamed or unresolved. */
  speaker: string | null;
  /**
   * The article's own words for the speaker (its source span: "Clinton", "she", "the senator"), when
   * it has one: what the outlet credited, as against whom the analysis resolved it to.
   */
  credit?: string;
  /** Cue spans in text order (empty when the attribution has no cue). */
  cue: Piece[];
  /** Content spans in text order. */
  content: Piece[];
  form: ReportForm;
  /** Text around the attribution in its article (its sentence and neighbours): hints of the occasion. */
  context?: string;
}

/** A word of a report's content: normalised text and its span in the article. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

export const DRIFT_KINDS = [
  'identical',
  'words-added',
  'words-removed',
  'words-changed',
  'truncated',
  'ellipsis',
  'form-changed',
  'speaker-changed',
  'stance-changed',
  'condition-lost',
  'condition-added',
  'negation-lost',
  'negation-added',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

/** One side of a drift item: spans in that report's article and the text they cover. */
export interface DriftSide {
  report: string;
  spans: Array<[number, number]>;
  text: string;
  /** What the kind compares, when it is not the words: the form, the stance class, the speaker. */
  value?: string;
}

/** One difference of a report against a reference report (its statement's origin or fullest wording). */
export interface DriftItem {
  kind: DriftKind;
  /** The reference report's side. */
  from: DriftSide;
  /** The compared report's side. */
  to: DriftSide;
}

export interface Statement {
  /** The id of its origin report. */
  id: string;
  origin: string;
  /** The report with the most content words (the fullest wording). */
  fullest: string;
  /** Report ids, earliest first. */
  reports: string[];
  outlets: string[];
}
