export { analyze, DEFAULT_STAGES, toAnalysis } from './analyze.js';
export type { AnalyzeOptions } from './analyze.js';
export { checkOrder, emptyDoc, runStages } from './pipeline.js';
export { InputError, checkText, MAX_TEXT_CHARS } from '../model/index.js';
export { stagesWith } from './extras.js';
export type { ExtraKnowledge } from './extras.js';
