import { describe, expect, it } from 'vitest';
import { encodeModel } from '../learn/model-file.js';
import { NUM_ARG_LABELS, NUM_TYPES } from './features.js';
import { deserialiseEventModel, serialiseEventModel, type EventModel } from './model.js';

function smallModel(): EventModel {
  const type = new Float32Array((1 << 10) * NUM_TYPES).map((_, i) => ((i * 7) % 13) - 6.5);
  const arg = new Float32Array((1 << 10) * NUM_ARG_LABELS).map((_, i) => ((i * 5) % 11) - 5);
  const trans = new Float32Array((NUM_ARG_LABELS + 1) * NUM_ARG_LABELS).map((_, i) => i / 4 - 2);
  return {
    typeBits: 10,
    argBits: 10,
    type: { data: type, scale: 1 },
    arg: { data: arg, scale: 1 },
    trans,
    threshold: 0,
    secondary: 100,
    vocabulary: ['attack', 'meet'],
  };
}

describe('events model file', () => {
  it('reads back what it writes: int8 weights against the largest, the same scores', () => {
    const model = smallModel();
    const bytes = serialiseEventModel(model);
    const read = deserialiseEventModel(bytes);
    expect(read.type.data).toBeInstanceOf(Int8Array);
    expect(read.type.scale).toBeCloseTo(6.5 / 127, 9);
    expect(read.type.data[1] * read.type.scale).toBeCloseTo(model.type.data[1], 1);
    expect([...read.trans]).toEqual([...model.trans]);
    expect(read.vocabulary).toEqual(['attack', 'meet']);
    expect({ ...read, type: 0, arg: 0, trans: 0 }).toEqual({ ...model, type: 0, arg: 0, trans: 0 });
    // A loaded (int8) model writes the same bytes again.
    expect(serialiseEventModel(read).equals(bytes)).toBe(true);
  });

  it('refuses a truncated file, another kind of model and a wrong array size', () => {
    const bytes = serialiseEventModel(smallModel());
    expect(() => deserialiseEventModel(bytes.subarray(0, bytes.length - 100))).toThrow(
      /events model: truncated/,
    );
    const other = encodeModel('cue-span', {}, { weights: new Int8Array(8) });
    expect(() => deserialiseEventModel(other)).toThrow(/holds a cue-span model/);
    const meta = {
      typeBits: 11,
      argBits: 10,
      types: NUM_TYPES,
      labels: NUM_ARG_LABELS,
      typeScale: 1,
      argScale: 1,
      threshold: 0,
      secondary: 1,
      vocabulary: [],
    };
    const short = encodeModel('events', meta, {
      trans: new Float32Array((NUM_ARG_LABELS + 1) * NUM_ARG_LABELS),
      type: new Int8Array((1 << 10) * NUM_TYPES),
      arg: new Int8Array((1 << 10) * NUM_ARG_LABELS),
    });
    expect(() => deserialiseEventModel(short)).toThrow(/array "type" has \d+ entries, expected/);
  });
});
