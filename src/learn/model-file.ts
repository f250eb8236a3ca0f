import { endianness } from 'node:os';
import { z } from 'zod';

/*
 * The one file format of newsgraph's trained models (NER, attribution, cue spans; the events model
 * can move to it with its next retraining): a magic line, a JSON header (what model, its settings,
 * and the name, type and length of each array), then the arrays as raw little-endian bytes, each
 * starting on an 8-byte boundary. Loading is one readFileSync and typed-array views into that buffer:
 * no gunzip, no copy, no per-entry parsing, which is most of what the gzipped formats cost at start-up.
 * Git and npm compress the files anyway.
 */

export const MODEL_MAGIC = 'NGMODEL1';

const ARRAY_TYPES = {
  u8: Uint8Array,
  i8: Int8Array,
  i16: Int16Array,
  u32: Uint32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;
export type ArrayType = keyof typeof ARRAY_TYPES;
export type ModelArray = Uint8Array | Int8Array | Int16Array | Uint32Array | Float32Array | Float64Array;

const HeaderSchema = z.object({
  kind: z.string(),
  meta: z.unknown(),
  arrays: z.array(
    z.object({
      name: z.string(),
      type: z.enum(Object.keys(ARRAY_TYPES) as [ArrayType, ...ArrayType[]]),
      length: z.number().int().nonnegative(),
    }),
  ),
});

const ALIGN = 8;
const pad = (n: number) => (ALIGN - (n % ALIGN)) % ALIGN;

function typeOf(array: ModelArray): ArrayType {
  for (const [name, ctor] of Object.entries(ARRAY_TYPES)) if (array instanceof ctor) return name as ArrayType;
  throw new Error('model file: unsupported array type');
}

/** Encodes a model (deterministic: the same arrays and meta give the same bytes). */
export function encodeModel(
  kind: string,
  meta: unknown,
  arrays: Readonly<Record<string, ModelArray>>,
): Buffer {
  if (endianness() !== 'LE') throw new Error('model file: big-endian hosts are not supported');
  const list = Object.entries(arrays).map(([name, a]) => ({ name, type: typeOf(a), length: a.length }));
  const json = Buffer.from(JSON.stringify({ kind, meta, arrays: list }), 'utf8');
  const lead = MODEL_MAGIC.length + 4 + json.length;
  const head = Buffer.alloc(lead + pad(lead));
  head.write(MODEL_MAGIC, 0, 'latin1');
  head.writeUInt32LE(json.length, MODEL_MAGIC.length);
  json.copy(head, MODEL_MAGIC.length + 4);
  const parts: Buffer[] = [head];
  for (const a of Object.values(arrays)) {
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.alloc(pad(a.byteLength)));
  }
  return Buffer.concat(parts);
}

/** A decoded model file: its meta (validated by the caller's schema) and its arrays, by name. */
export interface ModelFile<M> {
  meta: M;
  array<T extends ArrayType>(name: string, type: T, length?: number): InstanceType<(typeof ARRAY_TYPES)[T]>;
}

/** Decodes `encodeModel` bytes; the arrays are views into `bytes` (copied once if it is unaligned). */
export function decodeModel<S extends z.ZodType>(
  bytes: Uint8Array,
  kind: string,
  metaSchema: S,
): ModelFile<z.infer<S>> {
  if (endianness() !== 'LE') throw new Error('model file: big-endian hosts are not supported');
  const label = `${kind} model`;
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, MODEL_MAGIC.length));
  if (latin1.toString('latin1') !== MODEL_MAGIC) throw new Error(`${label}: not a newsgraph model file`);
  const buf = bytes.byteOffset % ALIGN === 0 ? bytes : new Uint8Array(bytes);
  const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (view.length < MODEL_MAGIC.length + 4) throw new Error(`${label}: truncated`);
  const jsonLength = view.readUInt32LE(MODEL_MAGIC.length);
  const lead = MODEL_MAGIC.length + 4 + jsonLength;
  if (lead > view.length) throw new Error(`${label}: truncated`);
  let header: z.infer<typeof HeaderSchema>;
  try {
    header = HeaderSchema.parse(JSON.parse(view.toString('utf8', MODEL_MAGIC.length + 4, lead)));
  } catch (err) {
    throw new Error(`${label}: bad header (${(err as Error).message.split('\n')[0]})`);
  }
  if (header.kind !== kind) throw new Error(`${label}: the file holds a ${header.kind} model`);
  const meta = metaSchema.safeParse(header.meta);
  if (!meta.success) throw new Error(`${label}: bad header: ${meta.error.issues[0]?.message}`);
  const arrays = new Map<string, ModelArray>();
  let off = lead + pad(lead);
  for (const { name, type, length } of header.arrays) {
    const ctor = ARRAY_TYPES[type];
    const byteLength = length * ctor.BYTES_PER_ELEMENT;
    if (off + byteLength > view.length) throw new Error(`${label}: truncated`);
    arrays.set(name, new ctor(buf.buffer as ArrayBuffer, buf.byteOffset + off, length));
    off += byteLength + pad(byteLength);
  }
  if (off !== view.length) throw new Error(`${label}: ${view.length - off} bytes after the last array`);
  return {
    meta: meta.data,
    array(name, type, length) {
      const a = arrays.get(name);
      if (!a || !(a instanceof ARRAY_TYPES[type])) throw new Error(`${label}: no ${type} array "${name}"`);
      if (length !== undefined && a.length !== length) {
        throw new Error(`${label}: array "${name}" has ${a.length} entries, expected ${length}`);
      }
      return a as InstanceType<(typeof ARRAY_TYPES)[typeof type]>;
    },
  };
}
