import type { Actor, Doc, Mention, Message } from '../model/index.js';
import { textSpan } from '../model/index.js';
import type { KnowledgeBase } from './kb/index.js';
import { Coreference } from './coref/index.js';
import { MentionScanner } from './scan/index.js';
import { tokenView } from './tokens.js';
import type { Work } from './scan/index.js';

export interface ActorLayers {
  mentions: Mention[];
  actors: Actor[];
  messages: Message[];
}

/**
 * The actors stage as a pure function: types NER mentions against the knowledge base, adds titled
 * names, descriptions and pronouns, links them into actors with roles and CAMEO codes valid at
 * `doc.meta.published`. Mentions come back re-numbered in text order (m1, m2, …).
 */
export function resolveActors(
  doc: Pick<Doc, 'text' | 'tokens' | 'pos' | 'quotations' | 'mentions' | 'meta' | 'byline'> &
    Partial<Pick<Doc, 'sentences'>>,
  kb: KnowledgeBase,
): ActorLayers {
  const messages: Message[] = [];
  if (doc.tokens.length === 0) return { mentions: [], actors: [], messages };
  const view = tokenView(doc);
  const scanner = new MentionScanner(view, kb);
  const dropped = scanner.addNer(doc.mentions);
  if (dropped > 0) {
    messages.push({
      severity: 'warning',
      reason: `${dropped} mention(s) with spans outside the text or its tokens were ignored`,
      origin: 'actors:bad-mention',
    });
  }
  scanner.refineNames();
  scanner.addKbNames();
  scanner.addSurnameMentions();
  scanner.addByline(doc.byline);
  scanner.addTitles();
  scanner.addDescriptions();
  scanner.linkIntroducedNames();
  scanner.addPronouns();
  const works = scanner.works;

  const date = doc.meta.published?.slice(0, 10);
  const coref = new Coreference(view, kb, date);
  coref.resolveNames(works);
  coref.resolveAppositives(works);
  coref.resolveDescriptions(works);
  const actors = coref.actors(true);
  const byId = new Map(actors.map((a) => [a.id, a]));

  const mentions: Mention[] = [];
  for (const w of works) {
    // A pronoun inside a quotation speaks of someone the quoted speaker knows: not examined, left
    // out. One outside that no person could be found for stays, without an actor ("he", shown as such).
    if (w.kind === 'pronoun' && w.cluster < 0 && view.quoted[w.t0]) continue;
    const id = `m${mentions.length + 1}`;
    const actor = coref.actorIdOf(w);
    mentions.push(toMention(view.text, view.tokens, w, id, actor));
    if (actor) byId.get(actor)!.mentions.push(id);
  }
  return { mentions, actors, messages };
}

function toMention(
  text: string,
  tokens: Doc['tokens'],
  w: Work,
  id: string,
  actor: string | undefined,
): Mention {
  const range = (r: [number, number]) => textSpan(text, tokens[r[0]].start, tokens[r[1] - 1].end);
  return {
    id,
    ...textSpan(text, w.start, w.end),
    type: w.type,
    kind: w.kind,
    ...(w.head ? { head: range(w.head) } : {}),
    ...(w.title ? { title: range(w.title) } : {}),
    ...(actor ? { actor } : {}),
  };
}
