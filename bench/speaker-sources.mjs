// Development measure of speaker resolution on PolNeAR's training split (source spans, no names):
//  - named: gold sources with a capitalised name (not a pronoun). Correct when the predicted
//    speaker's last word is a word of the gold source; wrong when another name was predicted.
//  - unnamed: gold sources without a capitalised word ("a senior official"): named anyway when a
//    speaker was predicted whose last word is not in the source.
//  - masked (--masked): a gold source that is a later mention of a named person of known gender
//    is replaced by "he"/"she" and the article analysed again; correct when the pronoun's speaker
//    is that person. Measures pronoun resolution where the answer is known.
// Usage: npm run -s build && node bench/speaker-sources.mjs [--limit N] [--fold K --folds F] [--masked] [--show N]
import { analyze } from '../dist/index.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { arg, args, readPolnear, root } from './common.mjs';

const folds = Number(arg('--folds') ?? 1);
const fold = Number(arg('--fold') ?? 0);
const show = Number(arg('--show') ?? 0);
const docs = readPolnear().docs.filter((_, i) => folds <= 1 || i % folds === fold);
const PRONOUNS = new Set([
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'you',
  'him',
  'her',
  'them',
  'us',
  'me',
  'who',
  'which',
  'that',
  'his',
  'its',
  'their',
]);
// The gender of the masked person comes from the first-name list alone, so that runs of older
// versions (without Actor.gender) mask the same mentions.
const names = JSON.parse(readFileSync(path.join(root, 'data/actors/first-names.json'), 'utf8'));
const gender = new Map([
  ...names.male.split(' ').map((n) => [n, 'male']),
  ...names.female.split(' ').map((n) => [n, 'female']),
]);
const fold1 = (s) => (s ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const ov = (a, b) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
const wordList = (s) =>
  fold1(s)
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean)
    .map((w) => w.replace(/['’]s?$/, ''));
const lastWord = (s) => wordList(s).pop();
const wordsOf = (s) => new Set(wordList(s).map((w) => w.slice(0, 5)));
/** Some word of the speaker's name (its first five letters: "Republican"/"Republicans") is in the source. */
const sameName = (source, name) =>
  wordList(name).some((w) => w.length > 2 && wordsOf(source).has(w.slice(0, 5)));

function speakerOf(analysis, a) {
  if (!a?.source?.actor || a.source.unnamed) return null;
  return analysis.actors.find((x) => x.id === a.source.actor) ?? null;
}

function match(analysis, g) {
  const cue = g.cue?.[0];
  let best = null;
  let score = 0;
  for (const p of analysis.attributions) {
    let s = p.cue && cue && ov(cue, [p.cue.start, p.cue.end]) > 0 ? 2 : 0;
    for (const c of g.content ?? []) for (const pc of p.content) if (ov(c, [pc.start, pc.end]) > 0) s += 0.5;
    if (s > score) [best, score] = [p, s];
  }
  return best;
}

const c = { named: 0, correct: 0, wrong: 0, unresolved: 0, unnamed: 0, namedAnyway: 0, unmatched: 0 };
const shown = [];
const m = { tried: 0, correct: 0, wrong: 0, unresolved: 0 };
for (const doc of docs) {
  const analysis = analyze(doc.text, doc.date ? { published: doc.date } : {}, { id: doc.id });
  let masks = 0;
  for (const g of doc.attributions) {
    const src = g.source?.[0];
    if (!src) continue;
    const text = doc.text.slice(src[0], src[1]);
    const p = match(analysis, g);
    if (!p) {
      c.unmatched++;
      continue;
    }
    const speaker = speakerOf(analysis, p);
    const pronoun = PRONOUNS.has(text.toLowerCase().trim());
    if (pronoun) continue;
    if (/\p{Lu}/u.test(text.replace(/^\p{Lu}\p{Ll}*\s/u, (w) => (/^(The|A|An)\s$/.test(w) ? '' : w)))) {
      c.named++;
      if (!speaker) {
        c.unresolved++;
        if (shown.length < show && args.includes('--unresolved'))
          shown.push(`UNRES ${doc.id.slice(0, 30)}: source "${text}"`);
      } else if (sameName(text, speaker.name)) c.correct++;
      else {
        c.wrong++;
        if (shown.length < show) shown.push(`WRONG ${doc.id}: source "${text}" → ${speaker.name}`);
      }
    } else {
      c.unnamed++;
      if (speaker && !sameName(text, speaker.name)) {
        c.namedAnyway++;
        if (shown.length < show) shown.push(`NAMED ${doc.id}: source "${text}" → ${speaker.name}`);
      }
    }
    const sex = speaker?.type === 'PERSON' ? gender.get(wordList(speaker.name)[0]) : undefined;
    if (args.includes('--masked') && masks < 3 && sex) {
      // Only a later mention of the person, and only a bare name ("Clinton", "Mr. Trump").
      const mention = analysis.mentions.find(
        (x) => x.start === src[0] && x.end === src[1] && x.actor === speaker.id,
      );
      const earlier = analysis.mentions.some(
        (x) => x.actor === speaker.id && x.end <= src[0] && x.kind !== 'pronoun',
      );
      if (!mention || !earlier) continue;
      masks++;
      m.tried++;
      const pronoun = sex === 'male' ? 'he' : 'she';
      const start =
        src[0] > 0 && /[.!?"“]\s*$|\n\s*$|^$/.test(doc.text.slice(0, src[0]).slice(-3))
          ? pronoun[0].toUpperCase() + pronoun.slice(1)
          : pronoun;
      const masked = doc.text.slice(0, src[0]) + start + doc.text.slice(src[1]);
      const shift = start.length - (src[1] - src[0]);
      const a2 = analyze(masked, doc.date ? { published: doc.date } : {});
      const cue = g.cue?.[0] && [g.cue[0][0] + shift, g.cue[0][1] + shift];
      const p2 = a2.attributions.find(
        (x) =>
          x.source && x.source.start === src[0] && (!cue || !x.cue || ov(cue, [x.cue.start, x.cue.end]) > 0),
      );
      const s2 = speakerOf(a2, p2);
      if (!s2) m.unresolved++;
      else if (lastWord(s2.name) === lastWord(speaker.name)) m.correct++;
      else {
        m.wrong++;
        if (shown.length < show)
          shown.push(`MASKED-WRONG ${doc.id}: "${text}"→${start} resolved to ${s2.name}`);
      }
    }
  }
}
const r = (x, d) => (d ? (x / d).toFixed(3) : '-');
console.log(
  `named sources ${c.named}: correct ${r(c.correct, c.named)}, wrong ${r(c.wrong, c.named)}, unresolved ${r(c.unresolved, c.named)}; ` +
    `unnamed ${c.unnamed}: named anyway ${r(c.namedAnyway, c.unnamed)}; unmatched gold ${c.unmatched}`,
);
if (m.tried)
  console.log(
    `masked pronouns ${m.tried}: correct ${r(m.correct, m.tried)}, wrong ${r(m.wrong, m.tried)}, unresolved ${r(m.unresolved, m.tried)}`,
  );
for (const s of shown) console.log(s);
