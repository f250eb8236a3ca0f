import { DASHES, type PreparedSentence } from './sentence.js';

/*
 * Sources and targets are actors. The argument tagger marks words; here they are snapped to the
 * actors among them: actor phrases (a coded mention, a country, an agent word such as "police"), named
 * people, organisations, places and nationalities, proper names, and common nouns that WordNet files
 * under people or groups ("teachers", "anti-war groups").
 */

const ACTOR_ENTITIES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
/** WordNet noun lexicographer files: noun.Tops (group, person), noun.group, noun.person. */
const PEOPLE_FILES = new Set([3, 14, 18]);
/** Words inside a noun group before its head. */
const GROUP_POS = new Set(['DET', 'ADJ', 'NUM', 'PROPN', 'NOUN']);
const GROUP_WORDS = new Set(["'s", '’s', '-', '&', '.']);
/** Words that join two actors into one ("Russia and Ukraine", "members of the rebel army"). */
const JOINERS = new Set(['and', 'or', '&', ',', 'of']);
/** Capitalised articles the tagger may take for names ("The then president"). */
const ARTICLES = new Set(['the', 'a', 'an']);
/** Possessive pronouns open a noun group ("his Pakistani counterpart Imran Khan"). */
const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** Whether word x names (part of) an actor. */
export function isActorToken(s: PreparedSentence, x: number): boolean {
  if (s.blocked[x]) return false;
  if (s.phraseAt[x]! >= 0) return true;
  if (ACTOR_ENTITIES.has(s.ent[x]!)) return true;
  const t = s.toks[x]!;
  const people = s.info[x]!.nounLex.some((l) => PEOPLE_FILES.has(l));
  if (t.pos === 'PROPN') {
    // A sentence's first word is capitalised anyway: a common noun there ("Video footage") is no name.
    const common = x === 0 && s.info[x]!.nounLex.length > 0 && !people;
    return /^\p{Lu}/u.test(t.text) && !ARTICLES.has(t.lower) && !common;
  }
  return t.pos === 'NOUN' && people;
}

/** The end of the noun group starting at x (one past its last word), at most `end`. */
function groupEnd(s: PreparedSentence, x: number, end: number): number {
  let y = x;
  while (y < end && (GROUP_POS.has(s.toks[y]!.pos) || GROUP_WORDS.has(s.toks[y]!.lower))) y++;
  // A possessive ends a group's modifiers, not the group: "Iran's foreign ministry" runs on.
  return y;
}

/** The last noun, name or pronoun of [x, y): the group's head. */
function headOf(s: PreparedSentence, x: number, y: number): number {
  for (let h = y - 1; h >= x; h--) {
    const p = s.toks[h]!.pos;
    if (p === 'NOUN' || p === 'PROPN' || p === 'PRON') return h;
  }
  return -1;
}

/** [x, y) grown over following actor groups joined by "and", "of", commas ("Giuliani and the president"). */
function joined(s: PreparedSentence, x: number, y: number, end: number): [number, number] {
  let last = y;
  for (let k = y; k < end;) {
    if (!JOINERS.has(s.toks[k]!.lower)) break;
    let n = k + 1;
    while (n < end && JOINERS.has(s.toks[n]!.lower)) n++;
    const ge = groupEnd(s, n, end);
    const h = headOf(s, n, ge);
    if (ge === n || h < 0 || !isActorToken(s, h)) break;
    last = ge;
    k = ge;
  }
  return [x, last];
}

/**
 * The actor words of a tagged range: the noun group of the first actor named in it ("A Venezuelan
 * police helicopter", "Syria's reactor"), grown over the actors joined to it ("Giuliani and the
 * president"). Undefined when the words name no actor ("video footage", "the cause of the crash").
 */
export function actorWords(s: PreparedSentence, span: [number, number]): [number, number] | undefined {
  for (let x = span[0]; x < span[1]; x++) {
    if (!isActorToken(s, x)) continue;
    let a = x;
    while (a > span[0] && (GROUP_POS.has(s.toks[a - 1]!.pos) || GROUP_WORDS.has(s.toks[a - 1]!.lower))) a--;
    const from = POSSESSIVES.has(s.toks[x]!.lower) ? x + 1 : x;
    return afterSpacedDash(s, joined(s, a, Math.max(x + 1, groupEnd(s, from, span[1])), span[1]));
  }
  return undefined;
}

/**
 * Actor words from after the last dash set apart by spaces: "Israel - Egypt and Jordan criticised" is a
 * dateline or heading before the actors, not one group with them ("US-led" keeps its joined hyphen).
 * Unchanged when no actor follows the dash.
 */
export function afterSpacedDash(s: PreparedSentence, words: [number, number]): [number, number] {
  const [a, b] = words;
  for (let k = b - 2; k > a; k--) {
    const t = s.toks[k]!;
    if (!DASHES.has(t.text) || t.start === s.toks[k - 1]!.end || t.end === s.toks[k + 1]!.start) continue;
    for (let x = k + 1; x < b; x++) if (isActorToken(s, x)) return [k + 1, b];
    return words;
  }
  return words;
}

const POSSESSIVE_ENDINGS: ReadonlySet<string> = new Set(["'s", '’s']);

/**
 * The source words of a tagged range: its actor words, unless they name a thing an actor owns ("the
 * GOP's distemper", "Pfizer deal's tax strategy", "Bernie's genuineness"): a possessor names an actor
 * but the group's head, what acts, is no actor. Such a thing is no source (an act needs its actor): the
 * next actor of the range is, if any.
 */
export function sourceWords(s: PreparedSentence, span: [number, number]): [number, number] | undefined {
  const words = actorWords(s, span);
  if (!words) return undefined;
  const [a, b] = words;
  const owner = s.toks.slice(a, b).findIndex((t) => POSSESSIVE_ENDINGS.has(t.lower));
  if (owner < 0) return words;
  // The owned group, up to anything joined to it: an actor among its words ("Armenia's military top
  // brass") keeps it, as does a group without a noun.
  let end = a + owner + 1;
  while (end < b && GROUP_POS.has(s.toks[end]!.pos)) end++;
  if (headOf(s, a + owner + 1, end) < 0) return words;
  for (let x = a + owner + 1; x < end; x++) if (isActorToken(s, x)) return words;
  // The next actor of the range, if any ("Instead of the DOJ's demand, Gov. McCrory filed …").
  return end < span[1] ? sourceWords(s, [end, span[1]]) : undefined;
}

/**
 * The target words of a tagged range that names no actor: what the act is done to ("condemned the
 * bombing of a military academy", "lifted the blockade"), as PLV marks it. Its noun group from the
 * range's first noun group on; undefined when the words hold no noun.
 */
export function thingWords(s: PreparedSentence, span: [number, number]): [number, number] | undefined {
  for (let x = span[0]; x < span[1]; x++) {
    if (s.blocked[x]) return undefined;
    const pos = s.toks[x]!.pos;
    if (pos !== 'NOUN' && pos !== 'PROPN') continue;
    let a = x;
    while (a > span[0] && (GROUP_POS.has(s.toks[a - 1]!.pos) || GROUP_WORDS.has(s.toks[a - 1]!.lower))) a--;
    return [a, span[1]];
  }
  return undefined;
}

/** Words that end the clause of a trigger's object. */
const CLAUSE_END = new Set([
  ',',
  ';',
  ':',
  '.',
  'that',
  'which',
  'who',
  'while',
  'after',
  'before',
  'because',
]);

/**
 * The trigger's object when the tagger marks no target: the first actor in the trigger's clause after
 * it ("met the envoy", "sent troops to Iraq"). Undefined when the clause names none: taking the noun
 * group after the trigger too ("returned an 18th century manuscript") gained only 0.002 PLV CV dyad
 * recall and reads badly.
 */
export function objectWords(s: PreparedSentence, i: number): [number, number] | undefined {
  const end = clauseEnd(s, i);
  if (end === i + 1) return undefined;
  const words = actorWords(s, [i + 1, end]);
  return words && (destination(s, words, end) ?? words);
}

/** Prepositions of the place an act's forces are sent to ("sent troops to Haiti", "into Syria"). */
const TOWARDS = new Set(['to', 'into', 'toward', 'towards']);

/**
 * The destination of forces an act moves: when the object is an unnamed armed force ("troops",
 * "soldiers", "military expertise": a group headed by a noun of a MIL phrase, no proper name) and "to"/"into" an actor
 * follows it in the clause, that actor is the act's target ("Brazil and Argentina sent troops to
 * Haiti": Haiti), as PLV and CAMEO mark a deployment; the troops are the source's own. Undefined
 * otherwise ("sent troops to fight": no actor).
 */
export function destination(
  s: PreparedSentence,
  words: [number, number],
  end: number,
): [number, number] | undefined {
  const [a, b] = words;
  // The force is the group's head, its last word ("forces loyal to Haftar" is no force sent to him).
  const p = s.phraseAt[b - 1]! >= 0 ? s.phrases[s.phraseAt[b - 1]!] : undefined;
  if (p?.agent !== 'MIL' || s.toks[b - 1]!.pos !== 'NOUN') return undefined;
  if (s.toks.slice(a, b).some((t) => t.pos === 'PROPN')) return undefined;
  if (!TOWARDS.has(s.toks[b]?.lower ?? '') || b + 1 >= end) return undefined;
  // The actor's group opens right after the preposition ("to fight the Islamic State" names none).
  const to = actorWords(s, [b + 1, end]);
  return to && to[0] === b + 1 ? to : undefined;
}

/** One past the last word of the trigger i's clause after it (at most 10 words on). */
export function clauseEnd(s: PreparedSentence, i: number): number {
  let end = i + 1;
  while (end < s.toks.length && end - i <= 10 && !CLAUSE_END.has(s.toks[end]!.lower)) end++;
  return end;
}
