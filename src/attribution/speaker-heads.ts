import type { Mention, TextSpan } from '../model/index.js';
import { overlapping } from './sources.js';
import type { SpeakerContext } from './speakers.js';

/*
 * Second readings of a source phrase's head, after the first found a person or no one (speakers.ts):
 * a name NER missed in this sentence but found elsewhere, and a relative clause that ends the phrase
 * and is about the organisation after the person. Precision first: in doubt, no one.
 */

const NAME_KINDS: ReadonlySet<string> = new Set(['name', 'titled-name']);
/** A capitalised name of one to three words ("Noem", "Kristi Noem"). */
const BARE_NAME = /^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}$/u;
/** An appositive noun phrase between a name and a relative pronoun (", a union that"). */
const APPOSITIVE_GAP = /^,\s*(?:a|an|the)\s+\p{Ll}[\p{Ll}\s-]*$/u;

/** The actor a mention names: its own link, else the actor that lists it. */
export function actorOf(ctx: SpeakerContext, m: Mention): string | undefined {
  return m.actor ?? ctx.doc.actors.find((a) => a.mentions.includes(m.id))?.id;
}

/**
 * The mention and actors a second reading gives the source `ref`, or undefined to keep the first:
 *  - "“…,” Noem tweeted", no mention in the phrase (`hasMentions` false) and no actor: the actor of
 *    the article's other name mentions with exactly this text;
 *  - "Jo Ruiz, director of the Harbor Trust, which said" read as Jo Ruiz, the cue right after the
 *    phrase (`cueAfter`): the organisation the relative follows, else no one.
 */
export function rereadHead(
  ctx: SpeakerContext,
  ref: TextSpan,
  hasMentions: boolean,
  actors: readonly string[],
  cueAfter: boolean,
): [Mention | undefined, string[]] | undefined {
  if (!actors.length && !hasMentions) {
    const namesake = namesakeActor(ctx, ref.text);
    return namesake ? [undefined, [namesake]] : undefined;
  }
  if (!cueAfter || !actors.length || ctx.actors.get(actors[0])?.type !== 'PERSON') return undefined;
  const relative = nonPersonalRelative(ctx, ref.start, ref.end);
  if (relative === undefined) return undefined;
  const actor = relative ? actorOf(ctx, relative) : undefined;
  return [relative ?? undefined, actor ? [actor] : []];
}

/**
 * The actor of the article's other name mentions with exactly this text, when they all name one
 * actor; undefined otherwise (no such mention, or mentions of two actors).
 */
function namesakeActor(ctx: SpeakerContext, name: string): string | undefined {
  if (!BARE_NAME.test(name)) return undefined;
  const found = new Set<string>();
  for (const m of ctx.index.mentions) {
    if (!NAME_KINDS.has(m.kind) || m.text !== name) continue;
    const actor = actorOf(ctx, m);
    if (actor) found.add(actor);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * A source ending in "which", or in "that" after an appositive noun phrase, whose head is a person:
 * the relative clause is the speaker, and "which"/"a union that" is no person ("RoseAnn DeMoro,
 * executive director of National Nurses United, a union that has endorsed"). The organisation the
 * relative follows (a mention that is no person), else null (leave the speaker unresolved);
 * undefined when the source does not end so.
 */
function nonPersonalRelative(ctx: SpeakerContext, start: number, end: number): Mention | null | undefined {
  const text = ctx.doc.text;
  const last = /(\S+)\s*$/u.exec(text.slice(start, end));
  if (!last) return undefined;
  const word = last[1].toLowerCase();
  if (word !== 'which' && word !== 'that') return undefined;
  const at = start + last.index;
  let before: Mention | undefined;
  for (const m of overlapping(ctx.index, Math.max(start, at - 200), at)) {
    if (m.end > at || !NAME_KINDS.has(m.kind) || (before && m.end <= before.end)) continue;
    before = m;
  }
  const gapText = before ? text.slice(before.end, at).trim() : '';
  const adjacent = before !== undefined && /^,?$/u.test(gapText);
  const appositive = before !== undefined && APPOSITIVE_GAP.test(gapText);
  // "that" right after a name may be its own clause's subject ("told Ann O'Leary, that read"):
  // only "which", or "that" after an appositive, is read.
  if (word === 'that' && !appositive) return undefined;
  if (!before || (!adjacent && !appositive)) return null;
  const actor = actorOf(ctx, before);
  return actor && ctx.actors.get(actor)?.type !== 'PERSON' ? before : null;
}
