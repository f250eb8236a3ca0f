/**
 * Claim traces and relay links of a store, printed for reading by hand as a fact-checker reads them:
 * a fixed sample (hash order of ids) of traced claims, each with the sentence around it and every
 * report elsewhere it was traced to, and of relay rows, each with the sentence around the credited
 * outlet and the relayed outlet's own report when held. The output holds article text: never commit it.
 *
 *   npx tsx scripts/statements/read-traces.ts --db FILE [--claims 20] [--relays 20]
 */
import { getClaim, listClaims, listRelays, outletGraph } from '../../src/corpus/index.js';
import { hashWord } from '../../src/corpus/statements/minhash.js';
import { openStore } from '../../src/store/open.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const db = arg('--db');
if (!db) throw new Error('--db FILE is required');
const claimCount = Number(arg('--claims') ?? 20);
const relayCount = Number(arg('--relays') ?? 20);
const store = await openStore(db, { mustExist: true });
const out = (s: string) => process.stdout.write(s + '\n');
const texts = new Map<string, string>();

async function textOf(article: string): Promise<string> {
  let t = texts.get(article);
  if (t === undefined) {
    t = (await store.getArticle(article, { layers: { limit: 0 } }))?.analysis.text ?? '';
    texts.set(article, t);
  }
  return t;
}

/** The text around `[start, end)`, the span in brackets, cut at the sentence ends nearest `reach`. */
async function around(article: string, start: number, end: number, reach = 220): Promise<string> {
  const t = await textOf(article);
  const from = Math.max(0, start - reach);
  const to = Math.min(t.length, end + reach);
  return `${t.slice(from, start)}[[${t.slice(start, end)}]]${t.slice(end, to)}`.replace(/\s+/g, ' ');
}

const byHash = <T>(items: T[], id: (x: T) => string) =>
  [...items].sort((a, b) => hashWord(id(a)) - hashWord(id(b)));

const all = await listClaims(store, { traced: false, limit: 1, offset: 0 });
const traced = await listClaims(store, { traced: true, limit: 100_000, offset: 0 });
const links = traced.items.reduce((n, c) => n + c.traces, 0);
out(`claims ${all.total}; traced ${traced.total} (${links} links)`);
for (const [i, c] of byHash(traced.items, (x) => x.id)
  .slice(0, claimCount)
  .entries()) {
  const detail = await getClaim(store, c.id);
  if (!detail) continue;
  out(`\n#C${i + 1} claim ${c.id} (${c.outlet} ${c.published?.slice(0, 10)}; ${c.reason})`);
  out(`   ${await around(c.article, c.span.start, c.span.end)}`);
  for (const s of detail.sources) {
    const first = s.content[0];
    const last = s.content[s.content.length - 1];
    out(
      `   -> ${s.outlet} ${s.published?.slice(0, 10)} ${s.report} [${s.speaker ?? '?'}] ${s.cue.map((p) => p.text).join(' ')}`,
    );
    out(`      ${await around(s.article, first.start, last.end, 120)}`);
  }
}

const graph = await outletGraph(store, { minCount: 1, limit: 100_000 });
const relays = await listRelays(store, { limit: 100_000, offset: 0 });
out(
  `\nrelay rows ${relays.total}; graph edges ${graph.edges.length} (credits ${graph.edges.filter((e) => e.kind === 'credits').length}), nodes ${graph.nodes.length}`,
);
out(
  `heaviest edges: ${graph.edges
    .slice(0, 15)
    .map((e) => `${e.from} -${e.kind}-> ${e.to} ×${e.count}`)
    .join('; ')}`,
);
for (const [i, r] of byHash(relays.items, (x) => `${x.report}/${x.relay.start}`)
  .slice(0, relayCount)
  .entries()) {
  out(
    `\n#R${i + 1} ${r.outlet} ${r.published?.slice(0, 10)} ${r.report}: relay "${r.relay.text}" cue "${r.cue}"${r.citing ? ` citing "${r.citing.text}"` : ''}`,
  );
  if (r.relay.start !== null && r.relay.end !== null)
    out(`   ${await around(r.article, r.relay.start, r.relay.end, 250)}`);
  for (const x of r.relayed) out(`   relayed: ${x.outlet} ${x.published?.slice(0, 10)} ${x.report}`);
}
await store.close();
