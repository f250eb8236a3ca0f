import { decodeModel, encodeModel } from '../learn/model-file.js';
import { z } from 'zod';

/*
 * Large word → value records (tens of thousands of keys) in a fast-load form: the keys sorted, keys
 * and values in one text, found by binary search. Loading is one read and one decode instead of a
 * JSON parse that builds every entry; a short text looks up a few dozen words. Written by the build
 * from data that was validated in full (src/util/data-stamps.ts), in the model file format.
 */

type Value = string | number;
export type Records = Record<string, Readonly<Record<string, Value>>>;

const KIND = 'packed-records';
const Meta = z.object({
  source: z.string(),
  records: z.array(z.object({ name: z.string(), numeric: z.boolean(), size: z.number().int() })),
  rest: z.unknown(),
});

/** Packs `records` (and `rest`, kept as JSON) for the data whose bytes hash to `source`. */
export function packRecords(source: string, records: Records, rest: unknown): Buffer {
  const meta: z.infer<typeof Meta> = { source, records: [], rest };
  const arrays: Record<string, Uint32Array | Uint8Array> = {};
  for (const [name, record] of Object.entries(records)) {
    const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const numeric = keys.every((k) => typeof record[k] === 'number');
    // Offsets are UTF-16 positions in the decoded text: keyEnd[i], then valueEnd[i].
    const ends = new Uint32Array(keys.length * 2);
    let text = '';
    keys.forEach((k, i) => {
      text += k;
      ends[2 * i] = text.length;
      text += String(record[k]);
      ends[2 * i + 1] = text.length;
    });
    meta.records.push({ name, numeric, size: keys.length });
    arrays[`${name}.text`] = new Uint8Array(Buffer.from(text, 'utf8'));
    arrays[`${name}.ends`] = ends;
  }
  return encodeModel(KIND, meta, arrays);
}

/**
 * Unpacks to objects that read like the records they were packed from (`record[word]`; a word that is
 * no key reads what a plain object would, so "constructor" stays Object's), or undefined when the
 * pack was made from other data than `source`.
 */
export function unpackRecords(
  bytes: Uint8Array,
  source: string,
): { records: Records; rest: unknown } | undefined {
  const file = decodeModel(bytes, KIND, Meta);
  if (file.meta.source !== source) return undefined;
  const records: Records = {};
  for (const { name, numeric, size } of file.meta.records) {
    const utf8 = file.array(`${name}.text`, 'u8');
    const text = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.length).toString('utf8');
    const lookup = sortedLookup(text, file.array(`${name}.ends`, 'u32', size * 2), numeric);
    records[name] = new Proxy({} as Record<string, Value>, {
      get: (target, key, receiver) =>
        (typeof key === 'string' ? lookup(key) : undefined) ?? Reflect.get(target, key, receiver),
    });
  }
  return { records, rest: file.meta.rest };
}

function sortedLookup(text: string, ends: Uint32Array, numeric: boolean): (key: string) => Value | undefined {
  return (key) => {
    let lo = 0;
    let hi = ends.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = mid === 0 ? 0 : ends[2 * mid - 1];
      const k = text.slice(start, ends[2 * mid]);
      if (k === key) {
        const v = text.slice(ends[2 * mid], ends[2 * mid + 1]);
        return numeric ? Number(v) : v;
      }
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
}
