/**
 * Duplicate and syndication helpers: canonical URLs, exact content hashes, and MinHash signatures
 * with LSH band keys for near-duplicates (a wire story republished with a new headline, a trimmed
 * paragraph or a local byline). The store decides story grouping with them.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { loadData } from '../util/data.js';
import { fnv1a } from '../util/hash.js';
import { IngestError } from './types.js';

const UrlRulesSchema = z.object({
  description: z.string(),
  trackingParamPrefixes: z.array(z.string()),
  trackingParams: z.array(z.string()),
  ampHostPrefixes: z.array(z.string()),
  ampPathSegments: z.array(z.string()),
  ampPathSuffixes: z.array(z.string()),
});

let rules:
  | {
      prefixes: string[];
      params: Set<string>;
      ampHosts: string[];
      ampSegments: Set<string>;
      ampSuffixes: string[];
    }
  | undefined;
function getRules(): NonNullable<typeof rules> {
  if (!rules) {
    const r = loadData('ingest/url-rules.json', UrlRulesSchema);
    rules = {
      prefixes: r.trackingParamPrefixes,
      params: new Set(r.trackingParams),
      ampHosts: r.ampHostPrefixes,
      ampSegments: new Set(r.ampPathSegments),
      ampSuffixes: r.ampPathSuffixes,
    };
  }
  return rules;
}

/**
 * The canonical form of an article URL, for dedup keys: https and http kept as given, host lower
 * case without `www.` and default port, no fragment, tracking parameters (utm_*, fbclid, gclid …)
 * dropped, remaining parameters sorted, AMP variants (amp. hosts, /amp paths, ?amp=1, Google AMP
 * cache wrappers) mapped to the article, and no trailing slash. Throws `IngestError` on non-URLs.
 */
export function canonicalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new IngestError(`not a valid URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return url.href;
  const r = getRules();
  // Google's AMP viewer: https://www.google.com/amp/s/example.com/story → https://example.com/story
  const viewer = /^\/amp\/(s\/)?(.+)$/.exec(url.pathname);
  if (viewer && /(^|\.)google\.[a-z.]+$/.test(url.hostname)) {
    return canonicalizeUrl(`${viewer[1] ? 'https' : 'http'}://${viewer[2]}${url.search}`);
  }
  let host = url.hostname.toLowerCase().replace(/\.$/, '');
  // AMP cache hosts: example-com.cdn.ampproject.org/c/s/example.com/story
  if (host.endsWith('.cdn.ampproject.org')) {
    const m = /^\/[a-z]+\/(s\/)?(.+)$/.exec(url.pathname);
    if (m) return canonicalizeUrl(`${m[1] ? 'https' : 'http'}://${m[2]}${url.search}`);
  }
  if (host.startsWith('www.')) host = host.slice(4);
  for (const p of r.ampHosts)
    if (host.startsWith(p) && host.split('.').length > 2) host = host.slice(p.length);
  url.hostname = host;
  url.hash = '';
  url.username = '';
  url.password = '';

  let path = url.pathname.replace(/\/{2,}/g, '/');
  const segments = path.split('/');
  const kept = segments.filter((s, i) => i === 0 || !r.ampSegments.has(s.toLowerCase()));
  path = kept.join('/') || '/';
  for (const suffix of r.ampSuffixes) {
    if (path.toLowerCase().endsWith(suffix) && path.length > suffix.length + 1) {
      path = path.slice(0, -suffix.length);
      if (suffix === '.amp.html') path += '.html';
    }
  }
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
  url.pathname = path;

  const params = [...url.searchParams.entries()].filter(([k]) => {
    const key = k.toLowerCase();
    return !r.params.has(key) && !r.prefixes.some((p) => key.startsWith(p));
  });
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  url.search = params.length ? new URLSearchParams(params).toString() : '';
  return url.href;
}

/** Text normalised for hashing: Unicode NFKC, one kind of quote and dash, collapsed whitespace, lower case. */
export function normalizeForHash(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** SHA-256 (hex) of the normalised text: equal for copies differing only in whitespace, quotes or case. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeForHash(text)).digest('hex');
}

/** Number of MinHash values in a signature. */
export const MINHASH_SIZE = 128;
/** Words per shingle. */
export const SHINGLE_WORDS = 5;
/** LSH bands × rows = MINHASH_SIZE; 32 × 4 makes pairs with Jaccard ≥ 0.5 candidates ~87% of the time, ≥ 0.6 ~98%. */
export const LSH_BANDS = 32;
export const LSH_ROWS = MINHASH_SIZE / LSH_BANDS;
/** Estimated Jaccard similarity above which two articles are near-duplicates (same story text). */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

/** Per-hash seeds: fixed, so signatures are comparable across runs and machines. */
const SEEDS = (() => {
  const seeds = new Uint32Array(MINHASH_SIZE);
  let x = 0x9e3779b9;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    x = fmix32((x + 0x6d2b79f5) >>> 0);
    seeds[i] = x;
  }
  return seeds;
})();

/** MurmurHash3's finaliser: a bijection on 32-bit integers with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a string's UTF-16 code units (src/util/hash.ts), finalised. */
function hashString(s: string): number {
  return fmix32(fnv1a(s));
}

/** The words of a text for shingling: letters and digits, lower case, quotes and case ignored. */
function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * The MinHash signature of a text over its 5-word shingles: for each of 128 seeded hash functions,
 * the least hash of any shingle. Texts shorter than a shingle hash as one shingle; an empty text
 * gives all 0xffffffff (similar to nothing but another empty text).
 */
export function minhashSignature(text: string): Uint32Array {
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const w = words(text);
  if (w.length === 0) return sig;
  const shingles = new Set<number>();
  const last = Math.max(1, w.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < last; i++) shingles.add(hashString(w.slice(i, i + SHINGLE_WORDS).join(' ')));
  for (const s of shingles) {
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const h = fmix32((s ^ SEEDS[k]) >>> 0);
      if (h < sig[k]) sig[k] = h;
    }
  }
  return sig;
}

/**
 * LSH keys of a signature, one per band (`"<band>:<rows as hex>"`): two texts sharing any key are
 * near-duplicate candidates, to confirm with `estimateSimilarity`.
 */
export function lshBandKeys(signature: Uint32Array): string[] {
  if (signature.length !== MINHASH_SIZE)
    throw new IngestError(`expected a ${MINHASH_SIZE}-value MinHash signature, got ${signature.length}`);
  const keys: string[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let key = `${b}:`;
    for (let r = 0; r < LSH_ROWS; r++) key += signature[b * LSH_ROWS + r].toString(16).padStart(8, '0');
    keys.push(key);
  }
  return keys;
}

/** Estimated Jaccard similarity of the two texts' shingle sets: the share of equal MinHash values. */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0)
    throw new IngestError(`MinHash signatures differ in length (${a.length} vs ${b.length})`);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
