/** newsgraph's library entry: `analyze(text, meta)` and the document model. */
export { analyze, DEFAULT_STAGES, InputError } from './pipeline/index.js';
export type { AnalyzeOptions } from './pipeline/index.js';
export * from './model/index.js';
