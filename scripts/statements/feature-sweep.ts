/**
 * Experiment (not shipped): candidate pair features added one at a time to the matcher's, scored by
 * the outer 5-fold CV's pooled out-of-fold scores — recall at precision ≥ 0.95 and average
 * precision, which do not depend on the threshold rule — and the direct P/R at each fold's threshold.
 *
 * With `--by-statement` the folds hold whole statements (the components of the gold's same pairs; a
 * pair goes with its first report's statement) instead of pair id mod 5: a feature that only learns
 * one statement from its other pairs in the training folds — the December 2015 Muslim-ban call is 53
 * of the 198 same pairs — gains under pair folds and loses under these.
 *
 *   npx tsx scripts/statements/feature-sweep.ts --cache /tmp/<you>/reports.json [--only a,b] [--by-statement]
 */
import { existsSync, readFileSync } from 'node:fs';
import { FEATURES, score, type Profile, type Report } from '../../src/corpus/statements/index.js';
import { fitModel, fitWeights } from '../../src/corpus/statements/fit.js';
import { goldPairs, idOf, FOLDS, statementFold, type StatementsData } from '../../src/eval/statements.js';
import { occasionOf } from '../../src/corpus/statements/occasion.js';
import { CONTEXT_CHARS } from '../../src/corpus/statements/reports.js';

const flag = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const cache = flag('--cache')!;
if (!existsSync(cache)) throw new Error('run threshold-rules.ts --cache first');
const raw = JSON.parse(readFileSync(cache, 'utf8')) as {
  pairs: StatementsData['pairs'];
  reports: [string, Report][];
};
const data = { pairs: raw.pairs, reports: new Map(raw.reports) };
const { profiles, x: base, y, foldOf: pairFoldOf } = goldPairs(data);
const foldOf = process.argv.includes('--by-statement') ? statementFold(data.pairs) : pairFoldOf;
const A = data.pairs.map((p) => profiles.get(idOf(p.a))!);
const B = data.pairs.map((p) => profiles.get(idOf(p.b))!);

const at = (name: (typeof FEATURES)[number]) => FEATURES.indexOf(name);
const sharedIdx = (a: Profile, b: Profile) => {
  const sb = new Set(b.contentText);
  return a.contentText.map((w, i) => (sb.has(w) ? i : -1)).filter((i) => i >= 0);
};
const sharedStems = (a: Profile, b: Profile) => {
  const sb = new Set(b.stems);
  return Array.from(a.stems).filter((s) => sb.has(s)).length;
};
const days = (a: Profile, b: Profile) => (a.day !== null && b.day !== null ? Math.abs(a.day - b.day) : null);
const NUM = /^\d/;

/**
 * Occasion markers (session 14, not kept): the kinds of occasion, the outlets and shows, and the
 * month (resolved against publication) the report's context names outside its content.
 */
const OCCASION_KINDS: Record<string, string[]> = {
  debate: ['debate', 'debates'],
  rally: ['rally', 'rallies'],
  speech: ['speech', 'address', 'remarks', 'speaking'],
  interview: ['interview', 'interviews', 'interviewed'],
  townhall: ['town hall', 'forum'],
  convention: ['convention'],
  written: ['statement', 'release', 'memo', 'letter', 'wrote', 'op-ed', 'column', 'email'],
  social: ['twitter', 'tweet', 'tweets', 'tweeted', 'facebook', 'instagram'],
  press: ['press conference', 'news conference', 'reporters', 'briefing'],
  hearing: ['hearing', 'testimony', 'testified', 'committee'],
  ad: ['ad', 'ads', 'advertisement', 'commercial'],
  radio: ['radio', 'podcast'],
  fundraiser: ['fundraiser', 'donors'],
  poll: ['poll', 'survey'],
  cnn: ['cnn'],
  fox: ['fox', 'hannity', "o'reilly"],
  msnbc: ['msnbc', 'morning joe'],
  nbc: ['nbc', 'meet the press', 'today show'],
  abc: ['abc', 'this week', 'good morning america'],
  cbs: ['cbs', 'face the nation', '60 minutes'],
  nyt: ['new york times', 'the times'],
  wapo: ['washington post', 'the post'],
  wsj: ['wall street journal'],
  ap: ['associated press'],
  npr: ['npr'],
  hewitt: ['hewitt'],
  reuters: ['reuters'],
};
const MONTH =
  /\b(january|february|march|april|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.)(?=[\s,.])/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
interface Occasion {
  marks: Set<string>;
  month: number | null;
}
/** The report's whole context, lower-cased, its content blanked out. */
function contextFrame(r: Report): string {
  let ctx = (r.context ?? '').toLowerCase();
  const base = Math.max(0, Math.min(...r.content.map((c) => c.start)) - CONTEXT_CHARS);
  for (const c of r.content) {
    const [s, e] = [Math.max(0, c.start - base), Math.min(ctx.length, c.end - base)];
    if (e > s) ctx = ctx.slice(0, s) + ' '.repeat(e - s) + ctx.slice(e);
  }
  return ctx;
}
function occasionMarks(r: Report, p: Profile): Occasion {
  const frame = contextFrame(r);
  const words = new Set(frame.match(/[\p{L}\p{N}'’-]+/gu) ?? []);
  const named = (w: string) => (w.includes(' ') ? frame.includes(w) : words.has(w));
  const marks = new Set(
    Object.entries(OCCASION_KINDS)
      .filter(([, ws]) => ws.some(named))
      .map(([k]) => k),
  );
  const said = occasionOf(r, p.day).day ?? null;
  let month: number | null = null;
  if (said !== null) {
    const d = new Date(said * 864e5);
    month = d.getUTCFullYear() * 12 + d.getUTCMonth();
  } else if (p.day !== null) {
    const m = MONTH.exec(frame);
    if (m) {
      const pub = new Date(p.day * 864e5);
      const k = MONTHS.indexOf(m[1].slice(0, 3));
      month = (pub.getUTCFullYear() - (k > pub.getUTCMonth() ? 1 : 0)) * 12 + k;
    }
  }
  return { marks, month };
}
const occasions = new Map([...data.reports].map(([id, r]) => [id, occasionMarks(r, profiles.get(id)!)]));
const sharesMark = (a: Occasion, b: Occasion) => [...a.marks].some((m) => b.marks.has(m));
const ACT_CUE =
  /\b(proposal|proposals|proposed|propose|proposes|proposing|call|called|calling|calls|announced|announcement|unveiled|statement)\b/;
/** The longest run of words the two share, weighted by the idf of its content words (function words 0). */
function rareRun(a: Profile, b: Profile): { weight: number; contentWords: number } {
  const w = new Map<number, number>();
  a.contentWords.forEach((id, k) => w.set(id, a.contentIdf[k]));
  let prev = new Float64Array(b.words.length + 1);
  let cur = new Float64Array(b.words.length + 1);
  let prevN = new Int32Array(b.words.length + 1);
  let curN = new Int32Array(b.words.length + 1);
  const best = { weight: 0, contentWords: 0 };
  for (let i = 1; i <= a.words.length; i++) {
    for (let j = 1; j <= b.words.length; j++) {
      const same = a.words[i - 1] === b.words[j - 1];
      const ww = same ? (w.get(a.words[i - 1]) ?? 0) : 0;
      cur[j] = same ? prev[j - 1] + ww : 0;
      curN[j] = same ? prevN[j - 1] + (ww > 0 ? 1 : 0) : 0;
      if (cur[j] > best.weight) Object.assign(best, { weight: cur[j], contentWords: curN[j] });
    }
    [prev, cur] = [cur, prev];
    [prevN, curN] = [curN, prevN];
  }
  return best;
}

const candidates: Record<string, (a: Profile, b: Profile, x: number[]) => number> = {
  rareSharedMax: (a, b) => Math.max(0, ...sharedIdx(a, b).map((i) => a.contentTextIdf[i])) / 8,
  rareShared2: (a, b) => (sharedIdx(a, b).filter((i) => a.contentTextIdf[i] >= 4.5).length >= 2 ? 1 : 0),
  daysOver30: (a, b) => ((days(a, b) ?? 0) > 30 ? 1 : 0),
  daysOver180: (a, b) => ((days(a, b) ?? 0) > 180 ? 1 : 0),
  logMinWords: (a, b) => Math.log1p(Math.min(a.contentWords.length, b.contentWords.length)),
  stemContainment: (a, b) => sharedStems(a, b) / Math.max(1, Math.min(a.stems.length, b.stems.length)),
  paraphraseDays: (_a, _b, x) => x[at('paraphrase')] * x[at('logDays')],
  containmentDays: (_a, _b, x) => x[at('stemIdfContainment')] * x[at('logDays')],
  shortContainment: (a, b, x) =>
    Math.min(a.contentWords.length, b.contentWords.length) <= 6 ? x[at('stemIdfContainment')] : 0,
  indirectDays: (a, b, x) => (!a.quoted && !b.quoted ? x[at('logDays')] : 0),
  numberClash: (a, b) => {
    const na = a.contentText.filter((w) => NUM.test(w));
    const nb = new Set(b.contentText.filter((w) => NUM.test(w)));
    return na.length && nb.size && !na.some((w) => nb.has(w)) ? 1 : 0;
  },
  paraphraseSq: (_a, _b, x) => x[at('paraphrase')] * x[at('paraphrase')],
  stemIdfSq: (_a, _b, x) => x[at('stemIdfContainment')] * x[at('stemIdfContainment')],
  contextDays: (_a, _b, x) => x[at('context')] * x[at('logDays')],
  // session 14: occasion markers, rare shared runs, cues naming one act
  occasionSame: (a, b) => {
    const [p, q] = [occasions.get(a.id)!, occasions.get(b.id)!];
    return sharesMark(p, q) || (p.month !== null && p.month === q.month) ? 1 : 0;
  },
  occasionClash: (a, b) => {
    const [p, q] = [occasions.get(a.id)!, occasions.get(b.id)!];
    const kinds = p.marks.size > 0 && q.marks.size > 0 && !sharesMark(p, q);
    return kinds || (p.month !== null && q.month !== null && p.month !== q.month) ? 1 : 0;
  },
  occasionMonthSame: (a, b) => {
    const [p, q] = [occasions.get(a.id)!, occasions.get(b.id)!];
    return p.month !== null && p.month === q.month ? 1 : 0;
  },
  rareRunShare: (a, b) => rareRun(a, b).weight / Math.max(1e-9, Math.min(a.idfTotal, b.idfTotal)),
  rareRun3: (a, b) => (rareRun(a, b).contentWords >= 3 ? 1 : 0),
  actCueBoth: (a, b) => {
    const cue = (p: Profile) =>
      data.reports
        .get(p.id)!
        .cue.map((c) => c.text.toLowerCase())
        .join(' ');
    return ACT_CUE.test(cue(a)) && ACT_CUE.test(cue(b)) ? 1 : 0;
  },
};

const bag = Number(flag('--bag') ?? 1);
const l2 = Number(flag('--l2') ?? 0.001);
function evaluate(extra: string[]) {
  const x = base.map((v, i) => [...v, ...extra.map((n) => candidates[n](A[i], B[i], v))]);
  const oof = new Array<number>(x.length).fill(-Infinity);
  const t = { tp: 0, fp: 0, fn: 0 };
  const veto = (i: number) => A[i].speakerKey && B[i].speakerKey && A[i].speakerKey !== B[i].speakerKey;
  for (let f = 0; f < FOLDS; f++) {
    const train = x.map((_, i) => i).filter((i) => foldOf(i) !== f);
    const m = fitModel(
      train.map((i) => x[i]),
      train.map((i) => y[i]),
      { l2 },
    );
    if (bag > 1) {
      let state = 12345;
      const rnd = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
      const sum = new Array<number>(m.weights.length).fill(0);
      for (let r = 0; r < bag; r++) {
        const pick = train.map(() => train[Math.floor(rnd() * train.length)]);
        fitWeights(
          pick.map((i) => x[i]),
          pick.map((i) => y[i]),
          { l2 },
        ).forEach((w, k) => (sum[k] += w / bag));
      }
      m.weights = sum;
    }
    x.forEach((v, i) => {
      if (foldOf(i) !== f || veto(i)) return;
      if (A[i].contentWords.length < 3 || B[i].contentWords.length < 3 || A[i].namesOnly || B[i].namesOnly)
        return;
      oof[i] = score(m, v);
      const got = oof[i] >= m.threshold;
      if (got && y[i]) t.tp++;
      else if (got) t.fp++;
    });
  }
  const positives = y.filter(Boolean).length;
  t.fn = positives - t.tp;
  const order = oof
    .map((_, i) => i)
    .filter((i) => oof[i] > -Infinity)
    .sort((p, q) => oof[q] - oof[p]);
  let tp = 0;
  let r95 = 0;
  let r90 = 0;
  let ap = 0;
  order.forEach((i, k) => {
    if (y[i]) {
      tp++;
      ap += tp / (k + 1);
    }
    if (tp / (k + 1) >= 0.95) r95 = Math.max(r95, tp / positives);
    if (tp / (k + 1) >= 0.9) r90 = Math.max(r90, tp / positives);
  });
  return `r@P95 ${r95.toFixed(3)} r@P90 ${r90.toFixed(3)} AP ${(ap / positives).toFixed(3)} direct P ${(t.tp / Math.max(1, t.tp + t.fp)).toFixed(3)} R ${(t.tp / positives).toFixed(3)}`;
}

const only = flag('--only');
const sets = only
  ? only.split(';').map((s) => s.split(',').filter(Boolean))
  : [[], ...Object.keys(candidates).map((k) => [k])];
for (const s of sets) process.stdout.write(`${(s.join('+') || 'base').padEnd(28)} ${evaluate(s)}\n`);
