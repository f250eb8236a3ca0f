import { passiveReports as findPassiveReports } from '../backstop.js';
import type { LinkedAttribution } from '../link.js';
import { inTextOrder, type AttributionContext } from './context.js';

/**
 * Passive reports with an agent ("was echoed by Rubio") where no attribution holds the cue or
 * content words yet; their agent may be another cue's source.
 */
export function passiveReports(
  c: AttributionContext,
  linked: readonly LinkedAttribution[],
): LinkedAttribution[] {
  const { lex } = c;
  const held = new Uint8Array(c.tokens.length);
  for (const a of linked) for (const r of [a.cue, ...a.content]) if (r) held.fill(1, r.from, r.to);
  const found = findPassiveReports(c.text, c.tokens, c.doc.sentences, c.tagged.sentence, held, (w) => {
    const entry = lex.forms.get(w);
    return entry !== undefined && lex.passiveReports.has(entry.lemma);
  });
  return inTextOrder([...linked, ...found]);
}
