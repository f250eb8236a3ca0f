import { link } from '../link.js';
import type { LinkedAttribution } from '../link.js';
import { segments } from '../model.js';
import { isDirect, type AttributionContext } from './context.js';

/** Groups the tagger's source, cue and content runs into attributions (see link.ts). */
export function linkTagged(c: AttributionContext, linked: readonly LinkedAttribution[]): LinkedAttribution[] {
  const { tokens } = c;
  const segmentOf = new Int32Array(tokens.length);
  segments(c.doc.sentences, tokens.length).forEach(([from, to], k) => segmentOf.fill(k, from, to));
  const filler = new Uint8Array(tokens.length);
  tokens.forEach((t, i) => (filler[i] = t.kind === 'punct' || t.kind === 'quote' ? 1 : 0));
  return [
    ...linked,
    ...link(c.spans, { sentence: c.tagged.sentence, segment: segmentOf, filler }, (s) => isDirect(c, s)),
  ];
}
