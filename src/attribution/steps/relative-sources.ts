import type { Attribution } from '../../model/index.js';
import { textSpan } from '../../model/index.js';
import { tokenAtOrAfter } from '../../text/index.js';
import { clauseWords } from '../clause-words.js';
import { mentionIndex, pronounReading, relativeAntecedent } from '../sources.js';
import { lowerAt, type AttributionContext } from './context.js';

/** Words a name run before the relative pronoun may span when no mention is found there. */
const MAX_NAME_TOKENS = 8;

/**
 * "US Secretary of State Marco Rubio, who affirmed …": the tagger gives the source as the relative
 * pronoun alone, as PolNeAR marks it, but a reader learns nothing from "who". A source that is a
 * lone who/which/that directly after its antecedent (nothing or a comma between) spans both; the
 * pronoun stays as `relative`, which the PolNeAR-format output gives. The antecedent is the mention
 * the speaker resolver reads for the pronoun. Without a mentions layer (the stage run on its own)
 * the run of capitalised words before the comma stands in for it; with one, only a mention counts,
 * since a capitalised word NER did not take is often no name ("her records in July, which showed").
 * An antecedent after a preposition that may hang on a noun ("Analysts at the bank, who") is none.
 * Runs after the speakers are resolved and the slips dropped, so the actor and every other decision
 * of the stage stay as they were.
 */
export function sourcesWithAntecedents(
  c: AttributionContext,
  attributions: readonly Attribution[],
): Attribution[] {
  const relatives = clauseWords().subjects.subjectRelatives;
  const lone = (a: Attribution) => {
    const word = a.source && pronounReading(a.source.text);
    return !!word && relatives.has(word);
  };
  if (!attributions.some(lone)) return [...attributions];
  const index = mentionIndex(c.doc);
  const tokenAt = (offset: number) => Math.min(c.tokens.length - 1, tokenAtOrAfter(c.tokens, offset));
  const sentenceAt = (offset: number) => c.tagged.sentence[tokenAt(offset)];
  return attributions.map((a) => {
    if (!a.source || !lone(a)) return a;
    const { start, end } = a.source;
    const from = c.doc.mentions.length
      ? relativeAntecedent(index, c.text, start, sentenceAt)?.start
      : nameRunStart(c, tokenAt(start));
    if (from === undefined || afterNounPreposition(c, tokenAt(from))) return a;
    const relative = textSpan(c.text, start, end);
    return { ...a, source: { ...a.source, ...textSpan(c.text, from, end), relative } };
  });
}

/**
 * "Analysts at the bank, who asked": the object of a preposition that may hang on a noun before it
 * is no sure antecedent (the analysts asked), so the source stays the pronoun.
 */
function afterNounPreposition(c: AttributionContext, first: number): boolean {
  const sentenceStart = c.tagged.sentStart[first];
  let before = first - 1;
  if (before > sentenceStart && clauseWords().claims.determiners.has(lowerAt(c, before))) before--;
  return before >= sentenceStart && clauseWords().subjects.nounPrepositions.has(lowerAt(c, before));
}

/**
 * "Pell Toys, which said": the capitalised words (with particles between them: "Secretary of State")
 * ending at the comma before the pronoun token `p`, in its sentence; their start offset, or undefined.
 */
function nameRunStart(c: AttributionContext, p: number): number | undefined {
  const { tokens, text } = c;
  const first = c.tagged.sentStart[p];
  const comma = p - 1;
  if (comma <= first || lowerAt(c, comma) !== ',') return undefined;
  const capitalised = (i: number) =>
    i >= first && tokens[i].kind === 'word' && /^\p{Lu}/u.test(text.slice(tokens[i].start, tokens[i].end));
  const particle = (i: number) => i >= first && clauseWords().subjects.nameParticles.has(lowerAt(c, i));
  let s = comma;
  while (comma - s < MAX_NAME_TOKENS) {
    if (capitalised(s - 1)) s--;
    else if (particle(s - 1) && capitalised(s - 2) && s < comma) s -= 2;
    else break;
  }
  return s < comma ? tokens[s].start : undefined;
}
