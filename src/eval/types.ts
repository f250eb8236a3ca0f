/** Options every `newsgraph predict <task>` implementation takes. */
export interface PredictOptions {
  /** Directory of `<id>.html.gz` pages (extraction). */
  htmlDir?: string;
  /** Event coding scheme (events). */
  scheme?: 'cameo' | 'plover';
  /** Only the first N records, for `npm run eval`'s quick mode. */
  limit?: number;
  /** Extra PETRARCH/Phoenix actor dictionaries (optional knowledge; never used for the reported figures). */
  actors?: string[];
  /** An extra CAMEO.2.0-style verb dictionary (optional knowledge). */
  verbs?: string;
}

/**
 * A task's prediction writer: reads only the inputs of a gold file (text, date, ids; never the
 * labels) and yields one prediction line (a JSON string, no newline) per record, in the format of
 * the matching scorer in ../shared/tools/. Extraction yields a single JSON object line.
 */
export type Predictor = (goldFile: string, options: PredictOptions) => AsyncGenerator<string>;
