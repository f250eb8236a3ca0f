import type { Attribution, Doc, Stage, StageOutput, TextSpan } from '../model/index.js';
import { textSpan } from '../model/index.js';
import { findClaims } from './claims.js';
import { cueLemma, cueLexicon, hasLexiconCue } from './lexicon.js';
import { accordingTo, adjacentSource, parentheticalSubject } from './backstop.js';
import { link, roleSpans, type LinkedAttribution, type RoleSpan } from './link.js';
import { attributionModel, segments, tagTokens } from './model.js';
import { mentionIndex, resolveSource } from './sources.js';
import { findVia, type ViaMatch } from './via.js';

export { scanQuotes } from './quotes.js';
export { cueLemma, cueLexicon } from './lexicon.js';

/**
 * Finds who said what, according to whom: a BIO tagger (averaged perceptron, two stacked passes,
 * constrained Viterbi) marks source, cue and content tokens; a linker groups them; lexicon data
 * gives the cue's lemma and stance; sourcing chains ("X reports citing Y") become `via`; sentences
 * asserting facts about named parties without any source become `claims`.
 */
export function findAttributions(doc: Doc): StageOutput {
  const tokens = doc.tokens;
  if (!tokens.length) return { attributions: [], claims: [] };
  const { labels, ctx } = tagTokens(attributionModel(), doc.text, tokens, doc.sentences);
  const segmentOf = new Int32Array(tokens.length);
  segments(doc.sentences, tokens.length).forEach(([from, to], k) => segmentOf.fill(k, from, to));
  const span = (s: RoleSpan): TextSpan => textSpan(doc.text, tokens[s.from].start, tokens[s.to - 1].end);
  const filler = new Uint8Array(tokens.length);
  tokens.forEach((t, i) => (filler[i] = t.kind === 'punct' || t.kind === 'quote' ? 1 : 0));
  // Wholly quoted: every word of the span is inside quote marks.
  const direct = (s: RoleSpan) => {
    for (let i = s.from; i < s.to; i++) if (!ctx.quote.inside[i] && !ctx.quote.mark[i]) return false;
    return true;
  };
  const linked = link(roleSpans(labels), { sentence: ctx.sentence, segment: segmentOf, filler }, direct);
  const lex = cueLexicon();
  const isFunctionWords = (r: RoleSpan) => {
    for (let i = r.from; i < r.to; i++) {
      const t = tokens[i];
      if (t.kind === 'word' && !lex.auxiliaries.has(doc.text.slice(t.start, t.end).toLowerCase()))
        return false;
    }
    return true;
  };
  // "X, according to Y" the tagger missed; attributions inside its content are nested, so dropped.
  const according = accordingTo(doc.text, tokens, doc.sentences, ctx.sentence, linked, (i) => {
    const w = doc.text.slice(tokens[i].start, tokens[i].end).toLowerCase();
    return (lex.phrases.get(w) ?? []).some(
      (p) =>
        p.lemma === 'according to' &&
        p.words.length === 2 &&
        i + 1 < tokens.length &&
        doc.text.slice(tokens[i + 1].start, tokens[i + 1].end).toLowerCase() === p.words[1],
    );
  });
  if (according.length) {
    const nested = (a: LinkedAttribution) =>
      according.some((b) => a.cue && b.content[0].from <= a.cue.from && a.cue.to <= b.content[0].to);
    const kept = linked.filter((a) => !nested(a));
    linked.length = 0;
    linked.push(...kept, ...according);
    linked.sort((a, b) => (a.cue ?? a.content[0]).from - (b.cue ?? b.content[0]).from);
  }
  // A cue after a parenthetical takes the name that opens it; a cue the tagger left without a
  // source takes the pronoun or name right next to it.
  for (const a of linked) {
    if (!a.cue) continue;
    const s = doc.sentences[ctx.sentence[a.cue.from]];
    if (!s) continue;
    // A "source" of only adverbs or auxiliaries ("further") is a tagging slip.
    if (a.source && isFunctionWords(a.source)) a.source = null;
    a.source =
      parentheticalSubject(doc.text, tokens, a.cue, s, lex) ??
      a.source ??
      adjacentSource(doc.text, tokens, a.cue, s, lex);
  }

  const attributions: Attribution[] = [];
  const cueWords: string[][] = [];
  // Relaying outlets per sentence ("…, Caliber.Az reports citing Russian media.").
  const viaBySentence = new Map<number, ViaMatch[]>();
  const viasOf = (sentenceIndex: number) => {
    let vias = viaBySentence.get(sentenceIndex);
    if (!vias) {
      const s = doc.sentences[sentenceIndex];
      vias = s ? findVia(doc, tokens, s.tokenStart, s.tokenEnd) : [];
      viaBySentence.set(sentenceIndex, vias);
    }
    return vias;
  };
  // The cue lies in the relay ("Caliber.Az reports citing Russian media").
  const isRelayCue = (a: LinkedAttribution) => {
    if (!a.cue) return false;
    const start = tokens[a.cue.from].start;
    return viasOf(ctx.sentence[a.cue.from]).some(
      (v) =>
        (v.via.outletSpan?.start ?? v.via.cue.start) <= start && start < (v.via.citing?.end ?? v.via.cue.end),
    );
  };
  const cuesPerSentence = new Map<number, number>();
  for (const a of linked)
    if (a.cue)
      cuesPerSentence.set(ctx.sentence[a.cue.from], (cuesPerSentence.get(ctx.sentence[a.cue.from]) ?? 0) + 1);
  const mentions = mentionIndex(doc);
  for (const a of linked) {
    // The tagger's own attribution on a relaying verb is the via of the statement it carries.
    if (a.cue && isRelayCue(a) && (cuesPerSentence.get(ctx.sentence[a.cue.from]) ?? 0) > 1) continue;
    const content = a.content.map(span);
    const words: string[] = [];
    if (a.cue)
      for (let i = a.cue.from; i < a.cue.to; i++)
        words.push(doc.text.slice(tokens[i].start, tokens[i].end).toLowerCase());
    const cueInfo = a.cue ? cueLemma(words) : null;
    cueWords.push(words);
    const sentenceIndex = ctx.sentence[(a.cue ?? a.content[0]).from];
    const via = viasOf(sentenceIndex)
      .filter((v) => !a.cue || v.cueToken < a.cue.from || v.cueToken >= a.cue.to)
      .map((v) => v.via);
    attributions.push({
      id: `at${attributions.length + 1}`,
      kind: kindOf(a.content, ctx.quote.inside, ctx.quote.mark),
      source: a.source
        ? resolveSource(doc, mentions, tokens[a.source.from].start, tokens[a.source.to - 1].end)
        : null,
      cue: a.cue && cueInfo ? { ...span(a.cue), lemma: cueInfo.lemma } : null,
      content,
      via,
      stance: cueInfo?.stance ?? 'neutral',
    });
  }
  // Claims are checked against the attributions the lexicon or quote marks confirm; a tagged
  // "cue" outside the lexicon inside a claim clause ("has also made") is an action, not a report.
  const confirmed = attributions.filter(
    (a, k) => a.kind !== 'indirect' || !a.cue || hasLexiconCue(cueWords[k]),
  );
  const claims = findClaims(doc, tokens, ctx.quote, confirmed);
  const confirmedSet = new Set(confirmed);
  const kept = attributions.filter(
    (a) => confirmedSet.has(a) || !claims.some((c) => a.cue && c.start <= a.cue.start && a.cue.end <= c.end),
  );
  kept.forEach((a, k) => (a.id = `at${k + 1}`));
  return { attributions: kept, claims, messages: ctx.quote.messages };
}

/** direct: all content quoted; mixed: some quoted words; indirect: none. */
function kindOf(content: readonly RoleSpan[], inside: Uint8Array, mark: Uint8Array): Attribution['kind'] {
  let quotedWords = 0;
  let plainWords = 0;
  for (const c of content) {
    for (let i = c.from; i < c.to; i++) {
      if (mark[i]) continue;
      if (inside[i]) quotedWords++;
      else plainWords++;
    }
  }
  if (quotedWords === 0) return 'indirect';
  return plainWords === 0 ? 'direct' : 'mixed';
}

export const attributionStage: Stage = {
  name: 'attribution',
  requires: ['tokens', 'sentences', 'mentions', 'actors'],
  provides: ['attributions', 'claims'],
  run: findAttributions,
};
