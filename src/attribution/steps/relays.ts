import type { RoleSpan } from '../link.js';
import { findAccordingVia, findRecipientVia, findVia, type ViaMatch } from '../via.js';
import { isOutlet, isSpeechVerbAt, outletName, type AttributionContext } from './context.js';

/** A real sentence relays through one or two outlets; the cap keeps hostile text linear. */
const MAX_VIAS_PER_SENTENCE = 4;

/** Relaying outlets per sentence ("…, Caliber.Az reports citing Russian media."), found once each. */
export interface Relays {
  inSentence(sentenceIndex: number): ViaMatch[];
  /** The cue lies in a relay ("Caliber.Az reports citing Russian media"). */
  isRelayCue(cue: RoleSpan): boolean;
}

export function relaysOf(c: AttributionContext): Relays {
  const { doc, tokens } = c;
  const bySentence = new Map<number, ViaMatch[]>();
  const inSentence = (sentenceIndex: number) => {
    let vias = bySentence.get(sentenceIndex);
    if (!vias) {
      const s = doc.sentences[sentenceIndex];
      vias = s
        ? [
            ...findVia(doc, tokens, s.tokenStart, s.tokenEnd, (from, to) => isOutlet(c, from, to)),
            ...findRecipientVia(doc, tokens, s.tokenStart, s.tokenEnd, (start, end) =>
              outletName(c, start, end),
            ),
            ...findAccordingVia(
              doc,
              tokens,
              s.tokenStart,
              s.tokenEnd,
              (from, to) => isOutlet(c, from, to),
              (i) => isSpeechVerbAt(c, i),
            ),
          ].slice(0, MAX_VIAS_PER_SENTENCE)
        : [];
      bySentence.set(sentenceIndex, vias);
    }
    return vias;
  };
  const isRelayCue = (cue: RoleSpan) => {
    const start = tokens[cue.from].start;
    return inSentence(c.tagged.sentence[cue.from]).some(
      (v) =>
        ((v.via.outletSpan?.start ?? v.via.cue.start) <= start &&
          start < (v.via.citing?.end ?? v.via.cue.end)) ||
        (v.ownCue === true && v.via.cue.start <= start && start < v.via.cue.end),
    );
  };
  return { inSentence, isRelayCue };
}
