import type { CameoAgent } from '../kb/schema.js';
import type { Affiliation, KbHit, KnowledgeBase } from '../kb/index.js';
import type { TokenView } from '../tokens.js';
import type { TextRole, Work } from './work.js';
import { nameKeys } from '../kb/index.js';
import { keyOf } from '../tokens.js';
import { groupNounAgent } from '../groups.js';
import {
  AFTER_DESCRIPTION,
  DEFINITE,
  MODIFIER_ROLE_WORDS,
  FORMER,
  HEAD_NOUNS,
  OF_WORDS,
  TITLE_MODIFIERS,
  TOPIC_ROLE_WORDS,
} from '../words.js';

/*
 * Reads phrases at a token position, without changing anything: knowledge-base names, role words
 * and titles, affiliations, and where sentences and lines begin and end.
 */

const SHORT_ALIAS = 3;

export class PhraseReader {
  /** Name mentions by their last token + 1, to find an affiliation just before a title. */
  readonly nameEndingAt = new Map<number, Work>();
  readonly nameStartingAt = new Map<number, Work>();

  constructor(
    readonly view: TokenView,
    readonly kb: KnowledgeBase,
  ) {}
  /** Tokens [t0, t1) without a trailing possessive clitic ("Trump ’s" → "Trump"). */
  nameKey(t0: number, t1: number): string {
    const end = t1 - 1 > t0 && this.view.keys[t1 - 1] === "'s" ? t1 - 1 : t1;
    return keyOf(this.view, t0, end);
  }

  caseOk(t0: number, t1: number): boolean {
    const { tokens, text, capitalised } = this.view;
    if (!capitalised[t0]) return false;
    if (t1 - t0 === 1) {
      const s = text.slice(tokens[t0].start, tokens[t0].end);
      // "US" is a country, "Us" and "us" are not.
      if (s.replace(/\./g, '').length <= SHORT_ALIAS && s !== s.toUpperCase()) return false;
    }
    return true;
  }

  /** The text of tokens [a, b). */
  span(a: number, b: number): string {
    return this.view.text.slice(this.view.tokens[a].start, this.view.tokens[b - 1].end);
  }

  /** Longest KB name ending exactly at token `end` (exclusive), or null. */
  kbNameEndingAt(end: number, lowest: number): { t0: number; hits: readonly KbHit[] } | null {
    const { keys } = this.view;
    let key = '';
    let best: { t0: number; hits: readonly KbHit[] } | null = null;
    for (let len = 1; len <= this.kb.maxNameTokens && end - len >= lowest; len++) {
      const k = keys[end - len];
      if (k.length === 0) break;
      key = len === 1 ? k : `${k} ${key}`;
      const hits = this.kb.lookup(key);
      if (hits.length > 0 && this.caseOk(end - len, end)) best = { t0: end - len, hits };
    }
    return best;
  }

  /** Longest KB name starting at token `start`, or null. */
  kbNameStartingAt(start: number): { t1: number; hits: readonly KbHit[] } | null {
    const { keys } = this.view;
    const n = keys.length;
    let key = '';
    let best: { t1: number; hits: readonly KbHit[] } | null = null;
    for (let len = 1; len <= this.kb.maxNameTokens && start + len <= n; len++) {
      const k = keys[start + len - 1];
      if (k.length === 0) break;
      key = len === 1 ? k : `${key} ${k}`;
      const hits = this.kb.lookup(key);
      if (hits.length > 0 && this.caseOk(start, start + len)) best = { t1: start + len, hits };
    }
    return best;
  }

  /**
   * A role phrase: a KB role word, or a head noun ("chief"). Plurals of titles ("officials",
   * "reporters") name groups, not one person's title.
   */
  role(key: string): { word: string; agent: CameoAgent; title: boolean } | undefined {
    const hit = this.kb.roleWord(key);
    // "accused sex trafficker": what someone is said to have done is no office they hold.
    if (hit?.agent === 'CRM') return { ...hit, title: false };
    if (hit) {
      if (
        hit.title &&
        isPlural(key) &&
        (this.kb.roleWord(key.slice(0, -1)) || this.kb.roleWord(key.slice(0, -2)))
      ) {
        return { ...hit, title: false };
      }
      return hit;
    }
    if (HEAD_NOUNS.has(key)) return { word: key, agent: 'GOV', title: !isPlural(key) };
    // Nouns that refer back to an organisation ("the agency", "the brokerage"): groups.ts.
    const agent = groupNounAgent(key);
    return agent ? { word: key, agent, title: false } : undefined;
  }

  /** Longest role phrase ending at `end`. */
  roleEndingAt(
    end: number,
    lowest: number,
  ): { t0: number; word: string; agent: CameoAgent; title: boolean } | null {
    const { keys } = this.view;
    let key = '';
    let best: { t0: number; word: string; agent: CameoAgent; title: boolean } | null = null;
    for (let len = 1; len <= this.kb.maxRoleTokens && end - len >= lowest; len++) {
      const k = keys[end - len];
      if (k.length === 0) break;
      key = len === 1 ? k : `${k} ${key}`;
      const hit = this.role(key);
      if (hit) best = { t0: end - len, ...hit };
    }
    return best;
  }

  /** Longest role phrase starting at `start`. */
  roleStartingAt(start: number): { t1: number; word: string; agent: CameoAgent; title: boolean } | null {
    const { keys } = this.view;
    let key = '';
    let best: { t1: number; word: string; agent: CameoAgent; title: boolean } | null = null;
    for (let len = 1; len <= this.kb.maxRoleTokens && start + len <= keys.length; len++) {
      const k = keys[start + len - 1];
      if (k.length === 0) break;
      key = len === 1 ? k : `${key} ${k}`;
      const hit = this.role(key);
      if (hit) best = { t1: start + len, ...hit };
    }
    return best;
  }

  /** The affiliation a KB hit stands for: a country (by name or demonym) or an organisation. */
  affiliationOf(hits: readonly KbHit[]): Affiliation | undefined {
    for (const h of hits) {
      if (h.kind === 'country' && (h.via === 'name' || h.via === 'demonym')) {
        return { name: h.country.name, code: h.country.code, country: h.country };
      }
      if (h.kind === 'org') return { name: h.org.name, code: h.org.cameo, org: h.org };
    }
    return undefined;
  }

  /** An affiliation (KB name or NER organisation, with an optional "'s") ending at `end`. */
  affiliationEndingAt(
    end: number,
    lowest: number,
  ): { t0: number; affiliation: TextRole['affiliation'] } | null {
    const { keys, text, tokens } = this.view;
    const stop = end - 1 >= lowest && keys[end - 1] === "'s" ? end - 1 : end;
    const kbName = this.kbNameEndingAt(stop, lowest);
    if (kbName) {
      const affiliation = this.affiliationOf(kbName.hits);
      if (affiliation) return { t0: kbName.t0, affiliation };
    }
    const ner = this.nameEndingAt.get(stop);
    if (ner && ner.t0 >= lowest && (ner.type === 'ORG' || ner.type === 'GPE' || ner.type === 'NORP')) {
      const aff = this.affiliationOf(ner.hits);
      return {
        t0: ner.t0,
        affiliation: aff ?? { name: text.slice(tokens[ner.t0].start, tokens[stop - 1].end) },
      };
    }
    return null;
  }

  /**
   * What precedes a role word, right to left: `[former] [affiliation ['s]] [modifiers/former]`.
   * Returns the new first token, whether the role is a former one, and the affiliation.
   */
  modifiersBefore(
    first: number,
    lowest: number,
    topicWord?: string,
  ): { t0: number; former: boolean; affiliation: TextRole['affiliation'] } {
    const { keys } = this.view;
    let t0 = first;
    let former = false;
    while (t0 - 1 >= lowest && (TITLE_MODIFIERS.has(keys[t0 - 1]) || FORMER.has(keys[t0 - 1]))) {
      if (FORMER.has(keys[t0 - 1])) former = true;
      t0--;
    }
    let affiliation: TextRole['affiliation'];
    const aff = this.affiliationEndingAt(t0, lowest);
    // "a China scholar", "a Russia expert": a country's name (no demonym, no "'s") before such a
    // word is the subject studied, not the employer.
    const topic =
      aff !== null &&
      topicWord !== undefined &&
      TOPIC_ROLE_WORDS.has(topicWord) &&
      this.view.keys[t0 - 1] !== "'s" &&
      this.kbNameEndingAt(t0, lowest)?.hits.some((h) => h.kind === 'country' && h.via === 'name') === true;
    if (aff && !topic) {
      affiliation = aff.affiliation;
      t0 = aff.t0;
      if (t0 - 1 >= lowest && FORMER.has(keys[t0 - 1])) {
        former = true;
        t0--;
      }
    }
    return { t0, former, affiliation };
  }

  /**
   * Parses, right to left from token `end`, `[former] [affiliation ['s]] [modifiers] title`.
   * Returns null when no title ends at `end`.
   */
  titleBefore(end: number, lowest: number): { t0: number; title: [number, number]; role: TextRole } | null {
    const role = this.roleEndingAt(end, lowest);
    if (!role || !role.title) return null;
    const { t0, former, affiliation } = this.modifiersBefore(role.t0, lowest, this.view.keys[end - 1]);
    return {
      t0,
      title: [role.t0, end],
      role: this.textRole(role.t0, end, role, affiliation, former, t0, end),
    };
  }

  /** The role stated by the title words [titleStart, titleEnd), with its evidence tokens [from, to). */
  textRole(
    titleStart: number,
    titleEnd: number,
    { word, agent }: { word: string; agent: CameoAgent },
    affiliation: TextRole['affiliation'],
    former: boolean,
    from: number,
    to: number,
  ): TextRole {
    const { tokens, keys } = this.view;
    return {
      title: titleText(keys[titleEnd - 1] === '.' ? word : this.span(titleStart, titleEnd)),
      titleKey: keyOf(this.view, titleStart, titleEnd),
      // An abbreviated title ("Gov.") has the head of the word it stands for ("governor").
      headKey: keys[titleEnd - 1] === '.' ? (nameKeys(word).pop() ?? '.') : keys[titleEnd - 1],
      agent,
      affiliation,
      former,
      evidence: { start: tokens[from].start, end: tokens[to - 1].end },
    };
  }

  /** "… of [the] NATO" right after a title at token k: the affiliation and the token after it. */
  affiliationAfterOf(k: number): { affiliation: TextRole['affiliation']; t1: number } | null {
    const { keys } = this.view;
    const n = keys.length;
    if (k + 1 >= n || !OF_WORDS.has(keys[k])) return null;
    let j = k + 1;
    if (j < n && DEFINITE.has(keys[j])) j++;
    const after = j < n ? this.kbNameStartingAt(j) : null;
    const affiliation = after ? this.affiliationOf(after.hits) : undefined;
    return after && affiliation ? { affiliation, t1: after.t1 } : null;
  }

  /** The code of a country named (or its demonym) with its last token at t ("Nigeria" in "Nigeria's"). */
  countryEndingAt(t: number): string | undefined {
    const end = this.view.keys[t] === "'s" ? t : t + 1;
    const name = this.kbNameEndingAt(end, Math.max(0, end - this.kb.maxNameTokens));
    const h = name?.hits.find((x) => x.kind === 'country' && (x.via === 'name' || x.via === 'demonym'));
    return h && h.kind === 'country' ? h.country.code : undefined;
  }

  /**
   * Tokens [from, to) are an organisation's name the KB and NER do not know, before a title
   * ("Brightline" in "Brightline President Dana Kessler"): up to four capitalised words.
   */
  unknownAffiliation(from: number, to: number, nameEnd: number): boolean {
    if (to <= from || to - from > 4) return false;
    const { capitalised, tokens, text } = this.view;
    for (let i = from; i < to; i++) if (!capitalised[i] || tokens[i].kind !== 'word') return false;
    // A surname in capitals is a headline's: there every word looks like a name.
    const surname = text.slice(tokens[nameEnd - 1].start, tokens[nameEnd - 1].end);
    return surname !== surname.toUpperCase();
  }

  sentenceStart(i: number): boolean {
    return i === 0 || this.view.sentence[i - 1] !== this.view.sentence[i];
  }

  /** How far left a title may reach: never across a line break. */
  sentenceFloor(t: number): number {
    const { tokens, text } = this.view;
    let i = t;
    while (i > 0 && t - i < 12 && !text.slice(tokens[i - 1].end, tokens[i].start).includes('\n')) i--;
    return i;
  }

  isSentenceEnd(k: number): boolean {
    const { tokens, text } = this.view;
    return k >= tokens.length || text.slice(tokens[k - 1].end, tokens[k].start).includes('\n');
  }

  /** "the general election": a one-word role that is an adjective here, before a lower-case noun. */
  modifies(t0: number, t1: number): boolean {
    const { keys, tokens, capitalised } = this.view;
    if (t1 - t0 !== 1 || !MODIFIER_ROLE_WORDS.has(keys[t0]) || t1 >= tokens.length) return false;
    const next = tokens[t1];
    return next.kind === 'word' && !capitalised[t1] && !AFTER_DESCRIPTION.has(keys[t1]) && keys[t1] !== "'s";
  }
}

function isPlural(key: string): boolean {
  return key.length > 3 && key.endsWith('s') && !key.endsWith('ss');
}

/** The title as the text writes it, capitalised ("US secretary of state" → "Secretary of State"). */
function titleText(text: string): string {
  return /^[A-Z]{2,}s?$/.test(text) ? text : titleCase(text.toLowerCase().replace(/\s+/g, ' '));
}

function titleCase(phrase: string): string {
  const small = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to']);
  return phrase
    .split(' ')
    .map((w, i) => (i > 0 && small.has(w) ? w : w.length > 0 ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}
