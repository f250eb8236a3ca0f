/*
 * How both stores decide stories and originals, from the data alone: a story is every article linked
 * by near-duplicate similarity (stories that a new article bridges are merged), its original is the
 * first by the originals rule (earliest publication, then input order, then key), and every other
 * article of the story is a near-duplicate of that original. Arrival order never matters, so any
 * number of workers ends with the same stories.
 */
import { NEAR_DUPLICATE_THRESHOLD, type PutResult } from './types.js';
import { blobToSignature, signatureSimilarity, type Row } from './row-mappers.js';
import { comparePrecedence, type OriginalKey } from './rules.js';

/** One stored article as the story plan sees it. */
export interface StoryMember extends OriginalKey {
  id: string;
  storyId: string;
  copyOf: string | null;
  similarity: number | null;
  signature: Uint32Array | null;
}

/** A change to one article's place in its story. */
export interface StoryUpdate {
  id: string;
  storyId: string;
  copyOf: string | null;
  similarity: number | null;
}

export function memberOf(r: Row): StoryMember {
  return {
    id: String(r.id),
    key: String(r.key),
    published: r.published === null || r.published === undefined ? null : String(r.published),
    inputOrder: r.input_order === null || r.input_order === undefined ? null : Number(r.input_order),
    storyId: String(r.story_id),
    copyOf: r.copy_of === null || r.copy_of === undefined ? null : String(r.copy_of),
    similarity: r.similarity === null || r.similarity === undefined ? null : Number(r.similarity),
    signature: r.signature instanceof Uint8Array ? blobToSignature(r.signature) : null,
  };
}

/** The columns `memberOf` reads. */
export const STORY_MEMBER_COLUMNS =
  'id, key, published, input_order, story_id, copy_of, similarity, signature';

/** Stored articles (rows with id, story_id, signature) near enough to `signature` to share its story. */
export function nearDuplicatesOf(signature: Uint32Array, candidates: readonly Row[]): Set<string> {
  const stories = new Set<string>();
  for (const c of candidates) {
    if (!(c.signature instanceof Uint8Array)) continue;
    if (signatureSimilarity(signature, blobToSignature(c.signature)) >= NEAR_DUPLICATE_THRESHOLD)
      stories.add(String(c.story_id));
  }
  return stories;
}

/** The original of a set of articles by the originals rule. */
export function originalOf<T extends OriginalKey>(members: readonly T[]): T {
  return members.reduce((best, m) => (comparePrecedence(m, best) < 0 ? m : best));
}

/**
 * The story of `members` (all articles of the stories being merged): its original, and the updates
 * that make every member point at it (only for members whose place changes).
 */
export function planStory(members: readonly StoryMember[]): {
  original: StoryMember;
  updates: StoryUpdate[];
} {
  const original = originalOf(members);
  const updates: StoryUpdate[] = [];
  for (const m of members) {
    const isOriginal = m.id === original.id;
    const copyOf = isOriginal ? null : original.id;
    const similarity =
      isOriginal || !m.signature || !original.signature
        ? null
        : signatureSimilarity(m.signature, original.signature);
    if (m.storyId !== original.id || m.copyOf !== copyOf || !sameNumber(m.similarity, similarity))
      updates.push({ id: m.id, storyId: original.id, copyOf, similarity });
  }
  return { original, updates };
}

function sameNumber(a: number | null, b: number | null): boolean {
  return a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-12);
}

/** What storing article `id` came to once its story was planned: its story, and what it copies. */
export function storedResult(
  id: string,
  plan: { original: StoryMember; updates: StoryUpdate[] },
  members: readonly StoryMember[],
): PutResult {
  const self = plan.updates.find((u) => u.id === id) ?? members.find((m) => m.id === id);
  const copyOf = self?.copyOf ?? null;
  const similarity = self?.similarity ?? null;
  return {
    status: 'stored',
    articleId: id,
    storyId: plan.original.id,
    ...(copyOf
      ? {
          copyOf: {
            articleId: copyOf,
            reason: 'near-duplicate' as const,
            ...(similarity !== null ? { similarity } : {}),
          },
        }
      : {}),
  };
}
