import { describe, expect, it } from 'vitest';
import { NUM_LABELS } from './features.js';
import { deserialiseModel, serialiseModel, viterbi } from './model.js';

describe('attribution model file', () => {
  const weights = {
    emit: new Float32Array((1 << 10) * NUM_LABELS),
    trans: new Float32Array((NUM_LABELS + 1) * NUM_LABELS),
  };
  weights.emit[5] = 2.5;
  weights.emit[6] = -1.25;
  weights.emit[100] = 0.001; // under 1/254 of the largest weight: rounds to zero
  weights.trans[3] = 0.75;

  it('round-trips through int8 quantisation', () => {
    const model = deserialiseModel(serialiseModel({ bits: 10, passes: [weights, weights] }));
    expect(model.bits).toBe(10);
    expect(model.passes).toHaveLength(2);
    const p = model.passes[1];
    expect(p.emit[5] * p.scale).toBeCloseTo(2.5, 5);
    expect(p.emit[6] * p.scale).toBeCloseTo(-1.25, 1);
    expect(p.emit[100]).toBe(0);
    expect(p.trans[3]).toBeCloseTo(0.75, 6);
  });

  it('is byte-for-byte deterministic', () => {
    expect(serialiseModel({ bits: 10, passes: [weights] })).toEqual(
      serialiseModel({ bits: 10, passes: [weights] }),
    );
  });

  it('refuses a truncated or foreign file with a clear error', () => {
    const raw = serialiseModel({ bits: 10, passes: [weights] });
    expect(() => deserialiseModel(raw.subarray(0, raw.length - 10))).toThrow(/truncated/);
    expect(() => deserialiseModel(Buffer.from('not a model'))).toThrow();
  });
});

describe('constrained Viterbi', () => {
  it('never starts a span with I- even when I- scores best', () => {
    const trans = new Float32Array((NUM_LABELS + 1) * NUM_LABELS);
    const scores = new Float32Array(3 * NUM_LABELS);
    // Token 0 prefers I-CON (6); token 1 prefers I-CON; token 2 prefers O.
    scores[6] = 5;
    scores[NUM_LABELS + 6] = 5;
    scores[2 * NUM_LABELS] = 5;
    const out = new Uint8Array(3);
    viterbi(trans, scores, 0, 0, 3, out);
    expect(out[0]).not.toBe(6);
    expect([...out]).toEqual([5, 6, 0]);
  });
});
