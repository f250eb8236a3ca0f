import type { CorpusAnalysis } from './analysis.js';
import { statementsAnalysis } from './statements/analysis.js';

/**
 * The corpus analyses every workspace runs, in order. Add an analysis here (its folder under
 * src/corpus/, exporting a `CorpusAnalysis`) and every ingest, server and worker runs it.
 */
export const CORPUS_ANALYSES: readonly CorpusAnalysis[] = [statementsAnalysis()];
