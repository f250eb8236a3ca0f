import { describe, expect, it } from 'vitest';
import { tagArguments } from './decode.js';
import { h, hash, sideOf, staticArgHashes } from './feature-hash.js';
import {
  argFeatures,
  argTriggerFeatures,
  NUM_ARG_LABELS,
  NUM_TYPES,
  shape,
  staticArgFeatures,
  typeFeatures,
} from './features.js';
import { wordKnowledge } from './knowledge.js';
import { argScores, typeScores, viterbi, type EventModel } from './model.js';
import { prepareSentence } from './sentence.js';

/** FNV-1a over the whole string, written out as the reference the shortcuts must agree with. */
function fnv(s: string): number {
  let x = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 0x01000193);
  return x >>> 0 || 1;
}

/** A small model with random int8 weights (loaded models are int8 with a scale). */
function randomModel(seed: number): EventModel {
  let r = seed;
  const next = () => ((r = Math.imul(r ^ (r >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 24) - 128;
  const typeBits = 10;
  const argBits = 10;
  const bytes = (n: number) => Int8Array.from({ length: n }, next);
  return {
    typeBits,
    argBits,
    type: { data: bytes((1 << typeBits) * NUM_TYPES), scale: 0.0173 },
    arg: { data: bytes((1 << argBits) * NUM_ARG_LABELS), scale: 0.0291 },
    trans: Float32Array.from({ length: (NUM_ARG_LABELS + 1) * NUM_ARG_LABELS }, () => next() / 64),
    threshold: 0,
    secondary: 100,
    vocabulary: [],
  };
}

describe('feature hashes', () => {
  it('hashes a feature written as h`…` as the string it spells', () => {
    for (const w of ['', 'attack', 'Zorvak’s', 'é', 'a|b']) {
      expect(h`l:${w}`).toBe(fnv(`l:${w}`));
      expect(h`lo:${w}|${'talks'}`).toBe(fnv(`lo:${w}|talks`));
      expect(h`tp:${'L'}|${w}|${'NOUN'}`).toBe(fnv(`tp:L|${w}|NOUN`));
    }
    expect(h`c1:${-1}`).toBe(fnv('c1:-1'));
    expect(h`n:${true}`).toBe(fnv('n:true'));
    expect(hash('b')).toBe(fnv('b'));
  });

  it('gives the per-word argument features as hashing "b", each feature, and its sided form', () => {
    const text = 'Officials in Quellport said the rebels attacked a convoy.';
    const s = prepareSentence(text, { start: 0, end: text.length }, [], new Map());
    const stat = staticArgFeatures(s);
    expect(staticArgFeatures(s)).toBe(stat);
    for (const side of ['L', 'R', 'T'] as const)
      for (let x = 0; x < stat.length; x++)
        expect(staticArgHashes(stat, x, side)).toEqual([
          fnv('b'),
          ...stat[x]!.flatMap((f) => [fnv(f), fnv(`${side}|${f}`)]),
        ]);
    expect(sideOf(-2)).toBe('L');
    expect(sideOf(0)).toBe('T');
  });
});

describe('scores from cached parts', () => {
  it('types a candidate as the float sum of its int8 weights would', () => {
    const model = randomModel(7);
    const feats = Array.from({ length: 90 }, (_, k) => fnv(`f${k}`));
    const expected = new Float64Array(NUM_TYPES);
    for (const f of feats)
      for (let l = 0; l < NUM_TYPES; l++)
        expected[l] += model.type.data[(f & ((1 << model.typeBits) - 1)) * NUM_TYPES + l]!;
    for (let l = 0; l < NUM_TYPES; l++) expected[l] *= model.type.scale;
    expect([...typeScores(model, feats)]).toEqual([...expected]);
  });

  it('tags arguments exactly as scoring every word’s full feature list from zero', () => {
    const model = randomModel(11);
    const text = 'The Quellish council and its envoys met rebel leaders in Brimmel, police said.';
    const s = prepareSentence(text, { start: 0, end: text.length }, [], new Map());
    expect(s.candidates.length).toBeGreaterThan(1);
    // Several triggers of one sentence share the cached per-word scores.
    for (const c of s.candidates) {
      const n = s.toks.length;
      const scores = new Float64Array(n * NUM_ARG_LABELS);
      for (let x = 0; x < n; x++)
        argScores(model, argFeatures(s, staticArgFeatures(s), c, 'CONSULT', x), scores, x * NUM_ARG_LABELS);
      const blocked = s.blocked.slice();
      blocked[c.i] = 1;
      expect([...tagArguments(s, model, c, 'CONSULT')]).toEqual([
        ...viterbi(model.trans, scores, n, blocked),
      ]);
    }
  });
});

describe('argument scores kept across sentences', () => {
  it('tags a sentence the same after a longer and a shorter one (buffers are reused)', () => {
    const model = randomModel(5);
    const prepare = (text: string) => prepareSentence(text, { start: 0, end: text.length }, [], new Map());
    const a = prepare('Rebels attacked the convoy.');
    const b = prepare(
      'The Quellish council and its envoys met rebel leaders in Brimmel and Varn, police said.',
    );
    const first = [...tagArguments(a, model, a.candidates[0]!, 'ASSAULT')];
    for (const c of b.candidates) tagArguments(b, model, c, 'CONSULT');
    expect([...tagArguments(a, model, a.candidates[0]!, 'ASSAULT')]).toEqual(first);
    const again = prepare('Rebels attacked the convoy.');
    expect([...tagArguments(again, model, again.candidates[0]!, 'ASSAULT')]).toEqual(first);
  });
});

describe('features hashed from cached parts', () => {
  const text = 'Quellish officials in Brimmel said the rebels attacked a convoy and condemned the invasion.';
  const s = prepareSentence(text, { start: 0, end: text.length }, [], new Map());

  it('gives each word’s argument features given a trigger as hashing their strings', () => {
    const bucket = (d: number) => {
      const a = Math.abs(d);
      const b = a <= 3 ? String(a) : a <= 6 ? '4-6' : a <= 10 ? '7-10' : '11+';
      return d < 0 ? `-${b}` : b;
    };
    for (const c of s.candidates)
      for (const type of ['ASSAULT', 'NONE'])
        for (let x = 0; x < s.toks.length; x++) {
          const d = x - c.i;
          const side = sideOf(d);
          const pos = s.toks[x]!.pos;
          const pass = c.modality.passive ? 'P' : 'A';
          const features = argTriggerFeatures(s, c, type, x);
          expect(features.slice(0, 7)).toEqual(
            [
              `d:${bucket(d)}`,
              `dp:${bucket(d)}|${pos}`,
              `de:${bucket(d)}|${s.ent[x]}`,
              `ty:${side}|${type}`,
              `tp:${side}|${pass}|${pos}`,
              `tl:${side}|${c.lemma}`,
              `tn:${side}|${c.noun}`,
            ].map(fnv),
          );
          // cb: (0-2 breaks), then pg:, pgt:, pgp: of the word's preposition ("-" for none).
          expect([0, 1, 2].map((k) => fnv(`cb:${side}|${k}`))).toContain(features[7]);
          const preps = ['-', ...new Set(s.toks.map((t) => t.lower))];
          const p = preps.find((w) => features[8] === fnv(`pg:${side}|${w}`));
          expect(p).toBeDefined();
          expect(features.slice(9, 11)).toEqual([
            fnv(`pgt:${side}|${p}|${type}`),
            fnv(`pgp:${side}|${p}|${pass}`),
          ]);
        }
  });

  it('gives a candidate’s knowledge features and its neighbours’ as hashing their strings', () => {
    const k = wordKnowledge();
    const verbs = s.candidates.filter((c) => !c.noun);
    expect(verbs.length).toBeGreaterThan(1);
    for (const c of verbs) {
      const w = k.word(c.lemma);
      const f = typeFeatures(s, c);
      const own = [
        `c1:${w.coarse}`,
        `c2:${w.fine}`,
        ...w.verbLex.map((x) => `vx:${x}`),
        ...w.verbHyp.map((y) => `vh:${y}`),
      ];
      expect(f.slice(6, 6 + own.length)).toEqual(own.map(fnv));
      const others = s.candidates.filter((o) => o !== c).map((o) => fnv(`ov:${k.word(o.lemma).coarse}`));
      expect(f.slice(f.length - others.length)).toEqual(others);
    }
  });
});

describe('word shapes of the argument features', () => {
  it('reads runs of capitals, small letters and digits as the three replacements do', () => {
    const byRegex = (w: string) =>
      w
        .replace(/\p{Lu}+/gu, 'A')
        .replace(/\p{Ll}+/gu, 'a')
        .replace(/\d+/g, '0')
        .slice(0, 4);
    const words = [
      'Obama',
      'U.S.',
      '1,200',
      'McCain',
      'Ærø',
      'naïve',
      'AÄb',
      'a.b.CÄ',
      'COVID-19',
      "n't",
      '',
      '—',
    ];
    words.push('x-ray', 'iPhone12', 'ABC', 'a1b2c3', '$5', 'É.U.', '東京', 'Zoë');
    for (const w of words) expect(shape(w), w).toBe(byRegex(w));
  });
});
