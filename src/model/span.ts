import { z } from 'zod';

/** A half-open `[start, end)` range of JavaScript string indices (UTF-16 code units) into the original text. */
export const SpanSchema = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end >= s.start, { message: 'span end must not precede start' });
export type Span = z.infer<typeof SpanSchema>;

/** A span together with the text it covers, so every layer can be checked with `text.slice(start, end)`. */
export const TextSpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type TextSpan = z.infer<typeof TextSpanSchema>;

export function textSpan(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
