/**
 * The reading list of near-threshold pairs added to the statements gold in session 13: every gold
 * PolNeAR train+dev attribution becomes a report (speakers from the project's analysis, as in
 * `newsgraph eval statements`), candidates come from the statement index's own retrieval (speaker
 * blocking and LSH bands), and the pairs the shipped matcher scores within `--band` log-odds of its
 * threshold — the corpus's near misses and near hits — are listed, at most one per pair of articles,
 * pairs already in the gold left out. The list is in hash order and holds ids only, so the reader
 * labels it blind to the score; the scores go to a separate file (`--scores`), read after labelling.
 *
 *   npx tsx scripts/statements/near-threshold.ts --out /tmp/<you>/near.jsonl --scores /tmp/<you>/scores.jsonl
 *     [--band 1] [--count 60] [--cache /tmp/<you>/all-reports.json]
 *   npx tsx scripts/statements/mine-pairs.ts --show /tmp/<you>/near.jsonl --from 0 --count 20   # read
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { features, profile, score, shippedModel, Vocabulary } from '../../src/corpus/statements/index.js';
import type { Profile, Report } from '../../src/corpus/statements/index.js';
import { blockKeys, DEFAULT_LSH, MIN_SHARED_BANDS } from '../../src/corpus/statements/grouping.js';
import { sharedRoot } from '../../src/eval/index.js';
import { idOf, STATEMENTS_GOLD } from '../../src/eval/statements.js';
import type { PolnearDoc } from '../../src/eval/statements-gold.js';
import {
  analyzeDoc,
  goldToReport,
  PolnearDocSchema,
  readJsonl,
  sortDocs,
  StatementPairSchema,
} from '../../src/eval/statements-gold.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const { data } = sharedRoot(arg('--data'));
const band = Number(arg('--band') ?? 1);
const count = Number(arg('--count') ?? 60);
const docs = sortDocs(
  ['train', 'dev'].flatMap((s) =>
    readJsonl(path.join(data, 'attribution', `polnear-${s}.jsonl`), PolnearDocSchema),
  ),
);

/** One report per gold attribution of every article (cached: the analysis is the slow part). */
function allReports(): Report[] {
  const cache = arg('--cache');
  if (cache && existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8')) as Report[];
  const reports = docs.flatMap((doc: PolnearDoc, order) => {
    const analysis = analyzeDoc(doc);
    if ((order + 1) % 100 === 0) process.stderr.write(`${order + 1}/${docs.length} articles\n`);
    return doc.attributions.map((a) => goldToReport(doc, { doc: doc.id, attr: a.id, ...a }, analysis, order));
  });
  if (cache) writeFileSync(cache, JSON.stringify(reports));
  return reports;
}

/** FNV-1a: an order that does not follow the scores. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const model = shippedModel();
const vocab = new Vocabulary();
const profiles = allReports().map((r) => profile(r, vocab));
const posting = new Map<number, number[]>();
const keys = profiles.map((p) => blockKeys(p, DEFAULT_LSH, model));
keys.forEach((k, n) => {
  for (const key of k.file) posting.set(key, [...(posting.get(key) ?? []), n]);
});
const inGold = new Set(
  readJsonl(STATEMENTS_GOLD, StatementPairSchema).flatMap((p) => [
    `${idOf(p.a)} ${idOf(p.b)}`,
    `${idOf(p.b)} ${idOf(p.a)}`,
  ]),
);
const vetoed = (a: Profile, b: Profile) =>
  model.vetoDifferentSpeakers && a.speakerKey && b.speakerKey && a.speakerKey !== b.speakerKey;
const near = new Map<string, { a: Profile; b: Profile; score: number }>();
keys.forEach((k, n) => {
  const shared = new Map<number, number>();
  for (const key of k.look) for (const m of posting.get(key) ?? []) shared.set(m, (shared.get(m) ?? 0) + 1);
  for (const [m, bands] of shared) {
    const [a, b] = [profiles[n], profiles[m]].sort((p, q) => (p.id < q.id ? -1 : 1));
    if (bands < MIN_SHARED_BANDS || a.article === b.article || vetoed(a, b)) continue;
    if (inGold.has(`${a.id} ${b.id}`)) continue;
    const s = score(model, features(a, b));
    const articles = `${a.article} ${b.article}`;
    if (Math.abs(s - model.threshold) > band) continue;
    const kept = near.get(articles);
    // One pair per pair of articles: the one nearest the threshold.
    if (!kept || Math.abs(s - model.threshold) < Math.abs(kept.score - model.threshold))
      near.set(articles, { a, b, score: s });
  }
});
const order = new Map(docs.map((d, i) => [d.id, i]));
const listed = [...near.values()]
  .map(({ a, b, score: s }) =>
    order.get(a.article)! <= order.get(b.article)! ? { a, b, s } : { a: b, b: a, s },
  )
  .sort((p, q) => hash(`${p.a.id} ${p.b.id}`) - hash(`${q.a.id} ${q.b.id}`))
  .slice(0, count);
const ref = (p: Profile) => ({ doc: p.article, attr: p.id.split('#')[1] });
writeFileSync(
  arg('--out')!,
  listed.map((p) => JSON.stringify({ a: ref(p.a), b: ref(p.b) })).join('\n') + '\n',
);
const scores = arg('--scores');
if (scores)
  writeFileSync(
    scores,
    listed.map((p) => JSON.stringify({ a: p.a.id, b: p.b.id, score: Number(p.s.toFixed(3)) })).join('\n') +
      '\n',
  );
process.stdout.write(
  `${profiles.length} reports, ${near.size} article pairs within ${band} of threshold ${model.threshold}; listed ${listed.length}\n`,
);
