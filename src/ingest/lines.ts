/**
 * Lines of a text stream (JSONL), decoded with the one decoder of every command: split on newline
 * bytes, each line decoded strictly, so an invalid byte is reported on its own line with its exact
 * file offset instead of silently becoming U+FFFD. Memory stays one line deep whatever the file size.
 */
import { decodeTextBytes, DecodeError, invalidByte, firstInvalidUtf8 } from './encoding.js';

export type TextLine = { lineNo: number; text: string } | { lineNo: number; problem: string };

export interface LineOptions {
  /** Longest line kept, in bytes; a longer one is reported and skipped. Default 30 MB. */
  maxLineBytes?: number;
  /** Largest UTF-16 file, which is decoded whole. Default 64 MB. */
  maxUtf16Bytes?: number;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Yields every line (without its `\n` or `\r\n`) or a problem for a line that cannot be decoded. */
export async function* readTextLines(
  chunks: AsyncIterable<Uint8Array>,
  where: string,
  options: LineOptions = {},
): AsyncGenerator<TextLine> {
  const maxLine = options.maxLineBytes ?? 30 * 1024 * 1024;
  const iterator = chunks[Symbol.asyncIterator]();
  let first = await iterator.next();
  while (!first.done && first.value.length === 0) first = await iterator.next();
  if (first.done) return;
  const head = first.value;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    yield* utf16Lines(head, iterator, where, options.maxUtf16Bytes ?? 64 * 1024 * 1024);
    return;
  }
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let skipping = false;
  let lineNo = 0;
  let lineStart = 0; // file offset of the current line's first byte
  let chunk: Uint8Array | undefined = head;
  let chunkOffset = 0; // file offset of chunk[0]
  const finish = (bytes: Uint8Array): TextLine => {
    lineNo++;
    const at = lineStart;
    const bomless = at === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const body = bytes.subarray(
      bomless,
      bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? -1 : undefined,
    );
    try {
      return { lineNo, text: UTF8.decode(body) };
    } catch {
      const bad = firstInvalidUtf8(body);
      return {
        lineNo,
        problem: `not valid UTF-8: ${invalidByte(body, bad, at + bomless).replace(/ \(line 1, /, ' (')}; convert the file to UTF-8 first`,
      };
    }
  };
  while (chunk) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, nl < 0 ? chunk.length : nl);
      if (!skipping) {
        pending.push(piece);
        pendingBytes += piece.length;
        if (pendingBytes > maxLine) {
          skipping = true;
          pending = [];
        }
      }
      if (nl < 0) break;
      if (skipping) {
        lineNo++;
        yield { lineNo, problem: `line longer than ${maxLine} bytes; skipped` };
      } else yield finish(pending.length === 1 ? pending[0] : Buffer.concat(pending));
      pending = [];
      pendingBytes = 0;
      skipping = false;
      start = nl + 1;
      lineStart = chunkOffset + start;
    }
    chunkOffset += chunk.length;
    const next = await iterator.next();
    chunk = next.done ? undefined : next.value;
  }
  if (skipping) yield { lineNo: lineNo + 1, problem: `line longer than ${maxLine} bytes; skipped` };
  else if (pendingBytes > 0) yield finish(Buffer.concat(pending));
}

async function* utf16Lines(
  head: Uint8Array,
  rest: AsyncIterator<Uint8Array>,
  where: string,
  maxBytes: number,
): AsyncGenerator<TextLine> {
  const parts = [head];
  let size = head.length;
  for (let r = await rest.next(); !r.done; r = await rest.next()) {
    size += r.value.length;
    if (size > maxBytes)
      throw new DecodeError(`${where}: a UTF-16 file over ${maxBytes} bytes; convert it to UTF-8`);
    parts.push(r.value);
  }
  const { text } = decodeTextBytes(Buffer.concat(parts), where);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) yield { lineNo: i + 1, text: lines[i].replace(/\r$/, '') };
}
