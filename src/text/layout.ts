import type { TextSpan } from '../model/index.js';
import { textSpan } from '../model/index.js';

const BYLINE = /^[ \t]*(By[ \t]+)(\p{Lu}[\p{L}\p{M}.'’\- ]{1,80}?)[ \t]*$/mu;

/**
 * Finds the title line and the "By …" byline of a plain-text article. The title is the first line
 * when it is short, has no sentence-final period and more text follows; the byline is a "By Name"
 * line of at most eight words at the start or the end of the article.
 */
export function findLayout(text: string): { title?: TextSpan; byline?: TextSpan } {
  const out: { title?: TextSpan; byline?: TextSpan } = {};
  const lead = /^\s*/.exec(text)?.[0].length ?? 0;
  const firstBreak = text.indexOf('\n', lead);
  if (firstBreak > lead) {
    const line = text.slice(lead, firstBreak).trimEnd();
    const rest = text.slice(firstBreak).trim();
    if (
      line.length > 0 &&
      line.length <= 200 &&
      rest.length > 0 &&
      !/[.;:,]$/.test(line) &&
      !/^By\s/.test(line)
    ) {
      out.title = textSpan(text, lead, lead + line.length);
    }
  }
  const lines: Array<{ start: number; end: number }> = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    lines.push({ start: pos, end: pos + line.length });
    pos += line.length + 1;
  }
  const nonEmpty = lines.filter((l) => text.slice(l.start, l.end).trim().length > 0);
  const candidates = [nonEmpty[0], nonEmpty[1], nonEmpty[nonEmpty.length - 1]].filter(Boolean);
  for (const line of candidates) {
    const m = BYLINE.exec(text.slice(line.start, line.end));
    if (!m) continue;
    const name = m[2].trim();
    if (name.split(/\s+/).length > 8) continue;
    const start = line.start + m.index + m[0].indexOf(m[2]);
    out.byline = textSpan(text, start, start + name.length);
    break;
  }
  return out;
}
