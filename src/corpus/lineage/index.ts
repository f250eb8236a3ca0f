/** Syndication lineage: a story's wire original → republications, with what each copy changed. */
export { getLineage } from './read.js';
export type { Lineage, LineageEdge, LineageNode } from './read.js';
export { diffCopy, MAX_DIFF_WORDS } from './diff.js';
export type { Change, ChangeKind, ChangeSide, CopyDiff } from './diff.js';
