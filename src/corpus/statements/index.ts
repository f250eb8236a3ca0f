/**
 * Statements across articles: reports of one utterance in different articles grouped into one
 * statement (origin = earliest report), and the drift of each report against the origin and the
 * fullest wording. Pure and store-independent: a corpus floor files reports in and reads statements
 * out.
 */
export type { DriftItem, DriftKind, DriftSide, Piece, Report, ReportForm, Statement, Word } from './types.js';
export { DRIFT_KINDS } from './types.js';
export { reportWords, contentForm, contentText } from './words.js';
export { align } from './align.js';
export { drift, driftKinds, cueStance } from './drift.js';
export { sameSpeaker, speakerKey } from './speaker.js';
export {
  FEATURES,
  features,
  profile,
  sameStatement,
  score,
  shippedModel,
  MatcherModelSchema,
  Vocabulary,
} from './similarity.js';
export type { Feature, MatcherModel, Profile } from './similarity.js';
export {
  StatementIndex,
  blockKeys,
  buildStatementIndex,
  compareReports,
  DEFAULT_LSH,
  MIN_SHARED_BANDS,
} from './grouping.js';
export type { StatementIndexOptions } from './grouping.js';
export { reportsFromAnalysis, speakerName, contextAround, CONTEXT_CHARS } from './reports.js';
export type { ArticleRef } from './reports.js';
export { statementDrift } from './statement-drift.js';
export type { ReportDrift } from './statement-drift.js';
