import type { LinkedAttribution } from '../link.js';
import type { AttributionContext } from './context.js';

/**
 * A quotation that runs over paragraphs leaves its closing mark off every paragraph but the last
 * and opens each new one with a mark (“… Chelsea. ¶ “He has won …”). The tagger reads the later
 * paragraphs as quotes of their own, with no source and no cue; PolNeAR marks them as more content
 * of the report the quotation began in. A sourceless, cueless attribution whose content opens with
 * a quotation that continues the quotation before it (`ended: 'continued'`) joins the attribution
 * whose content holds that quotation, and so gets its speaker.
 */
export function continuedQuotations(
  c: AttributionContext,
  linked: readonly LinkedAttribution[],
): LinkedAttribution[] {
  const quotations = c.doc.quotations.filter((q) => q.depth === 0 && q.open);
  if (!quotations.some((q) => q.ended === 'continued')) return [...linked];
  // The quotation each token opens, and the quotation before it.
  const previousOf = new Map<number, { tokenStart: number; tokenEnd: number; continued: boolean }>();
  for (let k = 1; k < quotations.length; k++) {
    const before = quotations[k - 1];
    previousOf.set(quotations[k].tokenStart, {
      tokenStart: before.tokenStart,
      tokenEnd: before.tokenEnd,
      // Continued by the mark opening the very next paragraph, nothing but the break between.
      continued:
        before.ended === 'continued' &&
        /^[^\S\n]*\n\s*$/u.test(c.text.slice(before.end, quotations[k].start)),
    });
  }
  const out: LinkedAttribution[] = [];
  const merged = new Map<LinkedAttribution, LinkedAttribution>();
  for (const a of linked) {
    const before = a.source || a.cue || !a.content.length ? undefined : previousOf.get(a.content[0].from);
    const holder =
      before?.continued &&
      [...out]
        .reverse()
        .find((b) => b.content.some((r) => r.from <= before.tokenStart && before.tokenEnd <= r.to));
    if (!holder || !holder.source) {
      out.push(a);
      continue;
    }
    // Only the paragraphs that continue the quotation join; content the tagger grouped after them
    // (a quotation further on) stays a sourceless attribution of its own.
    let n = 1;
    while (n < a.content.length) {
      const prior = previousOf.get(a.content[n].from);
      const last = a.content[n - 1];
      if (!prior?.continued || prior.tokenStart < last.from || prior.tokenEnd > last.to) break;
      n++;
    }
    const joined: LinkedAttribution = { ...holder, content: [...holder.content, ...a.content.slice(0, n)] };
    out[out.indexOf(holder)] = joined;
    merged.set(holder, joined);
    if (n < a.content.length) out.push({ ...a, content: a.content.slice(n) });
  }
  return merged.size ? out : [...linked];
}
