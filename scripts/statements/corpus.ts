/**
 * Statements across the PolNeAR train and dev articles, analysed by the project's pipeline (no gold
 * labels): each article is analysed, its attributions become reports, and reports are added to a
 * statement index one article at a time in publication order. Prints how many statements have
 * reports in at least two outlets, the largest, and a fixed sample of them with each report's
 * drift against the origin, for reading by hand. The output holds article text: never commit it.
 * With `--gold`, also the pairwise precision and recall of this end-to-end grouping (pipeline
 * attributions, shipped matcher, every report of the corpus) on the statements gold: each gold
 * attribution is the report of its article whose content covers most of its content characters (at
 * least half); a pair with a side no report covers counts as not grouped.
 *
 *   npx tsx scripts/statements/corpus.ts [--data ../shared/data] [--sample 20] [--limit N] [--gold]
 *     [--kinds negation-lost,negation-added]   (every item of those kinds, for reading)
 */
import path from 'node:path';
import {
  driftKinds,
  reportsFromAnalysis,
  statementDrift,
  StatementIndex,
  type Report,
  type Statement,
} from '../../src/corpus/statements/index.js';
import { hashWord } from '../../src/corpus/statements/minhash.js';
import { sharedRoot } from '../../src/eval/index.js';
import { STATEMENTS_GOLD } from '../../src/eval/statements.js';
import {
  analyzeDoc,
  PolnearDocSchema,
  readJsonl,
  sortDocs,
  StatementPairSchema,
  type GoldReport,
} from '../../src/eval/statements-gold.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const { data } = sharedRoot(arg('--data'));
const sampleSize = Number(arg('--sample') ?? 20);
const docs = sortDocs(
  ['train', 'dev'].flatMap((s) =>
    readJsonl(path.join(data, 'attribution', `polnear-${s}.jsonl`), PolnearDocSchema),
  ),
).slice(0, arg('--limit') ? Number(arg('--limit')) : undefined);

const index = new StatementIndex();
const byArticle = new Map<string, Report[]>();
let reports = 0;
let analyseMs = 0;
let indexMs = 0;
docs.forEach((doc, order) => {
  const t0 = performance.now();
  const analysis = analyzeDoc(doc);
  const t1 = performance.now();
  const rs = reportsFromAnalysis(analysis, {
    id: doc.id,
    outlet: doc.publisher,
    published: doc.date,
    ingestOrder: order,
  });
  index.addArticle(rs);
  byArticle.set(doc.id, rs);
  analyseMs += t1 - t0;
  indexMs += performance.now() - t1;
  reports += rs.length;
  if ((order + 1) % 100 === 0) process.stderr.write(`${order + 1}/${docs.length} articles\n`);
});

const all = index.statements(2);
const multiOutlet = all.filter((s) => s.outlets.length >= 2);
const out = (s: string) => process.stdout.write(s + '\n');
out(
  `${docs.length} articles, ${reports} reports; analysis ${(analyseMs / 1000).toFixed(1)} s, statement index ${(indexMs / 1000).toFixed(1)} s`,
);
out(`statements with ≥ 2 reports: ${all.length}; with reports in ≥ 2 outlets: ${multiOutlet.length}`);
const sizes = multiOutlet.map((s) => s.reports.length);
out(
  `reports per multi-outlet statement: max ${Math.max(0, ...sizes)}, total ${sizes.reduce((a, b) => a + b, 0)}`,
);

const show = (s: Statement, n: number) => {
  out(
    `\n#${n} statement ${s.id}: ${s.reports.length} reports in ${s.outlets.length} outlets (${s.outlets.join(', ')})`,
  );
  const drifts = new Map(statementDrift(s, (id) => index.report(id)).map((d) => [d.report, d]));
  for (const id of s.reports) {
    const r = index.report(id) as Report;
    const kinds = id === s.origin ? 'origin' : driftKinds(drifts.get(id)!.fromOrigin).join(',');
    out(
      `  - ${r.published} ${r.outlet} ${id.split('#')[1]} [${r.speaker ?? '?'}] ${r.cue.map((c) => c.text).join(' ')} :: ${r.content
        .map((c) => c.text)
        .join(' … ')
        .slice(0, 300)}`,
    );
    out(`      drift vs origin: ${kinds}`);
  }
};
out('\nlargest:');
multiOutlet.slice(0, 1).forEach((s, i) => show(s, i + 1));
out(`\nsample of ${sampleSize} (fixed hash order):`);
[...multiOutlet]
  .sort((a, b) => hashWord(a.id) - hashWord(b.id))
  .slice(0, sampleSize)
  .forEach((s, i) => show(s, i + 1));

/** `--kinds a,b`: every drift item of those kinds against the origin, in every statement of ≥ 2 reports. */
const kindList = arg('--kinds')?.split(',');
if (kindList) {
  out(`\ndrift items of ${kindList.join(', ')} against the origin, all statements of ≥ 2 reports:`);
  for (const s of all)
    for (const d of statementDrift(s, (id) => index.report(id)))
      for (const item of d.fromOrigin.filter((i) => kindList.includes(i.kind))) {
        const [o, r] = [index.report(s.origin) as Report, index.report(d.report) as Report];
        const words = (x: Report) => x.content.map((c) => c.text).join(' … ');
        out(
          `  - ${item.kind} "${item.from.text}" → "${item.to.text}" [${o.speaker ?? '?'} → ${r.speaker ?? '?'}]`,
        );
        out(`      origin ${s.origin}: ${words(o).slice(0, 240)}`);
        out(`      report ${d.report}: ${words(r).slice(0, 240)}`);
      }
}

/** The report of the gold attribution's article covering most of its content (at least half), if any. */
function reportOf(g: GoldReport): string | undefined {
  const overlap = (r: Report) =>
    g.content.reduce(
      (n, [s, e]) =>
        n + r.content.reduce((m, c) => m + Math.max(0, Math.min(e, c.end) - Math.max(s, c.start)), 0),
      0,
    );
  const total = g.content.reduce((n, [s, e]) => n + e - s, 0);
  let best: Report | undefined;
  for (const r of byArticle.get(g.doc) ?? []) if (!best || overlap(r) > overlap(best)) best = r;
  return best && overlap(best) * 2 >= total ? best.id : undefined;
}

if (process.argv.includes('--gold')) {
  const t = { tp: 0, fp: 0, fn: 0, unmapped: 0, sameUnmapped: 0 };
  for (const p of readJsonl(STATEMENTS_GOLD, StatementPairSchema)) {
    const [a, b] = [reportOf(p.a), reportOf(p.b)];
    if (!a || !b) {
      t.unmapped++;
      if (p.label === 'same') t.sameUnmapped++;
    }
    const together = a !== undefined && b !== undefined && index.together(a, b);
    if (together && p.label === 'same') t.tp++;
    else if (together) t.fp++;
    else if (p.label === 'same') t.fn++;
  }
  out(
    `\ngold pairs (end-to-end grouping, shipped matcher): precision ${(t.tp / Math.max(1, t.tp + t.fp)).toFixed(3)} recall ${(t.tp / Math.max(1, t.tp + t.fn)).toFixed(3)} ${JSON.stringify(t)}`,
  );
}
