/**
 * Reading the bytes of local inputs: regular files, pipes (standard input), gzip with a size cap;
 * telling binary from text and markup from plain text; saying why an input path was not read.
 */
import { open } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { BINARY_PROBE_BYTES } from './encoding.js';
import { IngestError } from './types.js';

/** Why an input that is neither a URL nor an existing path was not read. */
export function missingInput(input: string, err: unknown): string | unknown {
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(input)?.[1].toLowerCase();
  if (scheme === 'file') {
    let pathname = input;
    try {
      pathname = decodeURIComponent(new URL(input).pathname);
    } catch {
      /* keep the input as written */
    }
    return `file: URLs are not read; give the path itself (${pathname})`;
  }
  if (scheme) return `only http(s) URLs are fetched, not ${scheme}: URLs`;
  return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : err;
}

/** Names of standard input: read from the process's stream (a socket cannot be opened by path). */
export const STDIN_NAMES = new Set(['-', '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

export async function readBytes(
  file: string,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; regular: boolean }> {
  if (STDIN_NAMES.has(file)) return { bytes: await readStream(process.stdin, maxBytes), regular: false };
  const handle = await open(file, 'r');
  let buf: Buffer;
  let regular = true;
  try {
    const info = await handle.stat();
    regular = info.isFile();
    // A pipe or terminal (/dev/stdin) has no size: read it to its end.
    if (!info.isFile()) buf = await readStream(handle.createReadStream({ autoClose: false }), maxBytes);
    else {
      if (info.size > maxBytes)
        throw new IngestError(`file of ${info.size} bytes is over the ${maxBytes}-byte limit`);
      buf = Buffer.alloc(info.size);
      await handle.read(buf, 0, info.size, 0);
    }
  } finally {
    await handle.close();
  }
  return { bytes: file.toLowerCase().endsWith('.gz') ? gunzipCapped(buf, maxBytes) : buf, regular };
}

/** All of a stream, refused once it passes `maxBytes`. */
async function readStream(stream: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > maxBytes) throw new IngestError(`input of more than ${maxBytes} bytes is over the limit`);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** Gunzips with the size cap, in words a user understands (not zlib's or Buffer's). */
function gunzipCapped(buf: Buffer, maxBytes: number): Buffer {
  try {
    return gunzipSync(buf, { maxOutputLength: maxBytes });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
      throw new IngestError(
        `decompressed, the file is over the ${maxBytes}-byte limit (a gzip bomb, or a file to split); refused`,
      );
    throw new IngestError(`not valid gzip data (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** NUL bytes early on mark binary files (UTF-16 has a BOM and is decoded as such). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return false;
  return bytes.subarray(0, BINARY_PROBE_BYTES).indexOf(0) >= 0;
}

/** A file of unknown kind whose first bytes are markup (HTML, a feed) rather than plain text. */
export function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024))
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart();
  return head.startsWith('<') || head.startsWith('{');
}
