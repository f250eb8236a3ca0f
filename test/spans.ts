import type { Analysis } from '../src/model/index.js';

/** Every `{start, end, text}` anywhere in an analysis, with the path it was found at. */
export function collectSpans(
  value: unknown,
  path = '$',
  out: Array<{ path: string; start: number; end: number; text: string }> = [],
) {
  if (Array.isArray(value)) value.forEach((v, i) => collectSpans(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string') {
      out.push({ path, start: o.start, end: o.end, text: o.text });
    }
    for (const [k, v] of Object.entries(o))
      if (k !== 'text' || typeof v !== 'string') collectSpans(v, `${path}.${k}`, out);
  }
  return out;
}

/** Spans whose claimed text is not what they slice from the article. */
export function badSpans(a: Analysis) {
  return collectSpans(a).filter((s) => s.path !== '$' && a.text.slice(s.start, s.end) !== s.text);
}
