import type { Mention } from '../../model/index.js';
import type { KnowledgeBase } from '../kb/index.js';
import type { TokenView } from '../tokens.js';
import type { ScanState, Work } from './work.js';
import { PhraseReader } from './phrases.js';
import { addByline, addKbNames, addNer, addSurnameMentions, refineNames } from './names.js';
import { addTitles } from './titles.js';
import { addDescriptions, addPronouns, linkIntroducedNames } from './descriptions.js';

export type { TextRole, Work } from './work.js';

/*
 * Finds every mention the actors stage works with, as token ranges: the NER names it is given
 * (typed again against the knowledge base), names the knowledge base knows that NER missed,
 * titles and affiliations around person names, appositives, descriptions and pronouns.
 * Each pass lives in its own file (names, titles, descriptions); phrases.ts reads the text for them.
 */
export class MentionScanner implements ScanState {
  works: Work[] = [];
  readonly covered: Uint8Array;
  readonly phrases: PhraseReader;

  constructor(
    readonly view: TokenView,
    readonly kb: KnowledgeBase,
  ) {
    this.covered = new Uint8Array(view.tokens.length);
    this.phrases = new PhraseReader(view, kb);
  }

  /** Adds the NER mentions, dropping any whose span is outside the text or covers no token. */
  addNer(mentions: readonly Mention[]): number {
    return addNer(this, mentions);
  }

  /** Gives each name mention its KB hits and the type the KB implies. */
  refineNames(): void {
    refineNames(this);
  }

  /** Adds names the KB knows that no NER mention covers (countries, organisations, people). */
  addKbNames(): void {
    addKbNames(this);
  }

  /** Surnames NER missed, of a person named in full in the text. */
  addSurnameMentions(): void {
    addSurnameMentions(this);
  }

  /** Adds the byline name as a PERSON mention when no mention covers it. */
  addByline(span: { start: number; end: number } | undefined): void {
    addByline(this, span);
  }

  /** Extends PERSON names over the titles and affiliations before them; reads appositive roles. */
  addTitles(): void {
    addTitles(this);
  }

  /** Descriptions outside names: "NATO chief", "the president", "Ukrainian officials". */
  addDescriptions(): void {
    addDescriptions(this);
  }

  /** A person's title followed by a name in apposition introduces that name. */
  linkIntroducedNames(): void {
    linkIntroducedNames(this);
  }

  /** Third-person pronouns, as PERSON (he, she …) or group (they …) mentions. */
  addPronouns(): void {
    addPronouns(this);
  }
}
