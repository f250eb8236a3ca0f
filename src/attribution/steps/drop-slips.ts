import type { Attribution, Claim, TextSpan } from '../../model/index.js';
import { tokenAtOrAfter } from '../../text/index.js';
import { countBelow } from '../../util/sorted-spans.js';
import { findClaims } from '../claims.js';
import { hasLexiconCue } from '../lexicon.js';
import { isNotSpeech } from '../notspeech.js';
import type { AttributionContext } from './context.js';
import type { Credited } from './credit-speakers.js';

/**
 * Finds the unattributed claims and drops the attributions that are tagging slips: a sourceless
 * indirect report on a cue that is no verb of saying or cue phrase ("raising questions about",
 * "plans"; checked on a held-out part of the train split), a cue that reports no speech ("also known
 * as"), and a tagged cue outside the lexicon inside a claim clause ("has also made": an action).
 */
export function dropSlips(
  c: AttributionContext,
  credited: readonly Credited[],
): { attributions: Attribution[]; claims: Claim[] } {
  // Claims are checked against the attributions the lexicon or quote marks confirm; a cue that
  // reports no speech ("has made the decision") confirms nothing, even with a cue noun in it.
  const confirmed = credited
    .filter(({ attribution: a, cueWords }) => a.kind !== 'indirect' || !a.cue || hasLexiconCue(cueWords))
    .filter(({ attribution: a }) => !(a.cue && notSpeech(c, a.cue)))
    .map((x) => x.attribution);
  const claims = findClaims(c.doc, c.tokens, c.tagged.quote, confirmed);
  const confirmedSet = new Set(confirmed);
  const inClaim = claimLookup(claims);
  const kept = new Set(
    credited
      .filter(({ attribution: a, cueWords }) => {
        if (a.kind === 'indirect' && !a.source && a.cue && !isSpeechReport(c, cueWords)) return false;
        if (a.cue && notSpeech(c, a.cue)) return false;
        return confirmedSet.has(a) || !(a.cue && inClaim(a.cue.start, a.cue.end));
      })
      .map((x) => x.attribution),
  );
  // A nested report goes with the attribution it stands in; a second-level one follows its enclosing one.
  const attributions: Attribution[] = [];
  for (const { attribution: a, within } of credited) {
    if (!kept.has(a)) continue;
    if (within && !kept.has(within)) kept.delete(a);
    else attributions.push(a);
  }
  attributions.forEach((a, k) => (a.id = `at${k + 1}`));
  for (const { attribution: a, within } of credited) if (within && kept.has(a)) a.within = within.id;
  return { attributions, claims };
}

/** A verb of saying among the cue's words, or a cue opening with the first word of a lexicon phrase. */
function isSpeechReport(c: AttributionContext, words: readonly string[]): boolean {
  const { lex } = c;
  return (
    (lex.phrases.get(words[0]) ?? []).length > 0 ||
    words.some((w) => {
      const entry = lex.forms.get(w);
      return entry !== undefined && lex.speechVerbs.has(entry.lemma);
    })
  );
}

function notSpeech(c: AttributionContext, cue: TextSpan): boolean {
  const { tokens } = c;
  const from = tokenAtOrAfter(tokens, cue.start);
  let to = from;
  while (to < tokens.length && tokens[to].start < cue.end) to++;
  return isNotSpeech(c.text, tokens, from, to, c.lex);
}

/** Claims are disjoint sentences in text order: binary search for the one a cue may lie in. */
function claimLookup(claims: readonly Claim[]): (start: number, end: number) => boolean {
  const claimStarts = claims.map((x) => x.start);
  return (start, end) => {
    // The last claim starting at or before `start` (offsets are whole numbers).
    const claim = claims[countBelow(claimStarts, start + 1) - 1];
    return claim !== undefined && end <= claim.end;
  };
}
