import type { Actor, Doc, Mention, SourceRef } from '../model/index.js';
import { textSpan } from '../model/index.js';
import { cueLexicon } from './lexicon.js';
import type { MentionIndex } from './sources.js';
import {
  isUnnamed,
  overlapping,
  pronounReading,
  relativeAntecedent,
  isPossessor,
  titledAfter,
  relativeObjectAntecedent,
} from './sources.js';
import { issuerMention } from './issuers.js';
import { membershipSubject } from './membership.js';
import { actorOf, rereadHead } from './speaker-heads.js';

/*
 * Who an attribution's source names. Precision first: a source the evidence does not tie to one
 * actor stays unresolved, because a statement credited to the wrong person misleads a reader more
 * than one credited to "he".
 *  - The head of the source phrase names the speaker: its first mention that is neither the object
 *    of a preposition nor a possessive ("Avi Bell, a fellow at the Kohelet Forum" → Avi Bell;
 *    "Carlineo's attorney" → the attorney, unnamed unless an appositive names her).
 *  - A title-only head followed by a name in apposition takes the name ("his lawyer, Jane Roe").
 *  - Coordinated names ("Volker and Morrison said") give every actor, the first as `actor`.
 *  - he/she: the actors stage's entity-centric resolution, unless the pronoun only frames a
 *    quotation ("“…,” he said") right after another attribution of a person of that gender: news
 *    style keeps the speaker of a run of quotations, so the pronoun continues it.
 *  - it/they: the previous speaker when it is an organisation or a group, else the actors stage's
 *    group coreference; who/which: the mention just before it ("Rubio, who affirmed").
 */

/** The speaker of the attribution before, as the stage walks them in text order. */
export interface PreviousSpeaker {
  actor: Actor;
  sentence: number;
  paragraph: number;
  /** End of its source, from where another person mentioned breaks the run of quotations. */
  end: number;
}

export interface SpeakerContext {
  doc: Doc;
  index: MentionIndex;
  actors: ReadonlyMap<string, Actor>;
  /** Sentence index of a character offset. */
  sentenceAt: (offset: number) => number;
  /** True when the character offset is inside a quotation. */
  quotedAt: (offset: number) => boolean;
  /**
   * Genders that earlier he/she sources of this article gave people whose name tells none; filled as
   * the stage walks the attributions in text order, so a later "she" never lands on a man.
   */
  pronounGender?: Map<string, 'male' | 'female'>;
}

const PREPOSITIONS = new Set([
  'of',
  'at',
  'for',
  'from',
  'with',
  'in',
  'on',
  'by',
  'to',
  'about',
  'against',
  'including',
  'like',
]);
/**
 * More prepositions whose object is no head ("activists outside Iran", "an operative inside Trump
 * Tower"), only after another word of the source: first, "outside" is an adjective ("outside groups").
 */
const INNER_PREPOSITIONS = new Set([
  ...['outside', 'inside', 'near', 'across', 'over', 'under', 'into', 'among', 'between', 'within'],
  ...['without', 'toward', 'towards', 'through', 'throughout', 'beyond', 'behind', 'around', 'amid'],
]);
const RELATIVES = new Set(['who', 'which', 'that', 'whom']);
/** Words after a name that do not make it a modifier of a noun ("Volker and Morrison"). */
const FUNCTION_WORDS = new Set([
  ...PREPOSITIONS,
  'and',
  'or',
  'nor',
  'but',
  'both',
  'also',
  'as',
  'whose',
  'himself',
  'herself',
  'themselves',
  'itself',
]);
const HE_SHE = new Map<string, 'male' | 'female'>([
  ['he', 'male'],
  ['him', 'male'],
  ['she', 'female'],
  ['her', 'female'],
]);
/** Sentences back an alternating quotation may reach for its speaker. */
const ALTERNATION_SENTENCES = 4;
const NAME_KINDS = new Set(['name', 'titled-name']);
/** An honorific the NER tagged as a name by itself ("Mrs" of "Mrs. Clinton"): the name after it speaks. */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Mme|Mlle)$/u;

/** `cueAfter`: the cue comes right after the source, so a relative pronoun ending it is the cue's subject. */
export function resolveSpeaker(
  ctx: SpeakerContext,
  start: number,
  end: number,
  previous: PreviousSpeaker | undefined,
  cueAfter = false,
): SourceRef {
  const { doc } = ctx;
  const ref: SourceRef = textSpan(doc.text, start, end);
  const surface = ref.text.split(/[^\p{L}\p{N}'’.-]+/u).filter(Boolean);
  const words = surface.map((w) => w.toLowerCase());
  const over = overlapping(ctx.index, start, end);
  const named = over.filter((m) => NAME_KINDS.has(m.kind));
  const single = surface.length === 1 ? pronounReading(surface[0]) : undefined;
  const typeOf = (m: Mention) => {
    const id = actorOf(ctx, m);
    return id ? ctx.actors.get(id)?.type : undefined;
  };
  let actors: string[] = [];
  let mention: Mention | undefined;
  let spokenFor = false;
  if (single && RELATIVES.has(single)) {
    mention = relativeAntecedent(ctx.index, doc.text, start, ctx.sentenceAt);
    const actor = (mention && actorOf(ctx, mention)) ?? spokespersonBefore(ctx, start, previous);
    if (actor) actors = [actor];
    else [mention, actors, spokenFor] = membersSpeaking(ctx, start, end);
  } else if (single && cueLexicon().pronouns.has(single)) {
    mention = over.find((m) => m.kind === 'pronoun');
    const actor = pronounSpeaker(ctx, single, start, mention, previous);
    if (actor) actors = [actor];
  } else {
    // "X and Y are among the firms that said": the group ("the firms") speaks for its named members.
    [mention, actors, spokenFor] = membersSpeaking(ctx, start, end);
    const heads = actors.length ? [] : speakingHeads(ctx, over, start, end);
    if (heads.length) {
      mention = heads[0];
      actors = [...new Set(heads.map((m) => actorOf(ctx, m)).filter((a): a is string => a !== undefined))];
    }
    // "a report from Kotak", "a spokesman for the agency": whoever the document or spokesperson speaks for.
    // An unnamed spokesperson's actor is the description itself ("A CBP spokeswoman"): the issuer wins.
    const describedOnly = mention?.kind === 'description' && !named.some((m) => m.type === 'PERSON');
    const issuer =
      actors.length && !describedOnly ? undefined : issuerMention(doc.text, start, end, over, typeOf);
    const issuerActor = issuer && actorOf(ctx, issuer);
    if (issuer && issuerActor) {
      mention = issuer;
      actors = [issuerActor];
      spokenFor = true;
    }
    const issuedBefore = actors.length
      ? undefined
      : (documentIssuer(ctx, words, start, previous) ?? spokespersonOf(ctx, words, start, previous));
    if (issuedBefore) {
      actors = [issuedBefore];
      spokenFor = true;
    }
    const read = rereadHead(ctx, ref, over.length > 0, actors, cueAfter);
    if (read) [mention, actors] = read;
  }
  if (mention) ref.mention = mention.id;
  if (actors.length) ref.actor = actors[0];
  if (actors.length > 1) ref.actors = actors;
  // "the agency", "prosecutors": a description the actors stage tied to an organisation the text names.
  const organisation =
    (mention?.kind === 'description' || spokenFor) &&
    ref.actor !== undefined &&
    ctx.actors.get(ref.actor)?.type !== 'PERSON';
  if (
    !single?.match(/^(he|she|it|they|we|i|you|who|him|her|them)$/) &&
    !named.length &&
    !organisation &&
    !(spokenFor && ref.actor !== undefined) &&
    isUnnamed(words, ref.text)
  ) {
    ref.unnamed = true;
    delete ref.actor;
    delete ref.actors;
  }
  return ref;
}

/**
 * "Pepsi, Coca-Cola and Costco are among retailers that said": the copula's subject speaks (see
 * membership.ts). Its names are one group whatever types NER gave them, since the copula puts them
 * in one class.
 */
function membersSpeaking(
  ctx: SpeakerContext,
  start: number,
  end: number,
): [Mention | undefined, string[], boolean] {
  const none: [undefined, string[], boolean] = [undefined, [], false];
  const sentence = ctx.doc.sentences[ctx.sentenceAt(start)];
  const span = sentence && membershipSubject(ctx.doc.text, sentence.start, start, end);
  if (!span) return none;
  const heads = headMentions(ctx, overlapping(ctx.index, span.from, span.to), span.from, span.to, true);
  const lead = heads[0] ? gap(ctx.doc.text, span.from, heads[0].start) : '';
  // Names only: a pronoun subject ("She was one of two women who …") is the actors stage's guess.
  if (!heads[0] || !heads.every((m) => NAME_KINDS.has(m.kind)) || ctx.quotedAt(heads[0].start)) return none;
  if (!(lead === '' || lead.endsWith(','))) return none;
  const ids = [...new Set(heads.map((m) => actorOf(ctx, m)).filter((a): a is string => a !== undefined))];
  return ids.length ? [heads[0], ids, true] : none;
}

/** Sentences back a definite document ("the statement said") may reach for its issuer. */
const DOCUMENT_SENTENCES = 2;

/**
 * "The statement said", "the letter says": the document the speaker just before issued, when that
 * speaker's sentence names the same kind of document ("X said in a statement …").
 */
function documentIssuer(
  ctx: SpeakerContext,
  words: readonly string[],
  start: number,
  previous: PreviousSpeaker | undefined,
): string | undefined {
  if (words.length !== 2 || words[0] !== 'the' || !previous) return undefined;
  const noun = words[1];
  if (!cueLexicon().issuerNouns.some((n) => n.length === 1 && n[0] === noun)) return undefined;
  const here = ctx.sentenceAt(start);
  if (here < previous.sentence || here - previous.sentence > DOCUMENT_SENTENCES) return undefined;
  const s = ctx.doc.sentences[previous.sentence];
  const said = s
    ? ctx.doc.text
        .slice(s.start, s.end)
        .toLowerCase()
        .split(/[^\p{L}\p{N}-]+/u)
    : [];
  return said.includes(noun) ? previous.actor.id : undefined;
}

/**
 * An unnamed spokesperson with no one named for ("A spokesperson said", "A spokeswoman who asked
 * not to be named said") speaks for the organisation the sentence before is about: the one it
 * opens with, when it names no person (a person's spokesperson is not that person). "The
 * spokesperson said" continues an organisation that was just speaking.
 */
function spokespersonOf(
  ctx: SpeakerContext,
  words: readonly string[],
  start: number,
  previous: PreviousSpeaker | undefined,
): string | undefined {
  const article = words[0];
  if (!['a', 'an', 'the'].includes(article) || (words.length > 2 && words[2] !== 'who')) return undefined;
  if (!cueLexicon().spokesNouns.some((n) => n.length === 1 && n[0] === words[1])) return undefined;
  const here = ctx.sentenceAt(start);
  if (article === 'the') {
    const recent = previous && here >= previous.sentence && here - previous.sentence <= DOCUMENT_SENTENCES;
    return recent && previous.actor.type !== 'PERSON' ? previous.actor.id : undefined;
  }
  const before = ctx.doc.sentences[here - 1];
  if (!before) return undefined;
  const mentions = overlapping(ctx.index, before.start, before.end).filter(
    (m) => NAME_KINDS.has(m.kind) && !ctx.quotedAt(m.start),
  );
  if (mentions.some((m) => m.type === 'PERSON')) return undefined;
  const opening = mentions[0];
  if (!opening || !/^(the)?$/iu.test(ctx.doc.text.slice(before.start, opening.start).trim()))
    return undefined;
  const actor = actorOf(ctx, opening);
  return actor && ctx.actors.get(actor)?.type === 'ORG' ? actor : undefined;
}

/** "A spokesperson who …": the spokesperson a relative pronoun at `start` follows, as spokespersonOf. */
function spokespersonBefore(
  ctx: SpeakerContext,
  start: number,
  previous: PreviousSpeaker | undefined,
): string | undefined {
  const before = /\b(an?|the)\s+([\p{L}-]+)\s*,?\s*$/iu.exec(
    ctx.doc.text.slice(Math.max(0, start - 40), start),
  );
  return before
    ? spokespersonOf(ctx, [before[1].toLowerCase(), before[2].toLowerCase()], start, previous)
    : undefined;
}

/** The text between two offsets, lower-cased and trimmed. */
function gap(text: string, from: number, to: number): string {
  return text.slice(from, to).trim().toLowerCase();
}

/**
 * The mentions heading the source phrase: the first mention that is no prepositional object or
 * possessive, a name in apposition to a title-only head, and names coordinated with the head.
 */
function headMentions(
  ctx: SpeakerContext,
  over: readonly Mention[],
  start: number,
  end: number,
  anyType = false,
): Mention[] {
  const { text } = ctx.doc;
  // Mentions overlapping the source: a titled name may start before the tagged source ("President
  // [Obama]") and a name may run past it.
  const inside = [...over].sort((a, b) => a.start - b.start || b.end - a.end);
  // Mentions nested in a longer one ("Ukraine" in "Ukrainian MP Oleksandr Dubinsky") are parts of it.
  const top = inside.filter(
    (m) =>
      !inside.some(
        (o) => o !== m && o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start,
      ),
  );
  const lex = cueLexicon();
  const isModifier = (m: Mention) => {
    const lead = text.slice(start, Math.max(start, m.start)).toLowerCase();
    const before = lead.match(/([\p{L}]+)\W*$/u)?.[1];
    const inner = before !== undefined && INNER_PREPOSITIONS.has(before) && /\p{L}\W+\p{L}+\W*$/u.test(lead);
    // "Indiana protesters", "Trump supporters": a name before a common noun modifies it.
    const next = m.end < end ? /^ (\p{Ll}[\p{L}-]*)/u.exec(text.slice(m.end, end))?.[1] : undefined;
    const nounAfter =
      next !== undefined &&
      !lex.forms.has(next) &&
      !lex.auxiliaries.has(next) &&
      !RELATIVES.has(next) &&
      !FUNCTION_WORDS.has(next);
    // "Clinton campaign spokesman Nick Merrill": a name before a person's title modifies it.
    const titleOfPerson = top.some((o) => o.start > m.start && o.start < end && titledAfter(text, m, o));
    // "the Chinese CDC": a demonym right before a name is that name's modifier.
    const nameAfter = m.kind === 'demonym' && top.some((o) => o.start === m.end + 1 && o.start < end);
    // "officials in Austin, Texas": the state completes the place after the preposition.
    const placeTail =
      (m.type === 'LOC' || m.type === 'GPE') &&
      LOCATIVE_TAIL.test(text.slice(start, Math.max(start, m.start)));
    return (
      (before !== undefined && PREPOSITIONS.has(before)) ||
      inner ||
      placeTail ||
      isPossessor(text, m, end) ||
      (nounAfter && m.kind !== 'description') ||
      nameAfter ||
      titleOfPerson
    );
  };
  const candidates = top.filter((m) => !isModifier(m) && !actorless(ctx, m));
  let head = candidates[0];
  if (!head) return [];
  // "former White House Russia adviser Fiona Hill", "Sweden's deputy director …, Eva Persson":
  // a person named after an organisation, place or title that opens the phrase is its head.
  if (!(NAME_KINDS.has(head.kind) && head.type === 'PERSON')) {
    const person = candidates.find(
      (m) =>
        m !== head &&
        NAME_KINDS.has(m.kind) &&
        m.type === 'PERSON' &&
        !/\b(and|or)\b|&/.test(gap(text, head.end, m.start)),
    );
    if (person) head = person;
  }
  const out = [head];
  if (head.kind === 'description') return out;
  // "Volker and Morrison", "Coca-Cola, Costco and the carmaker Winnebago".
  let last = head;
  for (const next of candidates.slice(candidates.indexOf(head) + 1)) {
    const between = gap(text, last.end, next.start);
    if (!CONJUNCTION_GAP.test(between) || (next.type !== head.type && !anyType)) break;
    if (!NAME_KINDS.has(next.kind) || !NAME_KINDS.has(head.kind)) break;
    out.push(next);
    last = next;
  }
  return out.length > 1 && !/\b(and|&|or)\b/.test(gap(text, head.end, last.start)) ? [head] : out;
}

/**
 * Names that cannot be speakers themselves only modify: events, parties as adjectives
 * ("Republican"), and an honorific the NER tagged alone ("Mrs" of "Mrs. Clinton").
 */
function actorless(ctx: SpeakerContext, m: Mention): boolean {
  if (actorOf(ctx, m)) return false;
  return m.type === 'MISC' || m.kind === 'demonym' || m.type === 'NORP' || HONORIFIC.test(m.text);
}

/** The head mentions, unless the head is the object of a relative clause (see sources.ts). */
function speakingHeads(ctx: SpeakerContext, over: readonly Mention[], start: number, end: number): Mention[] {
  const heads = headMentions(ctx, over, start, end);
  if (!heads[0] || !NAME_KINDS.has(heads[0].kind)) return heads;
  const sentenceStart = ctx.doc.sentences[ctx.sentenceAt(start)]?.start ?? 0;
  const object = relativeObjectAntecedent(ctx.index, ctx.doc.text, heads[0], sentenceStart, ctx.sentenceAt);
  return object === undefined ? heads : object ? [object] : [];
}

/** "in Austin, " or "in Alabama, Georgia and " before a place: it completes that locative. */
const LOCATIVE_TAIL =
  /\b(?:in|at|of|from|near|outside)\s+\p{Lu}[\p{L}.' -]*(?:,\s*\p{Lu}[\p{L}.' -]*)*(?:,|,? and|,? or)\s*$/u;

/** Between coordinated names: a conjunction, perhaps with a short description ("and the carmaker"). */
const CONJUNCTION_GAP = /^(,|and|&|, and|or|, or)(?: (?:the|a|an)(?: [\p{Ll}-]+){1,3})?$/u;

/** A he/she/it/they source's actor: the actors stage's referent, or the speaker of the quotation run. */
function pronounSpeaker(
  ctx: SpeakerContext,
  pronoun: string,
  start: number,
  mention: Mention | undefined,
  previous: PreviousSpeaker | undefined,
): string | undefined {
  const here = ctx.sentenceAt(start);
  const recent =
    previous && here - previous.sentence <= ALTERNATION_SENTENCES && here >= previous.sentence
      ? previous
      : undefined;
  const gender = HE_SHE.get(pronoun);
  if (gender) return learnGender(ctx, gender, heShe(ctx, gender, start, mention, recent));
  // "It said": an organisation quoted just before. "They" is a group the actors stage resolved;
  // an organisation is "it" far more often, so "they" never reaches back to one here.
  if (pronoun === 'it') return recent && recent.actor.type !== 'PERSON' ? recent.actor.id : undefined;
  if (pronoun === 'they') {
    const resolved = mention ? actorOf(ctx, mention) : undefined;
    const actor = resolved ? ctx.actors.get(resolved) : undefined;
    return actor && actor.type !== 'PERSON' ? actor.id : undefined;
  }
  return undefined;
}

/** The person a he/she source stands for, or undefined; never one of the other gender. */
function heShe(
  ctx: SpeakerContext,
  gender: 'male' | 'female',
  start: number,
  mention: Mention | undefined,
  recent: PreviousSpeaker | undefined,
): string | undefined {
  const genderOf = (id: string) => ctx.actors.get(id)?.gender ?? ctx.pronounGender?.get(id);
  const resolved = mention ? actorOf(ctx, mention) : undefined;
  const agrees = recent?.actor.type === 'PERSON' && (genderOf(recent.actor.id) ?? gender) === gender;
  if (agrees && recent && (!resolved || framesQuotation(ctx, start)) && !interrupted(ctx, recent, start))
    return recent.actor.id;
  // The actors stage's referent, unless an earlier he/she of the article made them the other gender.
  if (resolved || mention)
    return resolved && (genderOf(resolved) ?? gender) === gender ? resolved : undefined;
  // No pronoun layer (mentions from elsewhere): the one person named in the sentences before.
  return onlyPersonBefore(ctx, start);
}

/** Remembers the gender a he/she gave a person whose name tells none. */
function learnGender(
  ctx: SpeakerContext,
  gender: 'male' | 'female',
  actor: string | undefined,
): string | undefined {
  if (actor && !ctx.actors.get(actor)?.gender && !ctx.pronounGender?.has(actor))
    ctx.pronounGender?.set(actor, gender);
  return actor;
}

/** True when another person is mentioned, outside quotations, between the last speaker and `start`. */
function interrupted(ctx: SpeakerContext, previous: PreviousSpeaker, start: number): boolean {
  for (const m of overlapping(ctx.index, previous.end, start)) {
    if (m.start < previous.end || m.end > start || m.type !== 'PERSON' || m.kind === 'pronoun') continue;
    if (ctx.quotedAt(m.start)) continue;
    if (actorOf(ctx, m) !== previous.actor.id) return true;
  }
  return false;
}

/** True when the pronoun's sentence outside quotation marks holds no other mention before it. */
function framesQuotation(ctx: SpeakerContext, start: number): boolean {
  const s = ctx.doc.sentences[ctx.sentenceAt(start)];
  if (!s) return false;
  return /[”"’]\s*[,—–-]?\s*$/u.test(ctx.doc.text.slice(s.start, start));
}

/** The only PERSON actor named in the two sentences before `start`, if exactly one is. */
function onlyPersonBefore(ctx: SpeakerContext, start: number): string | undefined {
  const here = ctx.sentenceAt(start);
  const from = ctx.doc.sentences[Math.max(0, here - 2)]?.start ?? 0;
  const found = new Set<string>();
  for (const m of overlapping(ctx.index, from, start)) {
    if (m.end > start || m.type !== 'PERSON' || !NAME_KINDS.has(m.kind)) continue;
    const a = actorOf(ctx, m);
    if (a) found.add(a);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
