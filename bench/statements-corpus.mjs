// The synthetic corpus of bench/statements.mjs: real PolNeAR train attributions (gold spans) turned
// into new utterances by replacing some of their words, credited to synthetic speakers
// (Zipf-distributed), each utterance reported 1–4 times with drift (a word dropped or changed, the end
// cut). Deterministic: every run builds the same corpus.
import { readPolnear } from './common.mjs';

export const PER_ARTICLE = 20;

// A small deterministic generator (mulberry32).
let seed = 20161108;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const bases = [];
const vocabulary = new Set();
for (const doc of readPolnear().docs) {
  for (const a of doc.attributions) {
    if (!a.content.length) continue;
    const text = a.content.map(([s, e]) => doc.text.slice(s, e)).join(' ');
    const words = text.split(/\s+/).filter(Boolean);
    if (words.length < 5) continue;
    words.forEach((w) => vocabulary.add(w));
    const cue = a.cue.length ? doc.text.slice(a.cue[0][0], a.cue[0][1]) : 'said';
    bases.push({ words, cue, context: doc.text.slice(Math.max(0, a.content[0][0] - 400), a.content[0][0]) });
  }
}
const vocab = [...vocabulary];
export const describeBases = () =>
  `${bases.length} real attributions as bases, ${vocab.length} distinct words`;

// One synthetic utterance: a base with 60% of its words replaced (so utterances drawn from one base
// stay distinct as the corpus grows), a Zipf-drawn speaker.
export const stats = { utterances: 0 };
const speakers = (n) => `Person Speaker${Math.floor(Math.pow(rand(), 3) * Math.max(10, n / 40))}`;
function utterance(n) {
  const base = pick(bases);
  stats.utterances++;
  return {
    words: base.words.map((w) => (rand() < 0.6 ? pick(vocab) : w)),
    cue: base.cue,
    context: base.context,
    speaker: rand() < 0.15 ? null : speakers(n),
  };
}
// One report of an utterance with drift.
function reported(u) {
  let words = u.words.filter(() => rand() > 0.05);
  if (rand() < 0.3) words = words.slice(0, Math.max(3, Math.floor(words.length * (0.5 + rand() / 2))));
  if (rand() < 0.3) words = words.map((w) => (rand() < 0.1 ? pick(vocab) : w));
  return words.join(' ');
}

let articleNo = 0;
export function article(n) {
  const id = `a${articleNo}`;
  const day = new Date(Date.UTC(2016, 0, 1) + Math.floor(articleNo / 500) * 864e5).toISOString().slice(0, 10);
  const reports = [];
  const text = [];
  while (reports.length < PER_ARTICLE) {
    const u = pendingOrNew(n);
    const content = reported(u);
    const cue = u.cue;
    reports.push({
      id: `${id}#E${reports.length + 1}`,
      article: id,
      outlet: `outlet${articleNo % 7}`,
      published: day,
      ingestOrder: articleNo,
      speaker: u.speaker,
      cue: [{ start: 0, end: cue.length, text: cue }],
      content: [{ start: cue.length + 1, end: cue.length + 1 + content.length, text: content }],
      form: 'indirect',
      context: u.context,
    });
    text.push(content);
  }
  articleNo++;
  return reports;
}
// Utterances waiting for more reports: each gets 1–4 reports spread over later articles.
const pending = [];
function pendingOrNew(n) {
  if (pending.length && rand() < 0.5) {
    const k = Math.floor(rand() * pending.length);
    const u = pending[k];
    if (--u.left <= 0) pending.splice(k, 1);
    return u;
  }
  const u = utterance(n);
  u.left = Math.floor(rand() * 4);
  if (u.left > 0) pending.push(u);
  if (pending.length > 5000) pending.shift();
  return u;
}
