/**
 * Syndication lineage: the near-copies ingest already links into stories (`articles.story_id`,
 * `copy_of`; exact republications in `copies`) read as a directed graph — the wire original, then
 * each republication, with what it added, removed or rewrote (word runs with spans in both texts).
 */
import type { Store } from '../../store/index.js';
import { diffCopy, wordCount, type CopyDiff } from './diff.js';

export interface LineageNode {
  /** The stored article's id, or `copy:<key>` for an exact republication (stored once, as its original). */
  id: string;
  article: string | null;
  key: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  url: string | null;
  original: boolean;
}

export interface LineageEdge {
  /** The original's node id. */
  from: string;
  /** The republication's node id. */
  to: string;
  reason: string;
  /** MinHash similarity to the original (near-duplicates). */
  similarity: number | null;
  /** Word changes; null when the texts are too long to compare word by word. Exact copies change nothing. */
  diff: CopyDiff | null;
}

export interface Lineage {
  story: string;
  original: string;
  nodes: LineageNode[];
  edges: LineageEdge[];
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The lineage of a story, found by its id or any of its articles' ids; null when unknown. */
export async function getLineage(store: Store, id: string): Promise<Lineage | null> {
  const found = await store.sql.read(async (db) => {
    const at = await db.get('SELECT story_id FROM articles WHERE id = ?', [id]);
    if (!at) return null;
    const storyId = String(at.story_id);
    const articles = await db.all(
      `SELECT id, key, outlet, title, published, url, copy_of, copy_reason, similarity, text
       FROM articles WHERE story_id = ? ORDER BY published, input_order, key`,
      [storyId],
    );
    const copies = await db.all(
      `SELECT c.key, c.article_id, c.reason, c.outlet, c.title, c.published, c.url FROM copies c
       JOIN articles a ON a.id = c.article_id WHERE a.story_id = ? ORDER BY c.published, c.key`,
      [storyId],
    );
    return { storyId, articles, copies };
  });
  if (!found) return null;
  const { storyId, articles, copies } = found;
  const original = articles.find((a) => String(a.id) === storyId);
  if (!original) return null;
  const nodes: LineageNode[] = articles.map((a) => ({
    id: String(a.id),
    article: String(a.id),
    key: String(a.key),
    outlet: str(a.outlet),
    title: str(a.title),
    published: str(a.published),
    url: str(a.url),
    original: String(a.id) === storyId,
  }));
  const edges: LineageEdge[] = articles
    .filter((a) => String(a.id) !== storyId)
    .map((a) => ({
      from: String(a.copy_of ?? storyId),
      to: String(a.id),
      reason: String(a.copy_reason ?? 'near-duplicate'),
      similarity: a.similarity === null || a.similarity === undefined ? null : Number(a.similarity),
      diff: diffCopy(String(original.text), String(a.text)),
    }));
  for (const c of copies) {
    const nodeId = `copy:${String(c.key)}`;
    nodes.push({
      id: nodeId,
      article: null,
      key: String(c.key),
      outlet: str(c.outlet),
      title: str(c.title),
      published: str(c.published),
      url: str(c.url),
      original: false,
    });
    const copied = articles.find((a) => String(a.id) === String(c.article_id));
    const n = copied ? wordCount(String(copied.text)) : 0;
    // An exact republication carries the text of the article it copies, word for word.
    const same: CopyDiff = {
      words: { original: n, copy: n },
      added: 0,
      removed: 0,
      rewritten: 0,
      changes: [],
    };
    edges.push({
      from: String(c.article_id),
      to: nodeId,
      reason: String(c.reason),
      similarity: 1,
      diff: same,
    });
  }
  return { story: storyId, original: storyId, nodes, edges };
}
