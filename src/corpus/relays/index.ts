/** Relay chains across the corpus: who credits and cites whom, and how often (the outlet graph). */
export { relaysAnalysis, RELAYS_ANALYSIS_NAME } from './analysis.js';
export { outletKey } from './names.js';
export { listRelays, outletGraph } from './read.js';
export type {
  OutletEdge,
  OutletGraph,
  OutletNode,
  Relay,
  RelayedReport,
  RelayEdgeKind,
  RelayQuery,
} from './read.js';
