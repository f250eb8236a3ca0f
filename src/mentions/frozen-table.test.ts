import { describe, expect, it } from 'vitest';
import { FrozenTable } from './frozen-table.js';

describe('FrozenTable', () => {
  // Keys above 2^31 and keys that share their low bits, as word and name hashes do.
  const keys = [1, 2, 0x80000000, 0xffffffff, 0x10000, 0x20000, 0x30000, 7, 0];
  const values = [0, 3, 1, 2, 15, 255, 9, 65534, 4];

  it('reads as a Map of the same entries', () => {
    const map = new Map(keys.map((k, i) => [k, values[i]!]));
    const table = new FrozenTable(Uint32Array.from(keys), Uint16Array.from(values));
    expect(table.size).toBe(map.size);
    for (const k of [...keys, 3, 0x7fffffff, 0x40000, -1, 1.5, 2 ** 32, Number.NaN])
      expect(table.get(k), String(k)).toBe(map.get(k));
    expect([...table.entries()].sort((a, b) => a[0] - b[0])).toEqual(
      [...map.entries()].sort((a, b) => a[0] - b[0]),
    );
  });

  it('reads as a Set of its keys when given no values', () => {
    const table = new FrozenTable(Uint32Array.from(keys));
    for (const k of keys) expect(table.has(k)).toBe(true);
    expect(table.has(3)).toBe(false);
    expect([...table.keys()].sort((a, b) => a - b)).toEqual([...keys].sort((a, b) => a - b));
    expect(new FrozenTable([]).has(0)).toBe(false);
  });

  it('refuses a repeated key or a value it cannot hold', () => {
    expect(() => new FrozenTable([5, 5])).toThrow(/twice/);
    expect(() => new FrozenTable([5], [65535])).toThrow(/out of range/);
    expect(() => new FrozenTable([-5])).toThrow(/out of range/);
  });
});
