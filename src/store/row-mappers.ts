/*
 * Row mappers and constants shared by the SQLite and PostgreSQL stores: both keep the same columns, so a
 * row becomes the same API object whichever database it came from.
 */
import { z } from 'zod';
import {
  AnalysisSchema,
  isSpanLayer,
  LAYER_NAMES,
  RoleSchema,
  StanceSchema,
  type Analysis,
} from '../model/index.js';
import type { Row } from './sql/adapter.js';
import { NEAR_DUPLICATE_THRESHOLD } from './types.js';
import type {
  ActorSummary,
  ArticleInput,
  Classification,
  ArticleSummary,
  CopyRecord,
  EventHit,
  LayerSize,
  LayerWindow,
  StoredArticle,
  QuoteHit,
  Story,
  StorySummary,
} from './types.js';

export type { Row };

export const RolesSchema = z.array(RoleSchema);
export const CopyReasonSchema = z.enum(['canonical-url', 'content-hash', 'near-duplicate']);
export const MemberReasonSchema = z.enum(['canonical-url', 'content-hash', 'near-duplicate', 'original']);

/** Most LSH candidates compared per article: bounds the work a pathological corpus can cause. */
export const MAX_CANDIDATES = 200;

/** Summary columns; the length is stored (counting a 4 M-character text per listed row took 50 ms). */
export const ARTICLE_SUMMARY_COLUMNS = `a.id, a.key, a.title, a.outlet, a.published, a.url, a.story_id, a.copy_of,
  a.copy_reason, coalesce(a.n_chars, length(a.text)) AS chars, a.n_actors, a.n_attributions, a.n_events`;

/** The MinHash estimate of Jaccard similarity: the share of signature slots that agree. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / Math.max(a.length, b.length);
}

export function signatureToBlob(sig: Uint32Array): Buffer {
  const buf = Buffer.alloc(sig.length * 4);
  for (let i = 0; i < sig.length; i++) buf.writeUInt32LE(sig[i], i * 4);
  return buf;
}

export function blobToSignature(blob: Uint8Array): Uint32Array {
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  const sig = new Uint32Array(Math.floor(buf.length / 4));
  for (let i = 0; i < sig.length; i++) sig[i] = buf.readUInt32LE(i * 4);
  return sig;
}

/** The stored article closest to `signature` among LSH candidates (rows with id, story_id, signature), if near enough. */
export function nearestDuplicate(
  signature: Uint32Array,
  candidates: readonly Row[],
): Extract<Classification, { kind: 'near-duplicate' }> | null {
  let best: Extract<Classification, { kind: 'near-duplicate' }> | null = null;
  for (const c of candidates) {
    if (!(c.signature instanceof Uint8Array)) continue;
    const similarity = signatureSimilarity(signature, blobToSignature(c.signature));
    if (similarity >= NEAR_DUPLICATE_THRESHOLD && (!best || similarity > best.similarity)) {
      best = { kind: 'near-duplicate', of: String(c.id), storyId: String(c.story_id), similarity };
    }
  }
  return best;
}

/** Columns of a new article's row, in the order of `articleRow(...).values`. */
export const ARTICLE_INSERT_COLUMNS = `id, key, url, canonical_url, title, outlet, published, language, feed, text,
  content_hash, signature, story_id, copy_of, copy_reason, similarity, analysis,
  n_actors, n_attributions, n_events, n_chars`;

/** A new article's row: the same columns in both stores (ARTICLE_INSERT_COLUMNS). */
export function articleRow(
  id: string,
  input: ArticleInput,
  analysis: Analysis,
  c: Classification,
  quotes: number,
): {
  storyId: string;
  title: string | null;
  published: string | null;
  outlet: string | null;
  values: unknown[];
} {
  const storyId = c.kind === 'near-duplicate' ? c.storyId : id;
  const title = input.title ?? analysis.meta.title ?? null;
  const published = input.published ?? analysis.meta.published ?? null;
  const outlet = input.outlet ?? analysis.meta.outlet ?? null;
  const near = c.kind === 'near-duplicate' ? c : null;
  const values = [
    id,
    input.key,
    input.url ?? null,
    input.canonicalUrl ?? null,
    title,
    outlet,
    published,
    input.language ?? null,
    input.feed ?? null,
    input.text,
    input.contentHash,
    input.signature ? signatureToBlob(input.signature) : null,
    storyId,
    near ? near.of : null,
    near ? 'near-duplicate' : null,
    near ? near.similarity : null,
    JSON.stringify({ ...analysis, id }),
    analysis.actors.length,
    quotes,
    analysis.events.length,
    input.text.length,
  ];
  return { storyId, title, published, outlet, values };
}

export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function toSummary(r: Row): ArticleSummary {
  return {
    id: String(r.id),
    key: String(r.key),
    title: str(r.title),
    outlet: str(r.outlet),
    published: str(r.published),
    url: str(r.url),
    storyId: String(r.story_id),
    copyOf: str(r.copy_of),
    copyReason: r.copy_reason ? CopyReasonSchema.parse(r.copy_reason) : null,
    chars: Number(r.chars),
    counts: {
      actors: Number(r.n_actors),
      attributions: Number(r.n_attributions),
      events: Number(r.n_events),
    },
  };
}

export function toCopy(r: Row): CopyRecord {
  return {
    key: String(r.key),
    of: String(r.article_id),
    articleId: str(r.self_id),
    reason: MemberReasonSchema.parse(r.reason),
    similarity: r.similarity === null || r.similarity === undefined ? null : Number(r.similarity),
    url: str(r.url),
    outlet: str(r.outlet),
    title: str(r.title),
    published: str(r.published),
  };
}

export function summaryOfStory(s: Story): StorySummary {
  return { id: s.id, title: s.title, copies: s.copies, outlets: s.outlets, first: s.first, last: s.last };
}

export function toActorSummary(r: Row): ActorSummary {
  return {
    id: String(r.id),
    name: String(r.name),
    type: String(r.type),
    cameo: str(r.cameo),
    counts: { articles: Number(r.articles), quotes: Number(r.quotes), events: Number(r.events) },
  };
}

export function toQuote(r: Row): QuoteHit {
  return {
    articleId: String(r.article_id),
    attributionId: String(r.attribution_id),
    speaker: str(r.speaker),
    speakerActor: str(r.speaker_actor),
    speakerName: str(r.actor_name),
    cue: str(r.cue),
    content: String(r.content),
    kind: z.enum(['direct', 'mixed', 'indirect']).parse(r.kind),
    stance: StanceSchema.parse(r.stance),
    outlet: str(r.outlet),
    published: str(r.published),
    title: str(r.title),
    start: Number(r.start),
    end: Number(r.end),
    within: str(r.within_id),
  };
}

export function toEvent(r: Row): EventHit {
  return {
    articleId: String(r.article_id),
    eventId: String(r.event_id),
    cameo: String(r.cameo),
    root: String(r.root),
    quadClass: Number(r.quad_class),
    goldstein: Number(r.goldstein),
    source: str(r.source_text),
    sourceActor: str(r.source_actor),
    sourceCode: str(r.source_code),
    target: str(r.target_text),
    targetActor: str(r.target_actor),
    targetCode: str(r.target_code),
    trigger: String(r.trigger),
    start: Number(r.start),
    end: Number(r.end),
    date: str(r.day),
    outlet: str(r.outlet),
    title: str(r.title),
  };
}

/** The list layers of an analysis (all but the title and byline), each pageable through a layer window. */
export const LIST_LAYERS = LAYER_NAMES.filter((name) => !isSpanLayer(name));

/**
 * A stored article from its row (summary columns and `analysis` JSON), checked against the model.
 * With a window, every list layer longer than it is cut to it first (shorter ones come whole), so
 * the check (and the answer) costs the window, not the whole analysis.
 */
export function storedArticleOf(row: Row, copies: CopyRecord[], window?: LayerWindow): StoredArticle {
  const raw = JSON.parse(String(row.analysis)) as Record<string, unknown>;
  let layers: StoredArticle['layers'];
  if (window) {
    const offset = Math.max(0, Math.floor(window.offset ?? 0));
    const limit = Math.max(1, Math.floor(window.limit));
    const sizes: Record<string, LayerSize> = {};
    let truncated = false;
    for (const name of LIST_LAYERS) {
      const list = raw[name];
      if (!Array.isArray(list)) continue;
      // A layer that fits in one window comes whole on every page: the actors a page's mentions
      // point at are then always there.
      const part = list.length <= limit ? list : list.slice(offset, offset + limit);
      sizes[name] = { total: list.length, returned: part.length };
      if (part.length < list.length) truncated = true;
      raw[name] = part;
    }
    layers = { truncated, offset, limit, sizes };
  }
  const parsed = AnalysisSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `stored analysis of ${String(row.id)} does not match the model: ${parsed.error.issues[0]?.message}`,
    );
  return { ...toSummary(row), analysis: parsed.data, copies, ...(layers ? { layers } : {}) };
}
