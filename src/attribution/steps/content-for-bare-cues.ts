import { orphanContent } from '../backstop.js';
import { type LinkedAttribution, type RoleSpan } from '../link.js';
import { inTextOrder, isDirect, isSpeechVerbAt, type AttributionContext } from './context.js';

/**
 * Speech cues the tagger found but gave no content: the sentence around the frame is the content.
 * Never over a quotation another attribution already owns ("stating, “…,” Rutte said"); another's
 * indirect content is no obstacle. (PolNeAR nests no cue in another's content, 0 of 19,831 in train;
 * a report inside this content becomes a nested one later, in nestedReports.)
 */
export function contentForBareCues(
  c: AttributionContext,
  linked: readonly LinkedAttribution[],
): LinkedAttribution[] {
  const { tokens, tagged } = c;
  const { spans } = c;
  const linkedCues = new Set(linked.map((a) => a.cue?.from));
  const quoted = new Uint8Array(tokens.length);
  for (const a of linked) for (const r of a.content) if (isDirect(c, r)) quoted.fill(1, r.from, r.to);
  const quotedBefore = new Int32Array(tokens.length + 1); // prefix sums: O(1) per check
  for (let i = 0; i < tokens.length; i++) quotedBefore[i + 1] = quotedBefore[i] + quoted[i];
  const freeOfQuotes = (r: RoleSpan) => quotedBefore[r.to] === quotedBefore[r.from];
  // Tagged sources by their first and last token, for the frame next to each cue.
  const sourceAt = new Map<number, RoleSpan>();
  for (const r of spans) {
    if (r.role !== 'source') continue;
    sourceAt.set(r.from, r);
    sourceAt.set(r.to - 1, r);
  }
  const out = [...linked];
  for (const cue of spans) {
    if (cue.role !== 'cue' || linkedCues.has(cue.from) || !isSpeechCue(c, cue)) continue;
    const s = c.doc.sentences[tagged.sentence[cue.from]];
    if (!s) continue;
    const source = nearestSource(sourceAt, cue, tagged.sentence);
    const content = orphanContent(c.text, tokens, cue, source, s).filter(freeOfQuotes);
    if (content.length) out.push({ cue, source, content });
  }
  return inTextOrder(out);
}

/** A verb of saying among the cue's words. */
function isSpeechCue(c: AttributionContext, r: RoleSpan): boolean {
  for (let i = r.from; i < r.to; i++) if (isSpeechVerbAt(c, i)) return true;
  return false;
}

/** A tagged source right next to the cue in its sentence ("Mr. Clarke said" / "said Mr. Clarke"). */
export function nearestSource(
  sourceAt: ReadonlyMap<number, RoleSpan>,
  cue: RoleSpan,
  sentenceOf: Int32Array,
): RoleSpan | null {
  const before = sourceAt.get(cue.from - 1);
  if (before && before.to === cue.from && sentenceOf[before.from] === sentenceOf[cue.from]) return before;
  const after = sourceAt.get(cue.to);
  if (after && after.from === cue.to && sentenceOf[after.to - 1] === sentenceOf[cue.from]) return after;
  return null;
}
