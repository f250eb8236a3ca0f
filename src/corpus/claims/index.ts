/** Claim tracing: unattributed claims linked to reports elsewhere that assert them with a source. */
export { claimsAnalysis, claimReports, CLAIMS_ANALYSIS_NAME } from './analysis.js';
export { getClaim, listClaims } from './read.js';
export type { ClaimDetail, ClaimQuery, ClaimSummary, ClaimTrace } from './read.js';
