/**
 * The corpus floor: analyses across stored articles. Each is a `CorpusAnalysis` (name, version,
 * tables by migrations, an incremental step per stored article and a batch rebuild that agrees with
 * it), listed in `CORPUS_ANALYSES`; the application floor (`src/service/`) attaches them whenever it
 * opens a store for writing. It builds on the store and the model only.
 */
export type { CorpusAnalysis } from './analysis.js';
export { attachCorpus, builtVersion, rebuildCorpus } from './schedule.js';
export { CORPUS_ANALYSES } from './registry.js';
export { statementsAnalysis, STATEMENTS_ANALYSIS_NAME } from './statements/analysis.js';
export { getStatement, listStatements } from './statements/read.js';
export type {
  StatementDetail,
  StatementQuery,
  StatementReport,
  StatementSummary,
} from './statements/read.js';
export { claimsAnalysis, CLAIMS_ANALYSIS_NAME, getClaim, listClaims } from './claims/index.js';
export type { ClaimDetail, ClaimQuery, ClaimSummary, ClaimTrace } from './claims/index.js';
export { listRelays, outletGraph, outletKey, relaysAnalysis, RELAYS_ANALYSIS_NAME } from './relays/index.js';
export type {
  OutletEdge,
  OutletGraph,
  OutletNode,
  Relay,
  RelayedReport,
  RelayQuery,
} from './relays/index.js';
export { diffCopy, getLineage, MAX_DIFF_WORDS } from './lineage/index.js';
export type { Change, CopyDiff, Lineage, LineageEdge, LineageNode } from './lineage/index.js';
export { statementPages } from './pages.js';
