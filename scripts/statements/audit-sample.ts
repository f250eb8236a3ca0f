/**
 * A blind re-annotation of the statements gold (issue 17, session 15). `--list` draws a stratified
 * sample with a fixed seed — same pairs, hard different pairs and other different pairs — and prints
 * each pair's two reports (outlet, date, title, source, cue, content and the text around them) in
 * shuffled order under audit ids, without the label, the note, the hard flag or any matcher score;
 * the audit ids' pair ids go to a separate key file, opened only after labelling. `--compare` reads
 * the reader's labels (one line per pair: `audit-id<TAB>same|different|undecidable<TAB>reason`)
 * and prints agreement with the gold, Cohen's kappa, agreement on each gold class, and every
 * disagreement with both reasons. The listing holds article text: write it under /tmp, never commit.
 *
 *   npx tsx scripts/statements/audit-sample.ts --list --out /tmp/<you>/audit [--same 90 --hard 60 --easy 30 --seed 15]
 *     [--gold PAIRS.jsonl]   (the session-15 sample was drawn from the gold before its corrections:
 *                             `git show c754a3d:test/fixtures/statements/pairs.jsonl`)
 *   npx tsx scripts/statements/audit-sample.ts --compare /tmp/<you>/audit/labels.tsv --key /tmp/<you>/audit/key.json
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { sharedRoot } from '../../src/eval/index.js';
import { STATEMENTS_GOLD } from '../../src/eval/statements.js';
import {
  PolnearDocSchema,
  readJsonl,
  type GoldReport,
  type PolnearDoc,
} from '../../src/eval/statements-gold.js';
import { agreement, drawSample, stratumOf, type Agreement } from './audit-lib.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

/** The gold pair with the fields the sampler and the comparison read (the eval's schema drops the note). */
const AuditPairSchema = z.object({
  id: z.string(),
  a: z.object({ doc: z.string(), attr: z.string() }).passthrough(),
  b: z.object({ doc: z.string(), attr: z.string() }).passthrough(),
  label: z.enum(['same', 'different']),
  hard: z.boolean(),
  note: z.string().optional(),
});
type AuditPair = z.infer<typeof AuditPairSchema>;
const KeySchema = z.record(z.string(), z.string());
const spanText = (doc: PolnearDoc, spans: Array<[number, number]>) =>
  spans.map(([s, e]) => doc.text.slice(s, e)).join(' … ');

/** One report for reading: metadata, the spans' texts, and the text around them with the spans marked. */
function showReport(doc: PolnearDoc, g: GoldReport): string {
  const all = [...g.source, ...g.cue, ...g.content].flat();
  const from = Math.max(0, doc.text.lastIndexOf('\n', Math.min(...all) - 400) + 1, Math.min(...all) - 900);
  const nextBreak = doc.text.indexOf('\n', Math.max(...all) + 250);
  const to = Math.min(doc.text.length, nextBreak < 0 ? doc.text.length : nextBreak, Math.max(...all) + 600);
  const marks = [...g.content.map(([s, e]) => [s, e, '⟦', '⟧'] as const)];
  let around = '';
  for (let k = from; k < to; k++) {
    for (const [s, , open] of marks) if (s === k) around += open;
    around += doc.text[k];
    for (const [, e, , close] of marks) if (e === k + 1) around += close;
  }
  return [
    `  ${doc.publisher} ${doc.date} "${doc.title ?? ''}"`,
    `  source: ${spanText(doc, g.source) || '(none)'} | cue: ${spanText(doc, g.cue)}`,
    `  content: ${spanText(doc, g.content)}`,
    `  around: ${around.replace(/\n+/g, ' ¶ ')}`,
  ].join('\n');
}

function list(pairs: AuditPair[], docs: Map<string, PolnearDoc>, out: string): void {
  const sizes = {
    same: Number(arg('--same') ?? 90),
    hard: Number(arg('--hard') ?? 60),
    easy: Number(arg('--easy') ?? 30),
  };
  const sample = drawSample(pairs, sizes, Number(arg('--seed') ?? 15));
  const blocks = sample.map(({ auditId, pair }) => {
    const side = (g: AuditPair['a']) => showReport(docs.get(g.doc)!, g as unknown as GoldReport);
    return `=== ${auditId}\n${side(pair.a)}\n  ---\n${side(pair.b)}`;
  });
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'blind.txt'), blocks.join('\n\n') + '\n');
  writeFileSync(
    path.join(out, 'key.json'),
    JSON.stringify(Object.fromEntries(sample.map((s) => [s.auditId, s.pair.id]))),
  );
  console.error(`${sample.length} pairs → ${out}/blind.txt (key in key.json: open it after labelling)`);
}

function compare(pairs: AuditPair[], labelsFile: string, keyFile: string): void {
  const key = KeySchema.parse(JSON.parse(readFileSync(keyFile, 'utf8')));
  const byId = new Map(pairs.map((p) => [p.id, p]));
  const mine = readFileSync(labelsFile, 'utf8')
    .split('\n')
    .filter((l) => /^A\d+\t/.test(l))
    .map((l) => {
      const [auditId, label, reason] = l.split('\t');
      return { auditId, pair: byId.get(key[auditId])!, label, reason: reason ?? '' };
    });
  const decided = mine.filter((m) => m.label !== 'undecidable');
  const show = (a: Agreement) =>
    `n ${a.n}  agree ${a.agree} (${(a.agree / a.n).toFixed(3)})  kappa ${a.kappa.toFixed(3)}  ` +
    `on gold same ${a.onSame.join('/')}  on gold different ${a.onDifferent.join('/')}`;
  console.log(`labelled ${mine.length}, undecidable ${mine.length - decided.length}`);
  console.log(`all decided: ${show(agreement(decided.map((m) => ({ gold: m.pair.label, mine: m.label }))))}`);
  for (const s of ['same', 'hard', 'easy'] as const) {
    const of = decided.filter((m) => stratumOf(m.pair) === s);
    console.log(`  ${s}: ${of.filter((m) => m.label === m.pair.label).length}/${of.length} agree`);
  }
  for (const m of mine.filter((x) => x.label !== x.pair.label))
    console.log(
      `${m.auditId} ${m.pair.id} gold ${m.pair.label}${m.pair.hard ? ' (hard)' : ''}: ${m.pair.note ?? ''}\n` +
        `     mine ${m.label}: ${m.reason}`,
    );
}

function main(): void {
  const pairs = readJsonl(arg('--gold') ?? STATEMENTS_GOLD, AuditPairSchema);
  const labels = arg('--compare');
  if (labels) return compare(pairs, labels, arg('--key') ?? path.join(path.dirname(labels), 'key.json'));
  const { data } = sharedRoot(arg('--data'));
  const docs = new Map(
    ['train', 'dev']
      .flatMap((s) => readJsonl(path.join(data, 'attribution', `polnear-${s}.jsonl`), PolnearDocSchema))
      .map((d) => [d.id, d]),
  );
  list(pairs, docs, arg('--out') ?? '/tmp/audit');
}

main();
