import type { Actor, Doc, TextSpan, Token } from '../../model/index.js';
import { textSpan } from '../../model/index.js';
import { tokenAtOrAfter } from '../../text/index.js';
import type { DocContext } from '../features.js';
import { cueLexicon, type CueLexicon } from '../lexicon.js';
import { roleSpans, type LinkedAttribution, type RoleSpan } from '../link.js';
import { attributionModel, tagTokens } from '../model.js';

/**
 * What every attribution step reads about one document, computed once: the tagger's labels and
 * per-token context, the cue lexicon, and which tokens lie inside a name the mentions layer found.
 * Steps never change it; each takes the list of attributions so far and returns a new one.
 */
export interface AttributionContext {
  doc: Doc;
  text: string;
  tokens: readonly Token[];
  /** The tagger's final BIO label per token. */
  labels: Uint8Array;
  /** The tagger's runs of one role, in text order. */
  spans: readonly RoleSpan[];
  /** Per-token context the tagger read (sentences, quotation state, cue words). */
  tagged: DocContext;
  lex: CueLexicon;
  /** 1 for tokens inside a name (person, organisation, place) the mentions layer found. */
  named: Uint8Array;
  actorById: ReadonlyMap<string, Actor>;
}

/** One step of the attribution stage: the attributions so far in, the attributions after it out. */
export type AttributionStep = (
  c: AttributionContext,
  linked: readonly LinkedAttribution[],
) => LinkedAttribution[];

export function attributionContext(doc: Doc): AttributionContext {
  const { labels, ctx } = tagTokens(attributionModel(), doc.text, doc.tokens, doc.sentences, doc.quotations);
  return {
    doc,
    text: doc.text,
    tokens: doc.tokens,
    labels,
    spans: roleSpans(labels),
    tagged: ctx,
    lex: cueLexicon(),
    named: namedTokens(doc),
    actorById: new Map(doc.actors.map((x) => [x.id, x])),
  };
}

function namedTokens(doc: Doc): Uint8Array {
  const { tokens } = doc;
  const named = new Uint8Array(tokens.length);
  for (const m of doc.mentions) {
    if (m.kind !== 'name' && m.kind !== 'titled-name') continue;
    for (let i = tokenAtOrAfter(tokens, m.start); i < tokens.length && tokens[i].start < m.end; i++)
      named[i] = 1;
  }
  return named;
}

/** Text order: by cue, or by first content span for attributions without a cue (stable). */
export function inTextOrder(list: LinkedAttribution[]): LinkedAttribution[] {
  return list.sort((a, b) => (a.cue ?? a.content[0]).from - (b.cue ?? b.content[0]).from);
}

/** Lower-cased surface of token i. */
export function lowerAt(c: AttributionContext, i: number): string {
  return c.text.slice(c.tokens[i].start, c.tokens[i].end).toLowerCase();
}

/** Token i is a form of a lexicon verb of saying ("said", "tells"). */
export function isSpeechVerbAt(c: AttributionContext, i: number): boolean {
  const entry = c.lex.forms.get(lowerAt(c, i));
  return entry !== undefined && c.lex.speechVerbs.has(entry.lemma);
}

/** Wholly quoted: every word of the span is inside quote marks (or is one). */
export function isDirect(c: AttributionContext, s: RoleSpan): boolean {
  const { quote } = c.tagged;
  for (let i = s.from; i < s.to; i++) if (!quote.inside[i] && !quote.mark[i]) return false;
  return true;
}

/** The span of tokens `[from, to)` as text offsets. */
export function spanText(c: AttributionContext, s: RoleSpan): TextSpan {
  return textSpan(c.text, c.tokens[s.from].start, c.tokens[s.to - 1].end);
}

/** The name of a news organisation the actors stage knows within `[start, end)`, if any. */
export function outletName(c: AttributionContext, start: number, end: number): string | undefined {
  for (const m of c.doc.mentions) {
    if (m.start < start || m.end > end || !m.actor) continue;
    const actor = c.actorById.get(m.actor);
    if (actor?.cameo?.endsWith('MED')) return actor.name;
  }
  return undefined;
}

/** Tokens `[from, to)` name an outlet: a known news organisation, or ending in "Times", "media" … */
export function isOutlet(c: AttributionContext, from: number, to: number): boolean {
  return (
    outletName(c, c.tokens[from].start, c.tokens[to - 1].end) !== undefined ||
    c.lex.outletWords.has(lowerAt(c, to - 1))
  );
}
