import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeModel, encodeModel, MODEL_MAGIC } from './model-file.js';

const Meta = z.object({ bits: z.number().int() });

describe('model file format', () => {
  const arrays = {
    weights: Int8Array.from([1, -2, 3]),
    keys: Uint32Array.from([7, 4000000000]),
    trans: Float32Array.from([0.5, -1.25, 3]),
    counts: Int16Array.from([-300]),
  };

  it('round-trips arrays of every width, each view aligned to its element size', () => {
    const file = decodeModel(encodeModel('test', { bits: 3 }, arrays), 'test', Meta);
    expect(file.meta).toEqual({ bits: 3 });
    expect([...file.array('weights', 'i8', 3)]).toEqual([1, -2, 3]);
    expect([...file.array('keys', 'u32')]).toEqual([7, 4000000000]);
    expect([...file.array('trans', 'f32')]).toEqual([0.5, -1.25, 3]);
    expect([...file.array('counts', 'i16')]).toEqual([-300]);
    for (const name of Object.keys(arrays)) expect(file.array(name, typeOf(name)).byteOffset % 8).toBe(0);
  });

  it('writes the same bytes for the same model', () => {
    expect(encodeModel('test', { bits: 3 }, arrays).equals(encodeModel('test', { bits: 3 }, arrays))).toBe(
      true,
    );
  });

  it('reads an unaligned copy of the bytes', () => {
    const bytes = encodeModel('test', { bits: 3 }, arrays);
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    expect([...decodeModel(shifted, 'test', Meta).array('keys', 'u32')]).toEqual([7, 4000000000]);
  });

  it('refuses foreign, truncated, mislabelled or mistyped files with a clear error', () => {
    const bytes = encodeModel('test', { bits: 3 }, arrays);
    expect(() => decodeModel(Buffer.from('not a model'), 'test', Meta)).toThrow(/not a newsgraph model/);
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 9), 'test', Meta)).toThrow(/truncated/);
    expect(() => decodeModel(bytes.subarray(0, MODEL_MAGIC.length + 6), 'test', Meta)).toThrow(/truncated/);
    expect(() => decodeModel(bytes, 'other', Meta)).toThrow(/holds a test model/);
    expect(() => decodeModel(encodeModel('test', { bits: 'x' }, arrays), 'test', Meta)).toThrow(/bad header/);
    const file = decodeModel(bytes, 'test', Meta);
    expect(() => file.array('weights', 'u8')).toThrow(/no u8 array "weights"/);
    expect(() => file.array('weights', 'i8', 4)).toThrow(/3 entries, expected 4/);
    expect(() => decodeModel(Buffer.concat([bytes, Buffer.alloc(8)]), 'test', Meta)).toThrow(
      /after the last/,
    );
  });
});

function typeOf(name: string): 'i8' | 'u32' | 'f32' | 'i16' {
  return ({ weights: 'i8', keys: 'u32', trans: 'f32', counts: 'i16' } as const)[name as 'weights'];
}
