/**
 * Mines candidate pairs for the statements gold (test/fixtures/statements/pairs.jsonl): two gold
 * PolNeAR attributions from different articles that may report the same utterance, and hard
 * negatives (same speaker, same topic words, no shared wording). The candidates are only a reading
 * list; every label in the gold file was given by reading both articles. Deterministic: fixed
 * document order (date, then id), sorted output, no randomness.
 *
 *   npx tsx scripts/statements/mine-pairs.ts [--shared DIR] [--out FILE] [--reading-list]
 *   npx tsx scripts/statements/mine-pairs.ts --show PAIRS.jsonl [--from K] [--count N]
 *
 * The first form writes one candidate per line: {kind, a:{doc,attr}, b:{doc,attr}, speaker, cos,
 * run, shared3, samePublisher} — ids and scores only, no article text. kind is `similar` (same
 * speaker key and cosine ≥ 0.3 over content words, or ≥ 4 words in a row shared), `other-speaker`
 * (≥ 6 words in a row shared but different or unknown speaker keys) or `hard` (same speaker key,
 * cosine 0.12–0.3, at most 2 words in a row shared, ≥ 2 shared rare content words).
 * With --reading-list it writes instead the 727 pairs that were read for the gold, in three stages
 * (see `readingList`), each line with a `stage` field; pairs.jsonl holds those of them that could be
 * decided. The speaker key is crude on purpose (the last word of the longest capitalised run of the
 * source, or for a pronoun the last known surname written before it): it only orders the reading.
 * The second form prints both articles around the spans of each listed pair, for reading; its
 * output holds article text and must never be committed.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Span = [number, number];
interface Attr {
  id: string;
  source: Span[];
  cue: Span[];
  content: Span[];
}
interface Doc {
  id: string;
  publisher: string;
  date: string;
  text: string;
  attributions: Attr[];
}
interface Item {
  doc: Doc;
  attr: Attr;
  tokens: string[];
  words: string[];
  speaker: string | null;
}
interface Candidate {
  kind: 'similar' | 'other-speaker' | 'hard';
  a: { doc: string; attr: string };
  b: { doc: string; attr: string };
  speaker: string | null;
  cos: number;
  run: number;
  shared3: number;
  samePublisher: boolean;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}

/** Both PolNeAR splits, ordered by date then id (the order that decides which report is `a`). */
function readDocs(shared: string): Doc[] {
  const docs: Doc[] = [];
  for (const split of ['train', 'dev']) {
    const file = path.join(shared, 'data', 'attribution', `polnear-${split}.jsonl`);
    if (!existsSync(file)) throw new Error(`PolNeAR not found: ${file} (../shared sits beside the repo)`);
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim()) docs.push(JSON.parse(line) as Doc);
    }
  }
  return docs.sort((x, y) => x.date.localeCompare(y.date) || x.id.localeCompare(y.id));
}

// Function words and the commonest verbs of reporting; what is left carries the topic.
const STOP = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have ' +
    'having he her here hers herself him himself his how i if in into is it its itself just me more most ' +
    'my myself no nor not now of off on once only or other our ours ourselves out over own same she should ' +
    'so some such than that the their theirs them themselves then there these they this those through to ' +
    'too under until up very was we were what when where which while who whom why will with would you your ' +
    "yours yourself i'm it's don't that's we're he's she's they're can't won't didn't doesn't isn't we've " +
    "i've you're there's let's going get got go say said says told tell think know like want one two " +
    'people many much well really even still make made way mr mrs ms us'
  ).split(' '),
);
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

function tokenize(text: string): string[] {
  return Array.from(text.matchAll(TOKEN), (m) => m[0].toLowerCase().replace(/’/g, "'"));
}

const spanText = (text: string, spans: Span[]): string => spans.map(([s, e]) => text.slice(s, e)).join(' ');

// Words that precede or qualify a name in a source phrase but are not the name.
const NOT_NAME = new Set(
  (
    'mr mrs ms dr sen senator gov governor rep president vice former secretary speaker gen the a an his her ' +
    'their its republican republicans democratic democrat democrats gop presidential candidate nominee ' +
    'u.s house senate white campaign according but and in at on as'
  ).split(' '),
);

const PRONOUNS = new Set([
  'he',
  'she',
  'his',
  'her',
  'him',
  'i',
  'we',
  'they',
  'it',
  'who',
  'you',
  'my',
  'our',
]);

/** The surname a source phrase names: the last word of its longest run of capitalised words. */
function surnameOf(source: string): string | null {
  let best: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > best.length) best = run;
    run = [];
  };
  for (const raw of source.split(/[\s,;:()]+/)) {
    const word = raw.replace(/['’]s$/, '').replace(/[.]$/, '');
    const lower = word.toLowerCase();
    if (PRONOUNS.has(lower)) flush();
    else if (/^\p{Lu}[\p{L}'’-]+$/u.test(word) && !NOT_NAME.has(lower)) run.push(lower);
    else if (!NOT_NAME.has(lower)) flush();
  }
  flush();
  return best.length ? best[best.length - 1] : null;
}

/** A pronoun source is read as the last known surname written before it (a reading aid, not resolution). */
function resolvePronoun(text: string, at: number, known: Set<string>): string | null {
  const window = text.slice(Math.max(0, at - 1500), at);
  let found: string | null = null;
  for (const m of window.matchAll(/\p{Lu}[\p{L}'’-]+/gu)) {
    const w = m[0].replace(/['’]s$/, '').toLowerCase();
    if (known.has(w)) found = w;
  }
  return found;
}

function speakerOf(doc: Doc, attr: Attr, known: Set<string>): string | null {
  if (!attr.source.length) return null;
  const source = spanText(doc.text, attr.source);
  const named = surnameOf(source);
  if (named) return named;
  const first = tokenize(source)[0];
  return first && PRONOUNS.has(first) ? resolvePronoun(doc.text, attr.source[0][0], known) : null;
}

function buildItems(docs: Doc[]): Item[] {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    for (const attr of doc.attributions) {
      const s = attr.source.length ? surnameOf(spanText(doc.text, attr.source)) : null;
      if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
  }
  const known = new Set([...counts].filter(([, n]) => n >= 3).map(([w]) => w));
  const items: Item[] = [];
  for (const doc of docs) {
    for (const attr of doc.attributions) {
      const tokens = tokenize(spanText(doc.text, attr.content));
      const words = [...new Set(tokens.filter((t) => !STOP.has(t) && t.length > 1))].sort();
      if (tokens.length < 5 || words.length < 3) continue;
      items.push({ doc, attr, tokens, words, speaker: speakerOf(doc, attr, known) });
    }
  }
  return items;
}

function shingles(tokens: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= tokens.length; i++) out.add(tokens.slice(i, i + n).join(' '));
  return out;
}

/** Longest run of words the two contents share in the same order, without a gap. */
function longestRun(a: string[], b: string[]): number {
  let best = 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        row[j] = prev[j - 1] + 1;
        if (row[j] > best) best = row[j];
      }
    }
    prev = row;
  }
  return best;
}

interface Index {
  idf: Map<string, number>;
  norms: Float64Array;
  postings: Map<string, number[]>;
}

const MAX_DF = 400;
const RARE_DF = 100;

function buildIndex(items: Item[]): Index {
  const df = new Map<string, number>();
  for (const it of items) for (const w of it.words) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [w, n] of df) idf.set(w, Math.log(items.length / n));
  const norms = new Float64Array(items.length);
  const postings = new Map<string, number[]>();
  items.forEach((it, i) => {
    norms[i] = Math.sqrt(it.words.reduce((s, w) => s + (idf.get(w) ?? 0) ** 2, 0));
    for (const w of it.words) {
      if ((df.get(w) ?? 0) > MAX_DF) continue;
      const list = postings.get(w) ?? [];
      list.push(i);
      postings.set(w, list);
    }
  });
  return { idf, norms, postings };
}

function cosine(x: Item, y: Item, index: Index, nx: number, ny: number): number {
  const ys = new Set(y.words);
  let dot = 0;
  for (const w of x.words) if (ys.has(w)) dot += (index.idf.get(w) ?? 0) ** 2;
  return dot / (nx * ny);
}

function classify(x: Item, y: Item, index: Index, cos: number): Candidate['kind'] | null {
  const sameSpeaker = x.speaker !== null && x.speaker === y.speaker;
  const run = longestRun(x.tokens, y.tokens);
  if (sameSpeaker && (cos >= 0.3 || run >= 4)) return 'similar';
  if (!sameSpeaker && run >= 6) return 'other-speaker';
  if (!sameSpeaker || cos < 0.12 || run > 2) return null;
  const ys = new Set(y.words);
  const rare = x.words.filter(
    (w) => ys.has(w) && Math.log(index.norms.length / RARE_DF) <= (index.idf.get(w) ?? 0),
  );
  return rare.length >= 2 ? 'hard' : null;
}

const pairKey = (c: Candidate): string => `${c.a.doc} ${c.a.attr} ${c.b.doc} ${c.b.attr}`;

/** Pairs from different articles that share rare content words, scored and classified. */
function minePairs(items: Item[]): Candidate[] {
  const index = buildIndex(items);
  const acc = new Float64Array(items.length);
  const out: Candidate[] = [];
  for (let i = 0; i < items.length; i++) {
    const touched: number[] = [];
    for (const w of items[i].words) {
      const weight = (index.idf.get(w) ?? 0) ** 2;
      for (const j of index.postings.get(w) ?? []) {
        if (j <= i || items[j].doc === items[i].doc) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j] += weight;
      }
    }
    for (const j of touched.sort((p, q) => p - q)) {
      const partial = acc[j] / (index.norms[i] * index.norms[j]);
      acc[j] = 0;
      if (partial < 0.1) continue;
      const [x, y] = [items[i], items[j]];
      const cos = cosine(x, y, index, index.norms[i], index.norms[j]);
      const kind = classify(x, y, index, cos);
      if (!kind) continue;
      out.push({
        kind,
        a: { doc: x.doc.id, attr: x.attr.id },
        b: { doc: y.doc.id, attr: y.attr.id },
        speaker: x.speaker === y.speaker ? x.speaker : null,
        cos: Math.round(cos * 1000) / 1000,
        run: longestRun(x.tokens, y.tokens),
        shared3: [...shingles(x.tokens, 3)].filter((s) => shingles(y.tokens, 3).has(s)).length,
        samePublisher: x.doc.publisher === y.doc.publisher,
      });
    }
  }
  const order = { similar: 0, 'other-speaker': 1, hard: 2 };
  return out.sort(
    (p, q) =>
      order[p.kind] - order[q.kind] || q.cos - p.cos || q.run - p.run || pairKey(p).localeCompare(pairKey(q)),
  );
}

/** FNV-1a, for a deterministic order that does not follow the scores (reading blind to the bucket). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** At most `max` candidates per pair of articles, in candidate order. */
function capPerArticles(candidates: Candidate[], max: number): Candidate[] {
  const perArticles = new Map<string, number>();
  return candidates.filter((c) => {
    const key = `${c.a.doc} ${c.b.doc}`;
    perArticles.set(key, (perArticles.get(key) ?? 0) + 1);
    return (perArticles.get(key) ?? 0) <= max;
  });
}

/**
 * The pairs read for the gold, in two stages, each in hash order. Stage 1: every strong similar
 * pair (≥ 5 words in a row or cosine ≥ 0.5) and fixed-size samples (by hash) of the weak similar,
 * hard and other-speaker pairs, at most 2 per pair of articles. Stage 2, read after stage 1 gave
 * too few same-statement pairs: the remaining pairs sharing ≥ 8 words in a row whose speaker keys
 * differ (mostly pronoun sources the key missed), and strong similar pairs the cap had left out.
 * Stage 3, for the same reason: the stage-2 kinds of pair within one publisher, from two articles
 * that are not near-copies of each other (`nearCopy`).
 */
function readingList(
  candidates: Candidate[],
  nearCopy: (a: string, b: string) => boolean,
): Array<Candidate & { stage: number }> {
  const byHash = (p: Candidate, q: Candidate): number => hash(pairKey(p)) - hash(pairKey(q));
  const strong = (c: Candidate): boolean => c.kind === 'similar' && (c.run >= 5 || c.cos >= 0.5);
  const capped = capPerArticles(
    candidates.filter((c) => !c.samePublisher),
    2,
  );
  const sample = (keep: (c: Candidate) => boolean, n: number): Candidate[] =>
    capped.filter(keep).sort(byHash).slice(0, n);
  const first = [
    ...capped.filter(strong),
    ...sample((c) => c.kind === 'similar' && !strong(c), 60),
    ...sample((c) => c.kind === 'hard', 130),
    ...sample((c) => c.kind === 'other-speaker', 20),
  ].sort(byHash);
  const read = new Set(first.map(pairKey));
  const wanted = (c: Candidate): boolean =>
    !read.has(pairKey(c)) && (strong(c) || (c.kind === 'other-speaker' && c.run >= 8));
  const second = capPerArticles(
    candidates.filter((c) => !c.samePublisher && wanted(c)),
    2,
  ).sort(byHash);
  const third = capPerArticles(
    candidates.filter((c) => c.samePublisher && wanted(c) && !nearCopy(c.a.doc, c.b.doc)),
    2,
  ).sort(byHash);
  return [
    ...first.map((c) => ({ ...c, stage: 1 })),
    ...second.map((c) => ({ ...c, stage: 2 })),
    ...third.map((c) => ({ ...c, stage: 3 })),
  ];
}

/** Two articles are near-copies when ≥ 60% of the smaller one's word types occur in the other. */
function nearCopies(docs: Doc[]): (a: string, b: string) => boolean {
  const types = new Map(docs.map((d) => [d.id, new Set(tokenize(d.text))]));
  return (a, b) => {
    const [x, y] = [types.get(a) ?? new Set<string>(), types.get(b) ?? new Set<string>()];
    const [small, large] = x.size <= y.size ? [x, y] : [y, x];
    let shared = 0;
    for (const w of small) if (large.has(w)) shared++;
    return shared >= 0.6 * small.size;
  };
}

function context(doc: Doc, attr: Attr): string {
  const marks: Array<[number, string]> = [];
  for (const [role, spans] of [
    ['S', attr.source],
    ['C', attr.cue],
    ['Q', attr.content],
  ] as const) {
    for (const [s, e] of spans) marks.push([s, `⟦${role}:`], [e, '⟧']);
  }
  const all = [...attr.source, ...attr.cue, ...attr.content].flat();
  const from = Math.max(0, Math.min(...all) - 250);
  const to = Math.min(doc.text.length, Math.max(...all) + 150);
  let out = '';
  for (let k = from; k <= to; k++) {
    for (const [at, m] of marks) if (at === k && m === '⟧') out += m;
    for (const [at, m] of marks) if (at === k && m !== '⟧') out += m;
    if (k < to) out += doc.text[k];
  }
  return out.replace(/\n+/g, ' ¶ ');
}

function show(docs: Doc[], file: string): void {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const from = Number(arg('from') ?? 0);
  const count = Number(arg('count') ?? rows.length);
  rows.slice(from, from + count).forEach((line, k) => {
    const row = JSON.parse(line) as { id?: string; a: { doc: string; attr: string }; b: typeof row.a };
    console.log(`=== ${row.id ?? from + k} ${line.length > 300 ? '' : line}`);
    for (const side of [row.a, row.b]) {
      const doc = byId.get(side.doc);
      const attr = doc?.attributions.find((a) => a.id === side.attr);
      if (!doc || !attr) throw new Error(`unknown attribution ${side.doc} ${side.attr}`);
      console.log(`--- ${doc.id} ${attr.id}\n${context(doc, attr)}`);
    }
  });
}

function main(): void {
  const shared = path.resolve(arg('shared') ?? path.join(ROOT, '..', 'shared'));
  const docs = readDocs(shared);
  const showFile = arg('show');
  if (showFile) return show(docs, showFile);
  const mined = minePairs(buildItems(docs));
  const candidates = process.argv.includes('--reading-list') ? readingList(mined, nearCopies(docs)) : mined;
  const text = candidates.map((c) => JSON.stringify(c)).join('\n') + '\n';
  const out = arg('out');
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  const counts = candidates.reduce<Record<string, number>>(
    (m, c) => ({ ...m, [c.kind]: (m[c.kind] ?? 0) + 1 }),
    {},
  );
  console.error(`mined ${candidates.length} candidate pairs: ${JSON.stringify(counts)}`);
}

main();
