import type { Attribution } from '../../model/index.js';
import { tokenAtOrAfter } from '../../text/index.js';
import { cueLemma } from '../lexicon.js';
import type { LinkedAttribution, RoleSpan } from '../link.js';
import { mentionIndex } from '../sources.js';
import { resolveSpeaker, type PreviousSpeaker, type SpeakerContext } from '../speakers.js';
import { lowerAt, spanText, type AttributionContext } from './context.js';
import { relaysOf, type Relays } from './relays.js';

/** Tokens between a source and the cue after it that still make the source the cue's subject ("that also has"). */
const MAX_GAP_TO_CUE = 2;
const NO_RELAYS: Relays = { isRelayCue: () => false, inSentence: () => [] };

/** An attribution as the model gives it, with its cue's lower-cased words for the later checks. */
export interface Credited {
  attribution: Attribution;
  cueWords: string[];
  /** The attribution a nested report stands in (its `within` is set once ids are final). */
  within?: Attribution;
}

/**
 * Turns the linked attributions into the model's: each source resolved to the actor who spoke (a
 * pronoun to the speaker before it, see speakers.ts), the cue's lemma and stance from the lexicon,
 * the relaying outlets of its sentence as `via`. The tagger's own attribution on a relaying verb
 * ("Caliber.Az reports citing …") is dropped when its sentence has another cue: it is that cue's via.
 */
export function creditSpeakers(c: AttributionContext, linked: readonly LinkedAttribution[]): Credited[] {
  const { doc, tokens, tagged } = c;
  const relays = relaysOf(c);
  const cuesPerSentence = new Map<number, number>();
  for (const a of linked)
    if (a.cue && !a.within)
      cuesPerSentence.set(
        tagged.sentence[a.cue.from],
        (cuesPerSentence.get(tagged.sentence[a.cue.from]) ?? 0) + 1,
      );
  const speakers = speakerContext(c);
  const out: Credited[] = [];
  const credited = new Map<LinkedAttribution, Attribution>();
  let previous: PreviousSpeaker | undefined;
  for (const a of linked) {
    if (a.within) continue;
    if (a.cue && relays.isRelayCue(a.cue) && (cuesPerSentence.get(tagged.sentence[a.cue.from]) ?? 0) > 1)
      continue;
    const words: string[] = [];
    if (a.cue) for (let i = a.cue.from; i < a.cue.to; i++) words.push(lowerAt(c, i));
    const sentenceIndex = tagged.sentence[(a.cue ?? a.content[0]).from];
    const source =
      a.source && !isRelayingOutlet(c, relays, a)
        ? resolveSpeaker(
            speakers,
            tokens[a.source.from].start,
            tokens[a.source.to - 1].end,
            previous,
            a.cue !== null && a.cue.from >= a.source.to && a.cue.from - a.source.to <= MAX_GAP_TO_CUE,
          )
        : null;
    const speaker = source?.actor ? speakers.actors.get(source.actor) : undefined;
    if (speaker && !source?.actors)
      previous = {
        actor: speaker,
        sentence: sentenceIndex,
        paragraph: doc.sentences[sentenceIndex]?.paragraph ?? 0,
        end: source?.end ?? 0,
      };
    const attribution = toAttribution(c, a, words, source, relays, out.length);
    credited.set(a, attribution);
    out.push({ attribution, cueWords: words });
  }
  const nested = creditNested(c, speakers, linked, credited);
  return nested.length ? [...out, ...nested].sort((x, y) => startOf(x) - startOf(y)) : out;
}

/**
 * "The chain is set to announce …, Bloomberg reported": the outlet of the sentence's relay is no
 * source of its other cues ("Trump welcomed …, suggesting …, CNN reported"); it reports the whole
 * sentence (as `via`), and the speaker of the other cue stays unnamed rather than the outlet.
 */
function isRelayingOutlet(c: AttributionContext, relays: Relays, a: LinkedAttribution): boolean {
  if (!a.source || !a.cue || relays.isRelayCue(a.cue)) return false;
  // "…, the Post reported, citing an official": the outlet's own citing stays the outlet's.
  const first = lowerAt(c, a.cue.from);
  if (c.lex.citing.some((words) => words[0] === first)) return false;
  const { tokens } = c;
  const start = tokens[a.source.from].start;
  const end = tokens[a.source.to - 1].end;
  const cue = a.cue;
  return relays
    .inSentence(c.tagged.sentence[cue.from])
    .some(
      (v) =>
        v.cueToken >= 0 &&
        (v.cueToken < cue.from || v.cueToken >= cue.to) &&
        v.via.outletSpan !== undefined &&
        v.via.outletSpan.start <= start &&
        end <= v.via.outletSpan.end,
    );
}

/**
 * A nested "he"/"she" is resolved by the actors stage alone, inside someone else's words: it keeps
 * its person only when that person's gender is known and agrees. Other sources always agree.
 */
function agreesInGender(speakers: SpeakerContext, pronoun: string, actor: string): boolean {
  const gender = pronoun === 'he' ? 'male' : pronoun === 'she' ? 'female' : undefined;
  if (!gender) return true;
  return (speakers.actors.get(actor)?.gender ?? speakers.pronounGender?.get(actor)) === gender;
}

const startOf = (x: Credited) => (x.attribution.cue ?? x.attribution.content[0]).start;

/**
 * Speakers of nested reports, after every other attribution so they change none of those: an "I"
 * inside a quotation is the quoted speaker; any other source is resolved without the quotation
 * run of the speakers before it, which belongs to the enclosing report. Nested reports get no via.
 */
function creditNested(
  c: AttributionContext,
  speakers: SpeakerContext,
  linked: readonly LinkedAttribution[],
  credited: Map<LinkedAttribution, Attribution>,
): Credited[] {
  const out: Credited[] = [];
  for (const a of linked) {
    const outer = a.within && credited.get(a.within);
    if (!outer || !a.cue || !a.source) continue;
    const words: string[] = [];
    for (let i = a.cue.from; i < a.cue.to; i++) words.push(lowerAt(c, i));
    const { start } = c.tokens[a.source.from];
    const { end } = c.tokens[a.source.to - 1];
    // A copy of the learnt genders: a nested pronoun teaches none, and is checked against them below.
    const scratch = { ...speakers, pronounGender: new Map(speakers.pronounGender) };
    let source = resolveSpeaker(scratch, start, end, undefined);
    const pronoun = source.text.toLowerCase();
    if (pronoun === 'i' && c.tagged.quote.inside[a.source.from] && outer.source?.actor)
      source = { ...source, actor: outer.source.actor };
    else if (source.actor && !agreesInGender(speakers, pronoun, source.actor)) {
      const { actor: _dropped, actors: _all, ...unresolved } = source;
      source = unresolved;
    }
    const attribution = { ...toAttribution(c, a, words, source, NO_RELAYS, 0) };
    credited.set(a, attribution);
    out.push({ attribution, cueWords: words, within: outer });
  }
  return out;
}

function speakerContext(c: AttributionContext): SpeakerContext {
  const { tokens, tagged } = c;
  const tokenAt = (offset: number) => Math.min(tokens.length - 1, tokenAtOrAfter(tokens, offset));
  return {
    doc: c.doc,
    index: mentionIndex(c.doc),
    actors: new Map(c.doc.actors.map((x) => [x.id, x])),
    sentenceAt: (offset) => tagged.sentence[tokenAt(offset)],
    quotedAt: (offset) => tagged.quote.inside[tokenAt(offset)] === 1,
    pronounGender: new Map(),
  };
}

function toAttribution(
  c: AttributionContext,
  a: LinkedAttribution,
  words: readonly string[],
  source: Attribution['source'],
  relays: Relays,
  k: number,
): Attribution {
  const { quote } = c.tagged;
  const cueInfo = a.cue ? cueLemma(words) : null;
  const sentenceIndex = c.tagged.sentence[(a.cue ?? a.content[0]).from];
  // A relay is no via of an attribution on its own verb, unless it cites someone: "The Times wrote,
  // citing two officials, that …" relays the officials' words, whichever verb the tagger made the cue.
  const via = relays
    .inSentence(sentenceIndex)
    .filter((v) => !a.cue || v.cueToken < a.cue.from || v.cueToken >= a.cue.to || v.via.citing)
    .map((v) => v.via);
  return {
    id: `at${k + 1}`,
    kind: kindOf(a.content, quote.inside, quote.mark),
    source,
    cue: a.cue && cueInfo ? { ...spanText(c, a.cue), lemma: cueInfo.lemma } : null,
    content: a.content.map((r) => spanText(c, r)),
    via,
    stance: cueInfo?.stance ?? 'neutral',
  };
}

/** direct: all content quoted; mixed: some quoted words; indirect: none. */
export function kindOf(
  content: readonly RoleSpan[],
  inside: Uint8Array,
  mark: Uint8Array,
): Attribution['kind'] {
  let quotedWords = 0;
  let plainWords = 0;
  for (const r of content) {
    for (let i = r.from; i < r.to; i++) {
      if (mark[i]) continue;
      if (inside[i]) quotedWords++;
      else plainWords++;
    }
  }
  if (quotedWords === 0) return 'indirect';
  return plainWords === 0 ? 'direct' : 'mixed';
}
