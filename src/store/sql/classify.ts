/** Where an incoming article goes: already stored, an exact copy, a near-duplicate, or new. */
import { MAX_CANDIDATES, nearestDuplicate } from '../row-mappers.js';
import type { ArticleInput, Classification } from '../types.js';
import { inList, type SqlRunner } from './adapter.js';

export async function classify(db: SqlRunner, input: ArticleInput): Promise<Classification> {
  const byKey = await db.get('SELECT id FROM articles WHERE key = ?', [input.key]);
  if (byKey) return { kind: 'exists', articleId: String(byKey.id) };
  const copyByKey = await db.get('SELECT article_id FROM copies WHERE key = ?', [input.key]);
  if (copyByKey) return { kind: 'exists', articleId: String(copyByKey.article_id) };

  if (input.canonicalUrl) {
    const hit =
      (await db.get('SELECT id, story_id FROM articles WHERE canonical_url = ? LIMIT 1', [
        input.canonicalUrl,
      ])) ??
      (await db.get(
        `SELECT a.id, a.story_id FROM copies c JOIN articles a ON a.id = c.article_id
         WHERE c.canonical_url = ? LIMIT 1`,
        [input.canonicalUrl],
      ));
    if (hit)
      return { kind: 'copy', of: String(hit.id), reason: 'canonical-url', storyId: String(hit.story_id) };
  }
  const byHash = await db.get('SELECT id, story_id FROM articles WHERE content_hash = ?', [
    input.contentHash,
  ]);
  if (byHash)
    return { kind: 'copy', of: String(byHash.id), reason: 'content-hash', storyId: String(byHash.story_id) };

  if (input.signature && input.lshKeys && input.lshKeys.length > 0) {
    const near = nearestDuplicate(input.signature, await lshCandidates(db, input.lshKeys));
    if (near) return near;
  }
  return { kind: 'new' };
}

/** Stored articles sharing an LSH band with `bands` (id, story_id, signature), at most MAX_CANDIDATES. */
export async function lshCandidates(
  db: SqlRunner,
  lshKeys: readonly string[],
  except?: string,
): Promise<Record<string, unknown>[]> {
  const bands = [...new Set(lshKeys)];
  return db.all(
    `SELECT DISTINCT a.id, a.story_id, a.signature FROM lsh l JOIN articles a ON a.id = l.article_id
     WHERE l.band IN ${inList(bands)}${except === undefined ? '' : ' AND a.id <> ? ORDER BY a.id'}
     LIMIT ${MAX_CANDIDATES}`,
    except === undefined ? bands : [...bands, except],
  );
}
