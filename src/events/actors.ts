import type { Actor, Mention } from '../model/index.js';
import type { Tagged } from './tagger.js';
import { grammar } from './lexicon.js';
import { countryCodes, matchAt, vocab, type PieceKind, type VocabularyMatch } from './vocabulary.js';

/*
 * Actor phrases for event coding. Codes come first from the actors stage (a mention linked to an
 * actor with a CAMEO code); where it has none, from the actors stage's own vocabulary, read here as
 * it reads it (vocabulary.ts over data/actors/), composed as COUNTRY+AGENT the way CAMEO does
 * ("Hungarian officials" → HUNGOV).
 */

interface Piece extends VocabularyMatch {
  actor?: string;
  mention?: string;
  /** Part of a longer name the actors stage left uncoded: it shapes the phrase but gives no code. */
  insideName?: boolean;
}

/** One actor phrase: token range, its CAMEO code parts, and links to the actors layer. */
export interface ActorPhrase {
  i: number;
  j: number;
  start: number;
  end: number;
  country?: string;
  org?: string;
  agent?: string;
  /** A full code from the actors stage, used as is. */
  coded?: string;
  pronoun?: boolean;
  /** The country comes from a demonym ("Iraqi", "Liberians"), not a name. */
  demonym?: boolean;
  /** The demonym is the phrase's last word (a plural like "Liberians" names people). */
  demonymHead?: boolean;
  actor?: string;
  mention?: string;
  /** Only a part of a longer name the actors stage could not code named it: no code ("Federal Foreign Office"). */
  uncoded?: boolean;
  /** Index of the compound group ("Hungarian and Romanian officials" share one). */
  group: number;
}

const GLUE_POS = new Set(['ADJ', 'PROPN', 'NUM', 'DET']);
/** Codes of international and non-state bodies, which take an agent after them. */
const NON_STATE = /^(?:IGO|NGO|IMG)/;
const NATIONALITY_KINDS: ReadonlySet<PieceKind> = new Set(['country', 'demonym', 'capital']);
const GLUE_WORDS = new Set(["'s", '’s', "'", '-', 'of']);

/**
 * Finds the actor phrases of one sentence. `mentions` and `actors` are the document layers (may be
 * empty); a token inside a mention linked to a coded actor becomes one coded piece.
 */
export function findActorPhrases(
  text: string,
  toks: readonly Tagged[],
  mentions: readonly Mention[],
  actorsById: ReadonlyMap<string, Actor>,
): ActorPhrase[] {
  if (toks.length === 0) return [];
  const phrases = groupPieces(findPieces(text, toks, mentions, actorsById), toks);
  markCompounds(phrases, toks);
  return phrases;
}

/** The actor pieces of a sentence: coded mentions first, then the vocabulary's words. */
function findPieces(
  text: string,
  toks: readonly Tagged[],
  mentions: readonly Mention[],
  actorsById: ReadonlyMap<string, Actor>,
): Piece[] {
  const first = toks[0]!.start;
  const last = toks[toks.length - 1]!.end;
  const inSentence = mentions.filter((m) => m.start < last && m.end > first);
  const coded = inSentence.filter((m) => m.actor && actorsById.get(m.actor)?.cameo);
  // Names the actors stage read whole and could not code ("Federal Foreign Office", "New Mexico",
  // "President Ilir Meta").
  const uncodedNames = inSentence.filter(
    (m) => (m.kind === 'name' || m.kind === 'titled-name') && !coded.includes(m),
  );
  const pieces: Piece[] = [];
  let mi = 0;
  const v = vocab();
  for (let i = 0; i < toks.length;) {
    const t = toks[i]!;
    while (mi < coded.length && coded[mi]!.end <= t.start) mi++;
    const m = coded[mi];
    if (m && m.start <= t.start && t.start < m.end) {
      let j = i + 1;
      while (j < toks.length && toks[j]!.start < m.end) j++;
      const a = actorsById.get(m.actor!)!;
      // A bare country code from the actors stage composes like a country name ("U.S. official" → USAGOV).
      const kind: PieceKind = countryCodes().has(a.cameo!) ? 'country' : 'coded';
      pieces.push({ kind, code: a.cameo!, i, j, actor: a.id, mention: m.id });
      i = j;
      continue;
    }
    if (v.notActorFilter.mayHold(t.text) && v.notActors.has(t.text)) {
      i++;
      continue;
    }
    const p = matchAt(text, toks, i);
    // A coded mention the match would swallow wins ("the United States": the mention keeps its actor).
    if (p && !(m && m.start < toks[p.j - 1]!.end)) {
      pieces.push(partOfLongerName(p, toks, uncodedNames) ? { ...p, insideName: true } : p);
      i = p.j;
    } else i++;
  }
  return pieces;
}

/**
 * A vocabulary name that starts inside a longer name the actors stage left uncoded is a part of that
 * name, not the actor it names alone: "Foreign Office" in "Federal Foreign Office" is no British body,
 * "Mexico" in "New Mexico" no country. A demonym keeps its country ("Free Syrian Army").
 */
function partOfLongerName(p: Piece, toks: readonly Tagged[], uncodedNames: readonly Mention[]): boolean {
  if (!p.name || p.kind === 'demonym') return false;
  const start = toks[p.i]!.start;
  // Most names are inside no uncoded name: that test, cheaper than the pattern, goes first.
  if (!uncodedNames.some((n) => n.start < start && start < n.end)) return false;
  // The word before must be a capitalised part of the name: "NATO-member Norway" is no name of Norway's.
  const before = toks[p.i - 1];
  return before !== undefined && /^\p{Lu}[\p{L}\p{M}.'’]*$/u.test(before.text);
}

/** Whether piece p continues the phrase whose last piece is prev. */
function continuesPhrase(prev: Piece, p: Piece, cur: readonly Piece[], toks: readonly Tagged[]): boolean {
  // A pronoun never continues a phrase ("Great Britain two of its nationals" is two phrases).
  let joinable = p.kind !== 'pronoun';
  for (let x = prev.j; x < p.i && joinable; x++) {
    const t = toks[x]!;
    const led = (t.lower === 'led' || t.lower === 'backed') && toks[x - 1]?.text === '-';
    // Nouns may sit between a nationality and its head agent ("French paper workers"), participles
    // too ("French striking workers"); after an actor with an agent a verb is its predicate ("Indian
    // police arrested protesters").
    const participle = t.pos === 'VERB' && /(?:ing|ed)$/.test(t.lower) && NATIONALITY_KINDS.has(prev.kind);
    const nounBeforeAgent = (t.pos === 'NOUN' || participle) && p.kind === 'agent' && p.i - prev.j <= 4;
    if (
      !(GLUE_POS.has(t.pos) || GLUE_WORDS.has(t.lower) || led || nounBeforeAgent) ||
      (t.pos === 'DET' && t.lower !== 'the')
    )
      joinable = false;
  }
  // "of"/"from"/"in" attach a country to a country-less head ("rebels in the Ivory Coast").
  const between = toks.slice(prev.j, p.i).map((t) => t.lower);
  const attach =
    !joinable &&
    between.length > 0 &&
    between.length <= 4 &&
    ['of', 'from', 'in'].includes(between[0]!) &&
    cur.every((c) => c.kind === 'agent') &&
    (p.kind === 'country' || p.kind === 'capital' || p.kind === 'demonym') &&
    between.slice(1).every((w, n) => GLUE_POS.has(toks[prev.j + 1 + n]!.pos) || w === 'the');
  return (joinable || attach) && p.i - prev.j <= 4;
}

/** Adjacent pieces (joined by modifiers, names and possessives) grouped into phrases. */
function groupPieces(pieces: readonly Piece[], toks: readonly Tagged[]): ActorPhrase[] {
  const phrases: ActorPhrase[] = [];
  let cur: Piece[] = [];
  const flush = (): void => {
    if (cur.length === 0) return;
    const p = toPhrase(cur, toks);
    if (p) phrases.push(p);
    cur = [];
  };
  for (const p of pieces) {
    if (cur.length > 0 && !continuesPhrase(cur[cur.length - 1]!, p, cur, toks)) flush();
    cur.push(p);
  }
  flush();
  return phrases;
}

/** Compound groups: phrases separated only by "and", "or" or a comma share a group number. */
function markCompounds(phrases: ActorPhrase[], toks: readonly Tagged[]): void {
  let group = 0;
  for (let k = 0; k < phrases.length; k++) {
    const p = phrases[k]!;
    const prev = phrases[k - 1];
    if (prev) {
      const sep = separator(toks, prev.j, p.i);
      // A bare comma joins only inside a list that goes on ("A, B and C"), not an apposition.
      const next = phrases[k + 1];
      const listGoesOn = next !== undefined && separator(toks, p.j, next.i) !== undefined;
      if (sep === 'and' || (sep === ',' && listGoesOn)) {
        p.group = prev.group;
        // "Hungarian and Romanian officials": the bare demonym shares the head noun's agent.
        if (!prev.agent && prev.country && !prev.coded && p.agent && isDemonymOnly(prev, toks))
          prev.agent = p.agent;
        continue;
      }
    }
    p.group = ++group;
  }
}

/** A country piece written as a demonym ("Palestinian", "Liberians") rather than a name. */
function isDemonymText(toks: readonly Tagged[], p: Piece): boolean {
  const text = toks
    .slice(p.i, p.j)
    .map((t) => t.text)
    .join(' ');
  return vocab().exact.get(text)?.kind === 'demonym';
}

/** "and"/"or"/"&" (optionally after a comma, with determiners) or a bare comma between two phrases. */
function separator(toks: readonly Tagged[], from: number, to: number): 'and' | ',' | undefined {
  const words = toks
    .slice(from, to)
    .filter((t) => t.pos !== 'DET')
    .map((t) => t.lower);
  if (words.length === 1 && ['and', 'or', '&'].includes(words[0]!)) return 'and';
  if (words.length === 2 && words[0] === ',' && (words[1] === 'and' || words[1] === 'or')) return 'and';
  if (words.length === 1 && words[0] === ',') return ',';
  return undefined;
}

function isDemonymOnly(p: ActorPhrase, toks: readonly Tagged[]): boolean {
  const t = toks[p.i]!;
  return p.j - p.i === 1 && /[a-z]/.test(t.text.slice(1));
}

/** Codes gathered from a phrase's pieces while reading them (see `readPiece`). */
interface PieceCodes {
  generic?: string;
  demonym?: string;
  /** The last country name or demonym read, and the token it ends at. */
  nationality?: { code: string; demonym: boolean; j: number };
}

/** Whether a piece starts right after a country name or demonym ("Nigerian Senate", "Nigeria's Senate"). */
function afterNationality(p: Piece, toks: readonly Tagged[], codes: PieceCodes): boolean {
  const n = codes.nationality;
  if (!n) return false;
  return n.j === p.i || (n.j === p.i - 1 && /^['’]s$/.test(toks[n.j]!.text));
}

function toPhrase(pieces: Piece[], toks: readonly Tagged[]): ActorPhrase | undefined {
  // Trailing names belong to the phrase ("Libyan leader Muammar Gaddafi"), so compounds join after them.
  let j = pieces[pieces.length - 1]!.j;
  while (
    j < toks.length &&
    toks[j]!.pos === 'PROPN' &&
    /^\p{Lu}/u.test(toks[j]!.text) &&
    matchAt('', toks, j) === undefined
  )
    j++;
  // Leading names belong to an agent head too ("Darfur rebels", "Karen guerrilla").
  let i = pieces[0]!.i;
  if (pieces[0]!.kind === 'agent') {
    while (
      i > 0 &&
      toks[i - 1]!.pos === 'PROPN' &&
      /^\p{Lu}/u.test(toks[i - 1]!.text) &&
      !/^(?:The|A|An)$/.test(toks[i - 1]!.text)
    )
      i--;
  }
  const ph: ActorPhrase = {
    i,
    j,
    start: toks[i]!.start,
    end: toks[j - 1]!.end,
    group: 0,
  };
  const codes: PieceCodes = {};
  // A part of a longer name codes nothing beside other pieces; alone it keeps its reading for the
  // tagger's features but the phrase stays uncoded.
  const own = pieces.filter((p) => !p.insideName);
  if (own.length === 0) ph.uncoded = true;
  for (const p of own.length > 0 ? own : pieces) readPiece(ph, p, toks, j, codes);
  return finishPhrase(ph, pieces, toks, j, codes);
}

/** Reads one piece into the phrase (pieces come in text order; the head is last). */
function readPiece(ph: ActorPhrase, p: Piece, toks: readonly Tagged[], j: number, codes: PieceCodes): void {
  switch (p.kind) {
    case 'coded': {
      // COUNTRY+AGENT codes compose like words, so "Hungarian and Romanian officials" share the agent.
      const split = /^([A-Z]{3})([A-Z]{3})$/.exec(p.code);
      // The vocabulary's institution names are one country's ("Senate" is the US one); right after
      // another country's name or demonym they name that country's ("Nigerian Senate" → NGALEG,
      // "Nigeria's Senate"). A name the actors stage resolved keeps its own code.
      const nat = codes.nationality;
      if (
        split &&
        !p.actor &&
        nat &&
        nat.code !== split[1] &&
        countryCodes().has(split[1]!) &&
        !ph.coded &&
        !ph.org &&
        afterNationality(p, toks, codes)
      ) {
        ph.country = nat.code;
        ph.agent = split[2]!;
        if (nat.demonym) ph.demonym = true;
        break;
      }
      if (split && countryCodes().has(split[1]!) && !ph.coded && !ph.country && !ph.org) {
        ph.country = split[1]!;
        ph.agent = split[2]!;
        ph.actor ??= p.actor;
        ph.mention ??= p.mention;
        break;
      }
      ph.coded = p.code;
      ph.country = undefined;
      ph.org = undefined;
      ph.actor ??= p.actor;
      ph.mention ??= p.mention;
      break;
    }
    // A named country or organisation nearer the head wins ("NATO-member Norway" is Norway) …
    case 'country':
      codes.nationality = { code: p.code, demonym: isDemonymText(toks, p), j: p.j };
      ph.country = p.code;
      ph.org = undefined;
      ph.coded = undefined;
      ph.demonym = isDemonymText(toks, p);
      ph.actor ??= p.actor;
      ph.mention ??= p.mention;
      break;
    case 'org':
      ph.org = p.code;
      ph.country = undefined;
      ph.coded = undefined;
      break;
    // … while of several demonyms the first does ("Bosnian Serbs" are Bosnia's).
    case 'demonym':
      codes.demonym ??= p.code;
      codes.nationality = { code: p.code, demonym: true, j: p.j };
      break;
    case 'capital':
      if (!ph.country && !ph.org) {
        ph.country = p.code;
        // A capital stands for its government only as the head ("Washington demanded"), not as a
        // place of origin ("London's Raheem Kassam").
        if (p.agent || p.j === j) codes.generic ??= p.agent ?? 'GOV';
      }
      break;
    case 'agent':
      // The head noun is last: "military government" is GOV, "rebel leaders" REB (generic words yield).
      if (p.generic) codes.generic = p.code;
      else ph.agent = p.code;
      break;
    case 'pronoun':
      ph.pronoun = true;
      break;
  }
}

/** The phrase's codes once all its pieces are read: demonyms, pronouns, generic and former agents. */
function finishPhrase(
  ph: ActorPhrase,
  pieces: Piece[],
  toks: readonly Tagged[],
  j: number,
  codes: PieceCodes,
): ActorPhrase | undefined {
  const { generic, demonym } = codes;
  if (!ph.country && !ph.org && demonym) {
    ph.country = demonym;
    ph.demonym = true;
  }
  if (ph.demonym) {
    const last = pieces[pieces.length - 1]!;
    ph.demonymHead = last.kind !== 'agent' && last.j === j && /s$/.test(toks[last.j - 1]!.text);
  } else delete ph.demonym;
  // "his Rwandan Patriotic Front" names its own actor; "their forces" still needs the pronoun's referent.
  if (ph.pronoun && (ph.country || ph.org || ph.coded)) ph.pronoun = false;
  if (!ph.country) delete ph.country;
  if (!ph.org) delete ph.org;
  if (!ph.coded) delete ph.coded;
  ph.agent ??= generic;
  // A former office holder is an elite, not the office ("Former Socialist prime minister X").
  if (ph.agent && ['GOV', 'LEG', 'MIL', 'JUD'].includes(ph.agent)) {
    const former = grammar().formerModifiers;
    if (toks.slice(Math.max(0, ph.i - 2), ph.j).some((t) => former.has(t.lower))) ph.agent = 'ELI';
  }
  if (!ph.agent) delete ph.agent;
  if (!ph.coded && !ph.country && !ph.org && !ph.agent && !ph.pronoun) return undefined;
  return ph;
}

/** The CAMEO code of a phrase, given a country to fall back on for country-less agents. */
export function phraseCode(p: ActorPhrase, fallbackCountry?: string, civilian = false): string | undefined {
  if (p.uncoded) return undefined;
  if (p.coded) return p.coded;
  // A non-state body's own force or officials compose as CAMEO does ("UN troops" → IGOUNOMIL, "al-Qaeda
  // leaders" → IMGMUSALQGOV: IGOMIL and IMGGOV for PLOVER).
  if (p.org)
    return NON_STATE.test(p.org) && p.agent && p.agent !== p.org.slice(0, 3) ? `${p.org}${p.agent}` : p.org;
  const country = p.country ?? fallbackCountry;
  if (!country) return undefined;
  const agent = p.agent ?? (civilian ? 'CVL' : undefined);
  return agent ? `${country}${agent}` : country;
}

/**
 * CAMEO codes a nation's people as COUNTRY+CVL: a plural demonym ("Liberians"), or, as the one acted
 * upon, a demonym before a common noun ("Iraqi towns", "Palestinian homes").
 */
export function isCivilian(p: ActorPhrase, toks: readonly Tagged[], role: 'source' | 'target'): boolean {
  if (!p.demonym || p.agent || p.coded || p.org) return false;
  if (p.demonymHead) return true;
  const head = toks[p.j];
  return role === 'target' && head !== undefined && grammar().civilianNouns.has(head.lower);
}
