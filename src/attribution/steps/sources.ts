import type { Sentence } from '../../model/index.js';
import { adjacentSource, isPassiveCue, parentheticalSubject, passiveAgent } from '../backstop.js';
import type { LinkedAttribution, RoleSpan } from '../link.js';
import { isClauseSubject, relativeSubject, sharedSubject } from '../subjects.js';
import { lowerAt, type AttributionContext } from './context.js';
import { locativeHead } from './locative.js';

/**
 * Each cue's source, repaired: a "source" of only adverbs or auxiliaries ("further") is a tagging
 * slip, and so is one inside a quotation when the cue is outside it (the quotation's words are the
 * content). A passive cue takes its agent ("by Rubio"); a cue after a parenthetical takes the name
 * that opens it; a cue the tagger left without a source takes the pronoun or name right next to
 * it, or the subject a second verb of saying shares with the first clause.
 */
export function repairSources(
  c: AttributionContext,
  linked: readonly LinkedAttribution[],
): LinkedAttribution[] {
  return linked.map((a) => {
    if (!a.cue) return a;
    const s = c.doc.sentences[c.tagged.sentence[a.cue.from]];
    if (!s) return a;
    // "GateHouse reportedly laid off …": a lone hedging adverb reports words nobody in the sentence
    // said; its subject is what the report is about (PolNeAR train: all 15 such gold cues, reportedly 14 and allegedly 1, have no source).
    if (isLoneAdverbCue(c, a.cue)) return a.source ? { ...a, source: null } : a;
    let source = a.source;
    if (source && (isFunctionWords(c, source) || (isQuoted(c, source) && !isQuoted(c, a.cue)))) source = null;
    source = isPassiveCue(c.text, c.tokens, a.cue, s, c.lex)
      ? passiveSource(c, a.cue, source, s)
      : activeSource(c, a.cue, source, s);
    return source === a.source ? a : { ...a, source };
  });
}

/** The agent ("by Rubio") is the source, whatever the tagger marked before the cue. */
function passiveSource(c: AttributionContext, cue: RoleSpan, tagged: RoleSpan | null, s: Sentence) {
  const after = tagged && tagged.to <= cue.from ? null : tagged;
  return (
    passiveAgent(c.text, c.tokens, cue, s) ??
    after ??
    adjacentSource(c.text, c.tokens, cue, s, c.lex, { before: false })
  );
}

function activeSource(c: AttributionContext, cue: RoleSpan, tagged: RoleSpan | null, s: Sentence) {
  const { text, tokens, lex, named } = c;
  // "…criticised the plan, with the minister warning of …": the name after "with" speaks for the
  // -ing verb of that absolute phrase, never for a cue before it (5 of 5 such links on PolNeAR train wrong).
  const absolute = tagged && tagged.from > cue.to && lowerAt(c, tagged.from - 1) === 'with';
  let source =
    parentheticalSubject(text, tokens, cue, s, lex, named) ??
    (absolute ? null : tagged) ??
    adjacentSource(text, tokens, cue, s, lex);
  // "…, but said [SpaceX] would fly": the name is the reported clause's subject; the speaker is
  // the subject the second verb shares with the first clause, when the sentence makes it plain.
  if (source && isClauseSubject(text, tokens, cue, source)) source = null;
  if (source) source = relativeSubject(text, tokens, cue, source);
  // "…, a chemist at the lab in Pasadena, California, said": the state ends a locative.
  const head = source && source.to <= cue.from ? locativeHead(c, source, s) : undefined;
  if (head !== undefined) source = head;
  const isAdverb = (w: string) => lex.auxiliaries.has(w) || /..ly$/.test(w);
  return source ?? sharedSubject(text, tokens, cue, s, { isAdverb, named });
}

/** The cue is one word, a one-word lexicon phrase ("reportedly", "allegedly", "supposedly"). */
function isLoneAdverbCue(c: AttributionContext, cue: RoleSpan): boolean {
  if (cue.to !== cue.from + 1) return false;
  return (c.lex.phrases.get(lowerAt(c, cue.from)) ?? []).some((p) => p.words.length === 1);
}

function isFunctionWords(c: AttributionContext, r: RoleSpan): boolean {
  for (let i = r.from; i < r.to; i++)
    if (c.tokens[i].kind === 'word' && !c.lex.auxiliaries.has(lowerAt(c, i))) return false;
  return true;
}

/** Every token of the span is inside a quotation. */
function isQuoted(c: AttributionContext, r: RoleSpan): boolean {
  for (let i = r.from; i < r.to; i++) if (!c.tagged.quote.inside[i]) return false;
  return true;
}
