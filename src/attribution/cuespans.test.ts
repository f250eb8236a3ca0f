import { describe, expect, it } from 'vitest';
import { findQuotations, splitSentences, tokenize } from '../text/index.js';
import { buildContext, type DocContext } from './features.js';
import type { RoleSpan } from './link.js';
import {
  cueSpanModel,
  deserialiseCueSpans,
  rerankCue,
  serialiseCueSpans,
  trainCueSpans,
  type CueSpanDoc,
} from './cuespans.js';

const cue = (from: number, to: number): RoleSpan => ({ role: 'cue', from, to });

function context(text: string): { ctx: DocContext; words: string[] } {
  const tokens = tokenize(text);
  return {
    ctx: buildContext(text, tokens, splitSentences(text, tokens), findQuotations(text, tokens)),
    words: tokens.map((t) => text.slice(t.start, t.end).toLowerCase()),
  };
}

/** A gold cue given by its words, found in the text; every other token is free. */
function doc(text: string, cueWords: string): CueSpanDoc {
  const { ctx, words } = context(text);
  const target = cueWords.toLowerCase().split(' ');
  const from = words.findIndex((_, i) => target.every((w, k) => words[i + k] === w));
  if (from < 0) throw new Error(`"${cueWords}" not in "${text}"`);
  const to = from + target.length;
  return { ctx, cues: [cue(from, to)], free: (i) => i < from || i >= to };
}

/** Toy conventions: "said | Friday" and "said | in Iowa" stay out, "accused … of" and "said in a statement" go in. */
function corpus(): CueSpanDoc[] {
  const docs: CueSpanDoc[] = [];
  const names = ['Smith', 'Jones', 'Brown', 'Clark', 'Lewis', 'Young'];
  for (const name of names) {
    docs.push(doc(`${name} said Friday that taxes would rise.`, 'said'));
    docs.push(doc(`${name} said in Iowa that taxes would rise.`, 'said'));
    docs.push(doc(`${name} said in a statement that taxes would rise.`, 'said in a statement'));
    docs.push(doc(`${name} accused the mayor of lying.`, 'accused the mayor of'));
  }
  return docs;
}

describe('cue-span ranker', () => {
  const model = trainCueSpans(corpus());
  const all = () => true;

  it('learns which words next to a cue verb belong to the cue', () => {
    const a = context('Moore said Friday that the plan failed.');
    // Tagged "said Friday" → "said".
    expect(rerankCue(model, a.ctx, cue(1, 3), all)).toEqual(cue(1, 2));
    const b = context('Moore said in a statement that the plan failed.');
    // Tagged "said" → "said in a statement", which a word-pair table cannot tell from "said in Iowa".
    expect(rerankCue(model, b.ctx, cue(1, 2), all)).toEqual(cue(1, 5));
    const c = context('Moore said in Iowa that the plan failed.');
    expect(rerankCue(model, c.ctx, cue(1, 2), all)).toEqual(cue(1, 2));
  });

  it('never grows into a word another role holds, crosses a sentence or empties the cue', () => {
    const b = context('Moore said in a statement that the plan failed.');
    expect(rerankCue(model, b.ctx, cue(1, 2), (i) => i !== 2)).toEqual(cue(1, 2));
    const s = context('Moore said. In a statement, the plan failed.');
    const r = rerankCue(model, s.ctx, cue(1, 2), all);
    expect(s.ctx.sentence[r.from]).toBe(s.ctx.sentence[r.to - 1]);
    expect(r.to).toBeGreaterThan(r.from);
    // A cue longer than any span the ranker considers is left as it is.
    const words = Array.from({ length: 20 }, (_, k) => `w${k}`).join(' ');
    const long = context(`Moore said ${words} today.`);
    expect(rerankCue(model, long.ctx, cue(1, 21), all)).toEqual(cue(1, 21));
  });

  it('survives serialisation (int8 weights) with the same decisions', () => {
    const bytes = serialiseCueSpans(model);
    expect(serialiseCueSpans(model).equals(bytes)).toBe(true); // deterministic
    const back = deserialiseCueSpans(bytes);
    const b = context('Moore said in a statement that the plan failed.');
    expect(rerankCue(back, b.ctx, cue(1, 2), all)).toEqual(cue(1, 5));
    expect(() => deserialiseCueSpans(serialiseCueSpans({ weights: new Float32Array(8) }))).toThrow(
      /truncated/,
    );
  });

  it('ships a model learnt from PolNeAR in which "said" stands alone before "on Monday"', () => {
    const shipped = cueSpanModel();
    expect(shipped).not.toBeNull();
    if (!shipped) return;
    const a = context('The senator said on Monday that the bill would pass.');
    expect(rerankCue(shipped, a.ctx, cue(2, 5), all)).toEqual(cue(2, 3));
  });
});
