import type { CorpusAnalysis } from './analysis.js';
import { claimsAnalysis } from './claims/analysis.js';
import { relaysAnalysis } from './relays/analysis.js';
import { statementsAnalysis } from './statements/analysis.js';

/**
 * The corpus analyses every workspace runs, in order. Add an analysis here (its folder under
 * src/corpus/, exporting a `CorpusAnalysis`) and every ingest, server and worker runs it, in this order.
 */
export const CORPUS_ANALYSES: readonly CorpusAnalysis[] = [
  statementsAnalysis(),
  // Claims read the statements' tables: after them.
  claimsAnalysis(),
  relaysAnalysis(),
];
