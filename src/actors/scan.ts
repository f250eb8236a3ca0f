import type { EntityType, Mention, MentionKind } from '../model/index.js';
import type { CameoAgent } from './kb/schema.js';
import type { Affiliation, KbHit, KnowledgeBase } from './kb/index.js';
import type { TokenView } from './tokens.js';
import { nameKeys } from './kb/index.js';
import { keyOf, tokenAtOrAfter } from './tokens.js';
import { overInitial, trimName } from './clean.js';
import { joinAdjacentOrganisations, repairOrganisationRuns } from './repair.js';
import { agreeTypes, dropForeignInstitutions } from './agreement.js';
import { groupNounAgent, isBareGroupNoun } from './groups.js';
import {
  AFTER_DESCRIPTION,
  DEFINITE,
  MODIFIER_ROLE_WORDS,
  FORMER,
  GROUP_PRONOUNS,
  HEAD_NOUNS,
  INDEFINITE,
  OF_WORDS,
  PERSON_PRONOUNS,
  TITLE_MODIFIERS,
  TOPIC_ROLE_WORDS,
  surnameOf,
} from './words.js';

/*
 * Finds every mention the actors stage works with, as token ranges: the NER names it is given
 * (typed again against the knowledge base), names the knowledge base knows that NER missed,
 * titles and affiliations around person names, appositives, descriptions and pronouns.
 */

/** A role as the article states it ("US Secretary of State"). */
export interface TextRole {
  title: string;
  /** Key of the title phrase as written ("secretary of state"), and its head noun ("state"→ last word). */
  titleKey: string;
  headKey: string;
  agent: CameoAgent;
  /** Where the role belongs: a KB country or organisation, or just a name the text gives. */
  affiliation?: Affiliation | { name: string; code?: undefined };
  former: boolean;
  /** Character span of the words that state the role. */
  evidence: { start: number; end: number };
}

export interface Work {
  start: number;
  end: number;
  /** Token range [t0, t1). */
  t0: number;
  t1: number;
  type: EntityType;
  kind: MentionKind;
  /** Token range of the bare name inside a titled mention. */
  head?: [number, number];
  /** Token range of the title words. */
  title?: [number, number];
  hits: readonly KbHit[];
  role?: TextRole;
  /** For descriptions: a group noun ("officials", "troops") rather than one person's title. */
  group?: boolean;
  determiner?: 'definite' | 'indefinite';
  /** For group descriptions: an institutional plural without a determiner ("prosecutors"). */
  bare?: boolean;
  /** For appositives: the mention they describe. */
  appositiveOf?: Work;
  /** For a title before a name it introduces ("China's ambassador, Liu Xiaoming"): that name. */
  introduces?: Work;
  /** True when the mention comes from the byline. */
  byline?: boolean;
  cluster: number;
  /** For descriptions: the description names a role the stage could not attach to anyone. */
}

const MAX_NAME_TOKENS = 12;
/** What may stand between a title and the name it introduces: a comma, after "to Britain" or so. */
const INTRODUCING_GAP =
  /^(\s+(?:to|in|at|for|of|on)\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)?\s*,\s*$/u;
const SHORT_ALIAS = 3;

function titleCase(phrase: string): string {
  const small = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to']);
  return phrase
    .split(' ')
    .map((w, i) => (i > 0 && small.has(w) ? w : w.length > 0 ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}

export class MentionScanner {
  works: Work[] = [];
  /** 1 for tokens already inside a name or description (descriptions must not start there). */
  private readonly covered: Uint8Array;
  /** Name mentions by their last token + 1, to find an affiliation just before a title. */
  private readonly nameEndingAt = new Map<number, Work>();
  private readonly nameStartingAt = new Map<number, Work>();

  constructor(
    private readonly view: TokenView,
    private readonly kb: KnowledgeBase,
  ) {
    this.covered = new Uint8Array(view.tokens.length);
  }

  /** Adds the NER mentions, dropping any whose span is outside the text or covers no token. */
  addNer(mentions: readonly Mention[]): number {
    let dropped = 0;
    const { tokens, text } = this.view;
    for (const m of mentions) {
      if (!(m.start >= 0 && m.end <= text.length && m.start < m.end)) {
        dropped++;
        continue;
      }
      const first = tokenAtOrAfter(tokens, m.start);
      let last = first;
      while (last < tokens.length && tokens[last].start < m.end) last++;
      if (last === first || last - first > MAX_NAME_TOKENS * 2) {
        dropped++;
        continue;
      }
      const trimmed = trimName(this.view, first, last);
      if (!trimmed) continue;
      const [t0, t1] = trimmed;
      this.works.push({
        start: t0 === first ? Math.max(m.start, tokens[t0].start) : tokens[t0].start,
        end: t1 === last ? Math.min(m.end, tokens[t1 - 1].end) : tokens[t1 - 1].end,
        t0,
        t1,
        type: m.type,
        kind: 'name',
        hits: [],
        cluster: -1,
      });
    }
    this.joinInitials();
    this.addOrganisationRuns();
    return dropped;
  }

  /** "Mary E" + "Lovely" → "Mary E. Lovely": names NER split at a middle initial. */
  private joinInitials(): void {
    const { tokens } = this.view;
    this.works.sort((a, b) => a.t0 - b.t0);
    for (let k = 0; k < this.works.length; k++) {
      const w = this.works[k];
      const end = w.type === 'PERSON' ? overInitial(this.view, w.t0, w.t1) : null;
      if (end === null) continue;
      let t1 = end;
      // The words after the initial may be a name NER found: take it whole ("Kennedy Jr").
      while (k + 1 < this.works.length && this.works[k + 1].t0 < t1) {
        t1 = Math.max(t1, this.works[k + 1].t1);
        this.works.splice(k + 1, 1);
      }
      w.t1 = t1;
      w.end = tokens[t1 - 1].end;
    }
  }

  /** Organisation names NER cut short or run into a titled name (repair.ts). */
  private addOrganisationRuns(): void {
    this.works = repairOrganisationRuns(this.view, joinAdjacentOrganisations(this.view, this.works), (t) => {
      const role = this.roleStartingAt(t);
      return role?.title ? role.t1 : -1;
    });
  }

  /** Tokens [t0, t1) without a trailing possessive clitic ("Trump ’s" → "Trump"). */
  private nameKey(t0: number, t1: number): string {
    const end = t1 - 1 > t0 && this.view.keys[t1 - 1] === "'s" ? t1 - 1 : t1;
    return keyOf(this.view, t0, end);
  }

  private caseOk(t0: number, t1: number): boolean {
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
  private span(a: number, b: number): string {
    return this.view.text.slice(this.view.tokens[a].start, this.view.tokens[b - 1].end);
  }

  /** Longest KB name ending exactly at token `end` (exclusive), or null. */
  private kbNameEndingAt(end: number, lowest: number): { t0: number; hits: readonly KbHit[] } | null {
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
  private kbNameStartingAt(start: number): { t1: number; hits: readonly KbHit[] } | null {
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
  private role(key: string): { word: string; agent: CameoAgent; title: boolean } | undefined {
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
  private roleEndingAt(
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
  private roleStartingAt(
    start: number,
  ): { t1: number; word: string; agent: CameoAgent; title: boolean } | null {
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
  private affiliationOf(hits: readonly KbHit[]): Affiliation | undefined {
    for (const h of hits) {
      if (h.kind === 'country' && (h.via === 'name' || h.via === 'demonym')) {
        return { name: h.country.name, code: h.country.code, country: h.country };
      }
      if (h.kind === 'org') return { name: h.org.name, code: h.org.cameo, org: h.org };
    }
    return undefined;
  }

  /** An affiliation (KB name or NER organisation, with an optional "'s") ending at `end`. */
  private affiliationEndingAt(
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
  private modifiersBefore(
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
  private titleBefore(
    end: number,
    lowest: number,
  ): { t0: number; title: [number, number]; role: TextRole } | null {
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
  private textRole(
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
  private affiliationAfterOf(k: number): { affiliation: TextRole['affiliation']; t1: number } | null {
    const { keys } = this.view;
    const n = keys.length;
    if (k + 1 >= n || !OF_WORDS.has(keys[k])) return null;
    let j = k + 1;
    if (j < n && DEFINITE.has(keys[j])) j++;
    const after = j < n ? this.kbNameStartingAt(j) : null;
    const affiliation = after ? this.affiliationOf(after.hits) : undefined;
    return after && affiliation ? { affiliation, t1: after.t1 } : null;
  }

  /** Gives each name mention its KB hits and the type the KB implies. */
  refineNames(): void {
    const surnames = new Set<string>();
    for (const w of this.works) {
      w.hits = this.kb.lookup(this.nameKey(w.t0, w.t1));
      retype(w);
      if (w.type !== 'PERSON' && w.hits.length === 0 && this.titledInside(w)) w.type = 'PERSON';
      if (w.type === 'PERSON' && w.t1 - w.t0 > 1) surnames.add(surnameOf(this.view.keys.slice(w.t0, w.t1)));
    }
    // A lone word NER typed MISC that is the surname of a person named in the text, or of exactly
    // one KB person, is that person ("Rutte", "Zelensky").
    // NER also types such a surname ORG or LOC ("Carson’s"); that is trusted less, so only a
    // person named in full in the same text overrides it.
    for (const w of this.works) {
      if (w.type === 'PERSON' || w.type === 'GPE' || w.type === 'NORP' || w.hits.length > 0) continue;
      const key = this.nameKey(w.t0, w.t1);
      if (key.includes(' ')) continue;
      if (surnames.has(key) || (w.type === 'MISC' && this.kb.bySurname(key).length === 1)) w.type = 'PERSON';
    }
    agreeTypes(this.works, (w) => this.nameKey(w.t0, w.t1));
    dropForeignInstitutions(this.view, this.works, (t) => this.countryEndingAt(t));
    for (const w of this.works) if (w.hits.length === 0 && w.type !== 'PERSON') this.titleOnly(w);
  }

  /** The code of a country named (or its demonym) with its last token at t ("Nigeria" in "Nigeria's"). */
  private countryEndingAt(t: number): string | undefined {
    const end = this.view.keys[t] === "'s" ? t : t + 1;
    const name = this.kbNameEndingAt(end, Math.max(0, end - this.kb.maxNameTokens));
    const h = name?.hits.find((x) => x.kind === 'country' && (x.via === 'name' || x.via === 'demonym'));
    return h && h.kind === 'country' ? h.country.code : undefined;
  }

  /**
   * A name NER found that is all title ("the then UK Home Secretary", typed ORG) names a person by
   * office: it becomes a description with that role, so the name it introduces can take it.
   */
  private titleOnly(w: Work): void {
    const t = this.titleBefore(w.t1, w.t0);
    if (!t || t.t0 !== w.t0) return;
    w.kind = 'description';
    w.type = 'PERSON';
    w.title = t.title;
    w.role = t.role;
    if (w.t0 > 0 && DEFINITE.has(this.view.keys[w.t0 - 1])) w.determiner = 'definite';
  }

  /**
   * True when the span is `[affiliation] title Name…` ("NATO Secretary General Mark Rutte" that
   * NER typed ORG): whatever NER said, that names a person.
   */
  private titledInside(w: Work): boolean {
    // From the right, so the longest title wins ("Secretary General", not "Secretary").
    for (let h = w.t1 - 1; h > w.t0; h--) {
      const t = this.titleBefore(h, w.t0);
      if (!t || t.t0 !== w.t0) continue;
      for (let i = h; i < w.t1; i++)
        if (!this.view.capitalised[i] && this.view.keys[i] !== "'s") return false;
      return true;
    }
    return false;
  }

  /** Adds names the KB knows that no NER mention covers (countries, organisations, people). */
  addKbNames(): void {
    const n = this.view.tokens.length;
    const taken = new Uint8Array(n);
    for (const w of this.works) for (let i = w.t0; i < w.t1; i++) taken[i] = 1;
    const { keys } = this.view;
    for (let i = 0; i < n; i++) {
      if (!this.view.capitalised[i]) continue;
      const m = taken[i] && (i === 0 || taken[i - 1]) ? null : this.kbNameStartingAt(i);
      // "The United Nations High Commissioner …": the longer name after the article wins.
      if (m && keys[i] === 'the' && (this.kbNameStartingAt(i + 1)?.t1 ?? 0) > m.t1) continue;
      // A KB name NER cut short ("[Amnesty] International"): the KB name replaces the fragment.
      const words = m ? m.t1 - i - (keys[i] === 'the' ? 1 : 0) : 0;
      const fragments = m ? this.works.filter((w) => w.t0 < m.t1 && i < w.t1) : [];
      const cut =
        m !== null &&
        words > 1 &&
        fragments.length > 0 &&
        fragments.every(
          (w) =>
            w.t0 >= i &&
            (w.t1 <= m.t1 || (w.t1 === m.t1 + 1 && keys[m.t1] === "'s")) &&
            Math.min(w.t1, m.t1) - w.t0 < words &&
            (w.type !== 'PERSON' || w.kind === 'description'),
        );
      if (!m || (fragments.length > 0 && !cut)) continue;
      if (cut) this.works = this.works.filter((w) => !fragments.includes(w));
      const w: Work = {
        start: this.view.tokens[i].start,
        end: this.view.tokens[m.t1 - 1].end,
        t0: i,
        t1: m.t1,
        type: 'MISC',
        kind: 'name',
        hits: m.hits,
        cluster: -1,
      };
      retype(w);
      this.works.push(w);
      i = m.t1 - 1;
    }
  }

  /**
   * Surnames NER missed ("Schiff asked …" after "Adam Schiff"): a capitalised word outside every
   * mention that is the surname of a person named in full in the text is that person's mention.
   */
  addSurnameMentions(): void {
    const { keys, tokens, capitalised } = this.view;
    const surnames = new Set<string>();
    for (const w of this.works)
      if (w.type === 'PERSON' && w.t1 - w.t0 > 1) surnames.add(surnameOf(keys.slice(w.t0, w.t1)));
    if (surnames.size === 0) return;
    const taken = new Uint8Array(tokens.length);
    for (const w of this.works) taken.fill(1, w.t0, w.t1);
    for (let i = 0; i < tokens.length; i++) {
      if (taken[i] || !capitalised[i] || tokens[i].kind !== 'word' || !surnames.has(keys[i])) continue;
      // Part of a longer capitalised run is some other name ("Schiff Hardin LLP").
      if (
        (i > 0 &&
          capitalised[i - 1] &&
          !taken[i - 1] &&
          tokens[i - 1].kind === 'word' &&
          !this.sentenceStart(i - 1)) ||
        (i + 1 < tokens.length && capitalised[i + 1] && tokens[i + 1].kind === 'word')
      )
        continue;
      this.works.push({
        start: tokens[i].start,
        end: tokens[i].end,
        t0: i,
        t1: i + 1,
        type: 'PERSON',
        kind: 'name',
        hits: [],
        cluster: -1,
      });
    }
  }

  private sentenceStart(i: number): boolean {
    return i === 0 || this.view.sentence[i - 1] !== this.view.sentence[i];
  }

  /** Adds the byline name as a PERSON mention when no mention covers it. */
  addByline(span: { start: number; end: number } | undefined): void {
    if (!span || span.end <= span.start) return;
    const { tokens } = this.view;
    const t0 = tokenAtOrAfter(tokens, span.start);
    let t1 = t0;
    while (t1 < tokens.length && tokens[t1].start < span.end) t1++;
    if (t1 === t0) return;
    const existing = this.works.find((w) => w.start < span.end && span.start < w.end && w.type === 'PERSON');
    if (existing) {
      existing.byline = true;
      return;
    }
    if (this.works.some((w) => w.start < span.end && span.start < w.end)) return;
    this.works.push({
      start: tokens[t0].start,
      end: tokens[t1 - 1].end,
      t0,
      t1,
      type: 'PERSON',
      kind: 'name',
      hits: [],
      cluster: -1,
      byline: true,
    });
  }

  private index(): void {
    this.works.sort((a, b) => a.start - b.start || b.end - a.end);
    this.nameEndingAt.clear();
    this.nameStartingAt.clear();
    for (const w of this.works) {
      if (w.kind !== 'name' && w.kind !== 'demonym') continue;
      const stop = w.t1 - 1 > w.t0 && this.view.keys[w.t1 - 1] === "'s" ? w.t1 - 1 : w.t1;
      this.nameEndingAt.set(stop, w);
      this.nameStartingAt.set(w.t0, w);
    }
  }

  /**
   * Extends PERSON names over the titles and affiliations before them ("NATO Secretary General
   * Mark Rutte"), including titles NER left inside the name, and reads appositive roles.
   */
  addTitles(): void {
    this.index();
    const added: Work[] = [];
    for (const w of this.works) {
      if (w.type !== 'PERSON' || w.kind !== 'name') continue;
      // A title NER kept inside the name: the name proper starts at the first token after it.
      let head = w.t0;
      for (let h = w.t1 - 1; h > w.t0; h--) {
        // The title may also start before the span, when NER cut it ("Secretary of [State Marco Rubio]").
        const t = this.titleBefore(h, this.sentenceFloor(w.t0));
        if (t && t.t0 <= w.t0) {
          head = h;
          break;
        }
      }
      const found = this.titleBefore(head, this.sentenceFloor(w.t0));
      if (found) {
        if (head !== w.t0) w.hits = this.kb.lookup(this.nameKey(head, w.t1));
        w.head = [head, w.t1];
        w.title = found.title;
        w.role = found.role;
        w.kind = 'titled-name';
        w.t0 = Math.min(w.t0, found.t0);
        w.start = this.view.tokens[w.t0].start;
        for (let i = w.t0; i < w.t1; i++) this.covered[i] = 1;
      }
      const app = this.appositiveAfter(w);
      if (app) added.push(app);
    }
    // NER fragments of a title ("Secretary" of "US Secretary of State Marco Rubio") are not names.
    const inTitle = new Uint8Array(this.view.tokens.length);
    for (const w of this.works) if (w.title) for (let i = w.title[0]; i < w.title[1]; i++) inTitle[i] = 1;
    for (let k = this.works.length - 1; k >= 0; k--) {
      const w = this.works[k];
      if (w.kind === 'name' && w.hits.length === 0 && inTitle[w.t0] && inTitle[w.t1 - 1])
        this.works.splice(k, 1);
    }
    for (const w of this.works) if (w.kind === 'name') for (let i = w.t0; i < w.t1; i++) this.covered[i] = 1;
    this.works.push(...added);
    this.index();
  }

  /** How far left a title may reach: never across a line break. */
  private sentenceFloor(t: number): number {
    const { tokens, text } = this.view;
    let i = t;
    while (i > 0 && t - i < 12 && !text.slice(tokens[i - 1].end, tokens[i].start).includes('\n')) i--;
    return i;
  }

  /** ", the US secretary of state," after a person name. */
  private appositiveAfter(w: Work): Work | null {
    const { keys, tokens } = this.view;
    const n = tokens.length;
    let k = w.t1;
    if (k >= n || keys[k] !== ',') return null;
    k++;
    const first = k;
    let determiner: Work['determiner'];
    if (k < n && DEFINITE.has(keys[k])) {
      determiner = 'definite';
      k++;
    } else if (k < n && INDEFINITE.has(keys[k])) {
      determiner = 'indefinite';
      k++;
    }
    let former = false;
    while (k < n && (TITLE_MODIFIERS.has(keys[k]) || FORMER.has(keys[k]))) {
      if (FORMER.has(keys[k])) former = true;
      k++;
    }
    let affiliation: TextRole['affiliation'];
    const aff = k < n ? this.kbNameStartingAt(k) : null;
    let countryName = false;
    if (aff && this.affiliationOf(aff.hits)) {
      affiliation = this.affiliationOf(aff.hits);
      countryName = aff.hits.some((h) => h.kind === 'country' && h.via === 'name');
      k = aff.t1;
      if (k < n && keys[k] === "'s") {
        countryName = false;
        k++;
      }
    }
    while (k < n && TITLE_MODIFIERS.has(keys[k])) k++;
    const role = k < n ? this.roleStartingAt(k) : null;
    if (!role || !role.title) return null;
    // "a China scholar": the country studied, not the employer (as in modifiersBefore).
    if (countryName && TOPIC_ROLE_WORDS.has(keys[role.t1 - 1])) affiliation = undefined;
    const titleStart = k;
    k = role.t1;
    const ofAffiliation = affiliation ? null : this.affiliationAfterOf(k);
    if (ofAffiliation) {
      affiliation = ofAffiliation.affiliation;
      k = ofAffiliation.t1;
    }
    // "…, the U.S. attorney in Manhattan,": a place after the title still ends the appositive.
    if (
      k + 1 < n &&
      (keys[k] === 'in' || keys[k] === 'at' || keys[k] === 'for') &&
      this.view.capitalised[k + 1]
    ) {
      let e = k + 1;
      while (e < n && e - k < 6 && this.view.capitalised[e]) e++;
      if (e >= n || [',', '.', ';', ')'].includes(keys[e])) k = e;
    }
    if (k < n && ![',', '.', ';', ')', '—', '–'].includes(keys[k]) && !this.isSentenceEnd(k)) return null;
    return {
      start: tokens[first].start,
      end: tokens[k - 1].end,
      t0: first,
      t1: k,
      type: 'PERSON',
      kind: 'description',
      title: [titleStart, role.t1],
      hits: [],
      determiner,
      appositiveOf: w,
      role: this.textRole(titleStart, role.t1, role, affiliation, former, first, k),
      cluster: -1,
    };
  }

  private isSentenceEnd(k: number): boolean {
    const { tokens, text } = this.view;
    return k >= tokens.length || text.slice(tokens[k - 1].end, tokens[k].start).includes('\n');
  }

  /**
   * Descriptions: `[the|a] [former] [affiliation] role-word [of affiliation]` outside names —
   * "NATO chief", "the president", "Ukrainian officials", "Russian troops", "the ministry".
   * A bare role word needs a determiner or an affiliation to count.
   */
  addDescriptions(): void {
    const { keys, tokens } = this.view;
    const n = tokens.length;
    const added: Work[] = [];
    for (let i = 0; i < n; i++) {
      if (this.covered[i]) continue;
      const role = this.roleStartingAt(i);
      if (!role) continue;
      let blocked = false;
      for (let j = i; j < role.t1; j++) if (this.covered[j]) blocked = true;
      // A title right before a name belongs to the titled name, not to a description.
      const next = this.nameStartingAt.get(role.t1);
      if (blocked || (next && next.type === 'PERSON')) {
        i = role.t1 - 1;
        continue;
      }
      const lowest = this.sentenceFloor(i);
      const before = this.modifiersBefore(i, lowest, keys[role.t1 - 1]);
      let t0 = before.t0;
      const former = before.former;
      let affiliation = before.affiliation;
      let determiner: Work['determiner'];
      if (t0 - 1 >= lowest && DEFINITE.has(keys[t0 - 1])) {
        determiner = 'definite';
        t0--;
      } else if (t0 - 1 >= lowest && INDEFINITE.has(keys[t0 - 1])) {
        determiner = 'indefinite';
        t0--;
      }
      let t1 = role.t1;
      const ofAffiliation = affiliation ? null : this.affiliationAfterOf(t1);
      if (ofAffiliation) {
        affiliation = ofAffiliation.affiliation;
        t1 = ofAffiliation.t1;
      }
      // "the general election"; with an affiliation ("NATO chief backs …") the word is a noun.
      if (!affiliation && this.modifies(i, role.t1)) {
        i = role.t1 - 1;
        continue;
      }
      // Institutional plurals refer without a determiner ("prosecutors said").
      const bare = !affiliation && !determiner && isBareGroupNoun(keys[role.t1 - 1]);
      if (!affiliation && !determiner && !bare) {
        i = role.t1 - 1;
        continue;
      }
      added.push({
        start: tokens[t0].start,
        end: tokens[t1 - 1].end,
        t0,
        t1,
        type: role.title ? 'PERSON' : 'ORG',
        kind: 'description',
        title: [i, role.t1],
        hits: [],
        group: !role.title,
        determiner,
        ...(bare ? { bare } : {}),
        role: this.textRole(i, role.t1, role, affiliation, former, t0, t1),
        cluster: -1,
      });
      for (let j = i; j < t1; j++) this.covered[j] = 1;
      i = t1 - 1;
    }
    this.works.push(...added);
  }

  /**
   * "China's ambassador to Britain, Liu Xiaoming," / "the then Home Secretary, Sajid Javid": a
   * person's title followed by a name in apposition introduces that name, which names a person
   * whatever NER typed it.
   */
  linkIntroducedNames(): void {
    const { text } = this.view;
    const names = this.works.filter((w) => w.kind === 'name' || w.kind === 'titled-name');
    for (const w of this.works) {
      if (w.kind !== 'description' || w.group || w.type !== 'PERSON') continue;
      const name = names.find(
        (n) =>
          n.start >= w.end &&
          n.start - w.end < 60 &&
          (n.type === 'PERSON' || (n.hits.length === 0 && n.t1 - n.t0 > 1)) &&
          INTRODUCING_GAP.test(text.slice(w.end, n.start)),
      );
      if (!name) continue;
      name.type = 'PERSON';
      w.introduces = name;
      // The person's name alone later in the text ("Liu") is theirs too.
      const { keys } = this.view;
      const parts = new Set([keys[name.t0], surnameOf(keys.slice(name.t0, name.t1))]);
      for (const n of names)
        if (n.t1 - n.t0 === 1 && n.hits.length === 0 && parts.has(keys[n.t0])) n.type = 'PERSON';
    }
  }

  /** "the general election": a one-word role that is an adjective here, before a lower-case noun. */
  private modifies(t0: number, t1: number): boolean {
    const { keys, tokens, capitalised } = this.view;
    if (t1 - t0 !== 1 || !MODIFIER_ROLE_WORDS.has(keys[t0]) || t1 >= tokens.length) return false;
    const next = tokens[t1];
    return next.kind === 'word' && !capitalised[t1] && !AFTER_DESCRIPTION.has(keys[t1]) && keys[t1] !== "'s";
  }

  /** Third-person pronouns, as PERSON (he, she …) or group (they …) mentions. */
  addPronouns(): void {
    const { keys, tokens } = this.view;
    for (let i = 0; i < tokens.length; i++) {
      if (this.covered[i]) continue;
      const k = keys[i];
      const person = PERSON_PRONOUNS.has(k);
      if (!person && !GROUP_PRONOUNS.has(k)) continue;
      this.works.push({
        start: tokens[i].start,
        end: tokens[i].end,
        t0: i,
        t1: i + 1,
        type: person ? 'PERSON' : 'ORG',
        kind: 'pronoun',
        group: !person,
        hits: [],
        cluster: -1,
      });
    }
    this.works.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}

function isPlural(key: string): boolean {
  return key.length > 3 && key.endsWith('s') && !key.endsWith('ss');
}

/** The title as the text writes it, capitalised ("US secretary of state" → "Secretary of State"). */
function titleText(text: string): string {
  return /^[A-Z]{2,}s?$/.test(text) ? text : titleCase(text.toLowerCase().replace(/\s+/g, ' '));
}

/** The type a KB hit implies for a name: countries GPE, demonyms NORP, organisations ORG. */
function retype(w: Work): void {
  const h = w.hits[0];
  if (!h) return;
  if (h.kind === 'country') {
    if (h.via === 'demonym') {
      w.type = 'NORP';
      w.kind = 'demonym';
    } else if (h.via === 'metonym') w.type = 'ORG';
    else w.type = 'GPE';
  } else if (h.kind === 'org') w.type = 'ORG';
  else if (h.kind === 'person') w.type = 'PERSON';
}
