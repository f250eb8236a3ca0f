import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readTextLines } from './lines.js';
import { detectLanguage } from './language.js';
import { dateProblem, toIsoDate } from './metadata.js';
import type { Out, ReadOptions } from './source-common.js';
import { compact, isUrl, normLang, problem, safeCanonical } from './source-common.js';

/* JSONL sources: one article record a line, `{id, text, meta}` or PolNeAR-like `{id, text, title, date, publisher}`. */

const JsonlMetaSchema = z
  .object({
    title: z.string().optional(),
    url: z.string().optional(),
    outlet: z.string().optional(),
    publisher: z.string().optional(),
    // null means unknown, as if the field were left out.
    published: z.string().nullish(),
    date: z.string().nullish(),
    byline: z.string().optional(),
    author: z.string().optional(),
    language: z.string().optional(),
  })
  .passthrough();

/** `{id, text, meta}` or PolNeAR-like `{id, text, title, date, publisher}`; other fields are ignored. */
const JsonlRecordSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String).optional(),
    text: z.string({ message: 'missing "text" (a string)' }),
    meta: JsonlMetaSchema.optional(),
  })
  // The top-level fields without passthrough: a numeric "id" kept raw would clash with the string.
  .and(JsonlMetaSchema.strip());

/** Streams a JSONL file line by line (any size), each line capped in length and decoded strictly. */
export async function* readJsonl(file: string, options: ReadOptions): AsyncGenerator<Out> {
  const maxLine = options.maxLineChars ?? 10_000_000;
  let stream;
  try {
    const h = await open(file, 'r');
    stream = createReadStream('', { fd: h, highWaterMark: 1 << 20 });
  } catch (err) {
    yield problem(file, err);
    return;
  }
  try {
    // Bytes, not characters: a line of maxLine characters takes up to 3 bytes each.
    for await (const line of readTextLines(stream as AsyncIterable<Buffer>, file, {
      maxLineBytes: maxLine * 3,
    })) {
      if ('problem' in line) yield problem(`${file}:${line.lineNo}`, line.problem);
      else if (line.text.length > maxLine)
        yield problem(`${file}:${line.lineNo}`, `line longer than ${maxLine} characters; skipped`);
      else yield* jsonlLine(line.text, file, line.lineNo);
    }
  } catch (err) {
    yield problem(file, err);
  } finally {
    stream.destroy();
  }
}

export function* jsonlLines(lines: string[], file: string): Generator<Out> {
  for (let i = 0; i < lines.length; i++) yield* jsonlLine(lines[i], file, i + 1);
}

function* jsonlLine(raw: string, file: string, lineNo: number): Generator<Out> {
  const line = raw.replace(/\r$/, '');
  if (!line.trim()) return;
  const where = `${file}:${lineNo}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    yield problem(where, `bad JSON: ${(err as Error).message}`);
    return;
  }
  const parsed = JsonlRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    yield problem(
      where,
      `not an article record: ${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'schema mismatch'}`,
    );
    return;
  }
  const r = parsed.data;
  if (!r.text.trim()) {
    yield problem(where, 'empty "text"');
    return;
  }
  const m = { ...r, ...(r.meta ?? {}) };
  const rawDate = m.published ?? m.date;
  const published = rawDate ? toIsoDate(rawDate) : undefined;
  if (rawDate && !published) {
    yield problem(
      where,
      `"published": ${JSON.stringify(rawDate.slice(0, 40))} is not a date (${dateProblem(rawDate)}); use null when it is unknown`,
    );
    return;
  }
  const url = m.url && isUrl(m.url) ? m.url : undefined;
  const canonicalUrl = url ? safeCanonical(url) : undefined;
  yield compact({
    key:
      canonicalUrl ??
      (r.id !== undefined ? `${path.resolve(file)}#${r.id}` : `${path.resolve(file)}:${lineNo}`),
    origin: 'jsonl' as const,
    text: r.text,
    title: m.title,
    byline: m.byline ?? m.author,
    published,
    outlet: m.outlet ?? m.publisher,
    url,
    canonicalUrl,
    language: normLang(m.language) ?? detectLanguage(r.text),
  });
}
