import type { Doc } from '../../model/index.js';
import { emptyDoc, runStages } from '../../pipeline/pipeline.js';
import { textStage } from '../../text/index.js';
import { mentionsStage } from '../../mentions/index.js';
import { actorsStage } from '../../actors/index.js';
import type { LinkedAttribution, RoleSpan } from '../link.js';
import { attributionContext, type AttributionContext } from './context.js';

/* Helpers for the step tests: a document through the stages before attribution, and spans by words. */

export function contextOf(text: string, meta: Doc['meta'] = {}): AttributionContext {
  return attributionContext(runStages([textStage, mentionsStage, actorsStage], emptyDoc(text, meta)));
}

/** The token span covering the nth occurrence of `words` in the text (any case). */
export function spanOf(c: AttributionContext, role: RoleSpan['role'], words: string, nth = 0): RoleSpan {
  const lower = c.text.toLowerCase();
  let at = -1;
  for (let k = 0; k <= nth; k++) at = lower.indexOf(words.toLowerCase(), at + 1);
  if (at < 0) throw new Error(`"${words}" not in the text`);
  const from = c.tokens.findIndex((t) => t.end > at);
  let to = from;
  while (to < c.tokens.length && c.tokens[to].start < at + words.length) to++;
  return { role, from, to };
}

/** The words of a span, for readable expectations. */
export function wordsOf(c: AttributionContext, r: RoleSpan | null): string | null {
  return r ? c.text.slice(c.tokens[r.from].start, c.tokens[r.to - 1].end) : null;
}

/** Each attribution as "source | cue | content", for readable expectations. */
export function show(c: AttributionContext, list: readonly LinkedAttribution[]): string[] {
  return list.map((a) => [a.source, a.cue, ...a.content].map((r) => wordsOf(c, r) ?? '-').join(' | '));
}
