import type { LinkedAttribution, RoleSpan } from '../link.js';
import { inTextOrder, isSpeechVerbAt, lowerAt, type AttributionContext } from './context.js';

/**
 * "Quinn tweeted that the plan “needs work,” adding “we need everyone on it”": a participle of
 * saying after a comma, outside quotation marks, inside the content the tagger ran on, opens a
 * report of its own by the same source. Its words are what was added, not what was first said.
 * Checked on PolNeAR train: lenient F1 flat (0.7347), recall up; each change read.
 */
export function trailingParticiples(
  c: AttributionContext,
  linked: readonly LinkedAttribution[],
): LinkedAttribution[] {
  const out: LinkedAttribution[] = [];
  let changed = false;
  for (const a of linked) {
    const split = a.cue && a.content.length === 1 && !a.within ? participleIn(c, a.content[0]) : -1;
    if (split < 0) {
      out.push(a);
      continue;
    }
    const content = a.content[0];
    // The comma goes; a quotation's closing mark after it stays with the quotation.
    const before: RoleSpan = {
      role: 'content',
      from: content.from,
      to: c.tokens[split - 1].kind === 'quote' ? split : split - 1,
    };
    const after: RoleSpan = { role: 'content', from: split + 1, to: content.to };
    out.push({ ...a, content: [before] });
    out.push({ cue: { role: 'cue', from: split, to: split + 1 }, source: a.source, content: [after] });
    changed = true;
  }
  return changed ? inTextOrder(out) : out;
}

/** The token of ", adding …" (or ",” adding") inside the content span, or -1: words on both sides of it. */
function participleIn(c: AttributionContext, content: RoleSpan): number {
  const { quote } = c.tagged;
  for (let i = content.from + 2; i < content.to - 1; i++) {
    const comma = c.tokens[i - 1].kind === 'quote' ? i - 2 : i - 1;
    if (quote.inside[i] || quote.mark[i] || comma <= content.from || lowerAt(c, comma) !== ',') continue;
    if (!lowerAt(c, i).endsWith('ing') || !isSpeechVerbAt(c, i)) continue;
    // "…, adding" goes with the reporting verb; another participle may go with a person the content
    // names ("said Reid quieted them, telling …"), so a name before it leaves the content whole.
    if (lowerAt(c, i) !== 'adding' && c.named.subarray(content.from, i).includes(1)) return -1;
    return i;
  }
  return -1;
}
