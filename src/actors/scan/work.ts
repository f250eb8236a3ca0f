import type { EntityType, MentionKind } from '../../model/index.js';
import type { CameoAgent, Organization } from '../kb/schema.js';
import type { Affiliation, KbHit, KnowledgeBase } from '../kb/index.js';
import type { TokenView } from '../tokens.js';
import type { PhraseReader } from './phrases.js';

/*
 * What the scan works on: mentions as token ranges (`Work`), the roles the text states, and the
 * state the scan's passes share (scan/index.ts runs them in order).
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
  /** For an organisation name rebuilt from NER pieces: the token range of its first piece. */
  firstPart?: [number, number];
  /** The KB organisation that first piece names ("U.N." of "U.N. Conciliation Commission"): its code is the name's. */
  parent?: Organization;
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

/** The scan's shared state: the mentions found so far, and the tokens already inside one. */
export interface ScanState {
  readonly view: TokenView;
  readonly kb: KnowledgeBase;
  readonly phrases: PhraseReader;
  works: Work[];
  /** 1 for tokens already inside a name or description (descriptions must not start there). */
  readonly covered: Uint8Array;
}
