import { describe, expect, it } from 'vitest';
import { packRecords, unpackRecords } from './packed-records.js';

describe('packed records', () => {
  const words = { protest: 12004, árbol: 7, zebra: 0, Zulu: 3, '': 5, 'a-day': 58125 };
  const senses = { invade: '40|1a.2b', invasion: '4|1c|invade', constructor: '6|x' };
  const bytes = packRecords('abc', { words, senses }, { about: 'test', list: [1, 2] });

  it('reads every key as the plain record does, and missing words as a plain object does', () => {
    const packed = unpackRecords(bytes, 'abc')!;
    const plain: Record<string, Record<string, unknown>> = { words, senses };
    for (const name of ['words', 'senses']) {
      for (const key of [...Object.keys(plain[name]!), 'missing', 'protests', 'a', 'toString', 'constructor'])
        expect(packed.records[name]![key], `${name}.${key}`).toBe(plain[name]![key]);
    }
    expect(packed.rest).toEqual({ about: 'test', list: [1, 2] });
  });

  it('is deterministic and refuses a pack made from other data', () => {
    expect(packRecords('abc', { words, senses }, { about: 'test', list: [1, 2] }).equals(bytes)).toBe(true);
    expect(unpackRecords(bytes, 'other')).toBeUndefined();
  });
});
