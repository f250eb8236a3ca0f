import { cueSpanModel, rerankCue } from '../cuespans.js';
import type { LinkedAttribution } from '../link.js';
import type { AttributionContext } from './context.js';

/**
 * Cue edges follow the annotators' conventions, learnt from PolNeAR's training split ("said |
 * Friday", "said in a statement"). A cue grows only into tokens no other attribution holds; each
 * moved cue frees its old tokens and holds its new ones before the next cue is looked at.
 */
export function cueEdges(c: AttributionContext, linked: readonly LinkedAttribution[]): LinkedAttribution[] {
  const spanModel = cueSpanModel();
  if (!spanModel) return [...linked];
  const taken = new Uint8Array(c.tokens.length);
  for (const a of linked) for (const r of [a.cue, a.source, ...a.content]) if (r) taken.fill(1, r.from, r.to);
  return linked.map((a) => {
    const cue = a.cue;
    if (!cue) return a;
    const free = (i: number) => (c.labels[i] === 0 && !taken[i]) || (i >= cue.from && i < cue.to);
    const repaired = rerankCue(spanModel, c.tagged, cue, free);
    if (repaired === cue) return a;
    taken.fill(0, cue.from, cue.to);
    taken.fill(1, repaired.from, repaired.to);
    return { ...a, cue: repaired };
  });
}
