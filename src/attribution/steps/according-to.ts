import { accordingTo } from '../backstop.js';
import type { LinkedAttribution } from '../link.js';
import { relayedFrame } from '../via.js';
import { inTextOrder, isOutlet, isSpeechVerbAt, lowerAt, type AttributionContext } from './context.js';

/**
 * "X, according to Y" the tagger missed becomes an attribution; attributions inside its content are
 * nested, so dropped. "“…,” he said, according to the Intelligencer" credits him: the outlet only
 * relays his statement (its via, found later), so the frame becomes the attribution instead.
 */
export function accordingToPhrases(
  c: AttributionContext,
  linked: readonly LinkedAttribution[],
): LinkedAttribution[] {
  const { tokens } = c;
  // "according to" is followed by its source, never by its content: a tagged run that reads the
  // words after it as content is set aside, so the phrase is read again from the text below.
  const misread = linked.filter((a) => readsSourceAsContent(c, a));
  const tagged = misread.length ? linked.filter((a) => !misread.includes(a)) : linked;
  const according = relayedFrames(
    c,
    tagged,
    accordingTo(c.text, tokens, c.doc.sentences, c.tagged.sentence, tagged, (i) => isAccordingTo(c, i)),
  ).map((a) => afterOpeningFrame(c, a, tagged));
  if (!according.length) return [...linked];
  // A misread run the text gives no other reading of stays as it was.
  const rebuiltCues = new Set(according.map((a) => a.cue?.from));
  const kept = [...tagged, ...misread.filter((a) => !rebuiltCues.has(a.cue?.from))];
  // Depth of "according to" contents over each token: a cue wholly inside one is nested.
  const depth = new Int32Array(tokens.length + 1);
  for (const b of according) {
    depth[b.content[0].from]++;
    depth[b.content[0].to]--;
  }
  const insideAccording = new Uint8Array(tokens.length);
  for (let i = 0, d = 0; i < tokens.length; i++) insideAccording[i] = (d += depth[i]) > 0 ? 1 : 0;
  const nested = (a: LinkedAttribution) =>
    a.cue !== null && insideAccording.subarray(a.cue.from, a.cue.to).every((x) => x === 1);
  return inTextOrder([...kept.filter((a) => !nested(a)), ...according]);
}

/** The cue is exactly "according to" and the content starts right after it. */
function readsSourceAsContent(c: AttributionContext, a: LinkedAttribution): boolean {
  const { cue } = a;
  return (
    cue !== null &&
    cue.to === cue.from + 2 &&
    isAccordingTo(c, cue.from) &&
    a.content.some((x) => x.from === cue.to)
  );
}

/** Token i opens the two-word lexicon phrase "according to". */
function isAccordingTo(c: AttributionContext, i: number): boolean {
  return (c.lex.phrases.get(lowerAt(c, i)) ?? []).some(
    (p) =>
      p.lemma === 'according to' &&
      p.words.length === 2 &&
      i + 1 < c.tokens.length &&
      lowerAt(c, i + 1) === p.words[1],
  );
}

/**
 * An "according to" attribution whose source is an outlet and whose content ends in a speech frame
 * ("…,” he said, according to the Intelligencer") becomes that frame's attribution; where the
 * tagger already found the frame's own attribution, the outlet is only its via and the phrase goes.
 */
function relayedFrames(
  c: AttributionContext,
  linked: readonly LinkedAttribution[],
  according: readonly LinkedAttribution[],
): LinkedAttribution[] {
  const cueAt = new Uint8Array(c.tokens.length);
  for (const a of linked) if (a.cue) cueAt.fill(1, a.cue.from, a.cue.to);
  const out: LinkedAttribution[] = [];
  for (const a of according) {
    const relayed =
      a.source && isOutlet(c, a.source.from, a.source.to)
        ? relayedFrame(c.text, c.tokens, a, (i) => isSpeechVerbAt(c, i))
        : null;
    if (!relayed?.cue) out.push(a);
    else if (!cueAt[relayed.cue.from]) out.push(relayed);
  }
  return out;
}

/** Marks that may come before the "As" of a fronted speech frame ("(As X noted, …"). */
const FRAME_OPENERS = new Set(['(', '"', '“']);
/** Longest "As …" frame before its cue, in tokens ("As the paper's chief medical correspondent Dr. Ann Lee noted"). */
const MAX_FRAME = 15;

/**
 * "As X noted at the time, Y, according to Z": X's frame opens the sentence and speaks for Y as Z
 * does, so it is no report nested in Z's content. The "according to" content then starts where
 * the frame's own content starts, and the frame's attribution stays.
 */
function afterOpeningFrame(
  c: AttributionContext,
  a: LinkedAttribution,
  linked: readonly LinkedAttribution[],
): LinkedAttribution {
  const [content] = a.content;
  let as = content.from;
  while (as < content.to && FRAME_OPENERS.has(lowerAt(c, as))) as++;
  if (as >= content.to || lowerAt(c, as) !== 'as') return a;
  for (const b of linked) {
    const body = b.content[0];
    if (!b.cue || !b.source || !body || b.source.from <= as || b.source.to > b.cue.from) continue;
    if (b.cue.from - as > MAX_FRAME || body.from < b.cue.to || body.from >= content.to) continue;
    let clauseBreak = false;
    for (let i = as + 1; i < b.cue.from; i++) clauseBreak ||= /^[,;:]$/.test(lowerAt(c, i));
    if (!clauseBreak) return { ...a, content: [{ ...content, from: body.from }] };
  }
  return a;
}
