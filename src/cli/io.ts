import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { decodeTextBytes } from '../ingest/encoding.js';
import { InputError, MAX_TEXT_CHARS } from '../model/input.js';

/** Largest input file read whole: analyze() accepts at most MAX_TEXT_CHARS, UTF-8 takes up to 3 bytes a char. */
export const MAX_INPUT_BYTES = MAX_TEXT_CHARS * 3;

/** Reads a whole text input (a file path or "-" for stdin), with clear errors for every way it can be wrong. */
export async function readTextInput(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > MAX_INPUT_BYTES)
        throw new InputError(`standard input is larger than ${mb(MAX_INPUT_BYTES)}: split it into articles`);
      chunks.push(chunk as Buffer);
    }
    return checkBytes(Buffer.concat(chunks), 'standard input');
  }
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new InputError(`${file} is a directory, not a text file`);
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? 'error'})`,
    );
  }
  if (size > MAX_INPUT_BYTES) {
    throw new InputError(
      `${file} is ${mb(size)}, more than the ${mb(MAX_INPUT_BYTES)} limit for one article: split it or use --jsonl`,
    );
  }
  const buf = Buffer.alloc(size);
  const fd = openSync(file, 'r');
  try {
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buf, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
  } finally {
    closeSync(fd);
  }
  return checkBytes(buf, file);
}

/** The one decoder of every command (BOM, UTF-16, strict UTF-8 with exact offsets). */
function checkBytes(buf: Buffer, where: string): string {
  if (buf.length === 0) throw new InputError(`${where} is empty: nothing to analyse`);
  try {
    return decodeTextBytes(buf, where).text;
  } catch (err) {
    throw new InputError(err instanceof Error ? err.message : String(err));
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
