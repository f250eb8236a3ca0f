import type { Actor } from '../../model/index.js';
import type { KnowledgeBase } from '../kb/index.js';
import type { Work } from '../scan/index.js';
import type { TokenView } from '../tokens.js';
import type { OrganisationIndex } from '../orgindex.js';
import type { Cluster, CorefState } from './clusters.js';
import { resolveNames } from './names.js';
import { resolveAppositives, resolveDescriptions } from './descriptions.js';
import { actorIdOf, buildActors } from './actors.js';

/*
 * In-document coreference and actor building. Rules, in order (each cheap: maps, no scans of
 * the KB or of all earlier mentions):
 *  1. Names: same KB entity or same full name → one actor; a surname alone joins the full name
 *     it ends (the one introduced first when several), else the KB person with that surname.
 *  2. Descriptions with a title ("US president", "NATO chief", "the minister") → the person in
 *     the document holding a matching role (same head noun, or a generic title and the same
 *     organisation), nearest before, else first after; else the KB holder at the publication date.
 *  3. Group descriptions with an affiliation ("Russian troops") → one group actor per
 *     affiliation, agent and noun; "the ministry" → the nearest preceding organisation so named.
 *  4. Pronouns: he/she → the salient person of gender that agrees (pronouns.ts), never from
 *     inside a quotation (there "he" is rarely the speaker); they → nearest group mention within
 *     PRONOUN_WINDOW tokens.
 * Rule 1 is names.ts, rules 2–4 descriptions.ts; actors.ts builds the actors from the clusters.
 */
export class Coreference implements CorefState {
  readonly clusters: Cluster[] = [];
  readonly byKey = new Map<string, Cluster>();
  organisations: OrganisationIndex | undefined;
  subjectWorks: ReadonlySet<Work> = new Set();

  constructor(
    readonly view: TokenView,
    readonly kb: KnowledgeBase,
    readonly date: string | undefined,
  ) {}

  /** Rule 1 and the names of places and organisations. */
  resolveNames(works: readonly Work[]): void {
    resolveNames(this, works);
  }

  /** Appositives join the name they follow. */
  resolveAppositives(works: readonly Work[]): void {
    resolveAppositives(this, works);
  }

  /** Rules 2–4, in document order. */
  resolveDescriptions(works: readonly Work[]): void {
    resolveDescriptions(this, works);
  }

  /** Builds the actors, ordered by first mention, and the id of each cluster's actor. */
  actors(bylineRole: boolean): Actor[] {
    return buildActors(this, bylineRole);
  }

  actorIdOf(w: Work): string | undefined {
    return actorIdOf(this, w);
  }
}
