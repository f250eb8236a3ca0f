import type { EntityType } from '../../model/index.js';
import type { Country, Organization, Person } from '../kb/schema.js';
import type { KnowledgeBase } from '../kb/index.js';
import type { PetrarchActor } from '../petrarch/index.js';
import type { TextRole, Work } from '../scan/index.js';
import type { TokenView } from '../tokens.js';
import type { OrganisationIndex } from '../orgindex.js';
import { keyOf } from '../tokens.js';
import { GENERIC_TITLES } from '../words.js';

/* Clusters of mentions that name one actor, and the state the coreference rules share. */

/** Candidates examined per lookup, so hostile input (thousands of namesakes) stays linear. */
export const MAX_CANDIDATES = 32;

type ClusterKind = 'person' | 'country' | 'capital' | 'metonym' | 'org' | 'coded' | 'group' | 'other';

export interface Cluster {
  index: number;
  key: string;
  kind: ClusterKind;
  type: EntityType;
  works: Work[];
  person?: Person;
  country?: Country;
  org?: Organization;
  /** For an organisation the KB lacks: the KB organisation it belongs to (work.ts `parent`). */
  parent?: Organization;
  coded?: PetrarchActor;
  metonymAgent?: string;
  textRoles: TextRole[];
  /** Start of the earliest mention, for ordering and for "first introduced" without rescanning mentions. */
  first: number;
  /** Display name when not taken from the KB. */
  name?: string;
}

/** What the rules (names.ts, descriptions.ts) and the actor builder (actors.ts) share. */
export interface CorefState {
  readonly view: TokenView;
  readonly kb: KnowledgeBase;
  readonly date: string | undefined;
  readonly clusters: Cluster[];
  readonly byKey: Map<string, Cluster>;
  /** Organisations and their mentions for group descriptions, built on first use. */
  organisations: OrganisationIndex | undefined;
  subjectWorks: ReadonlySet<Work>;
}

export function cluster(
  s: CorefState,
  key: string,
  init: () => Omit<Cluster, 'index' | 'key' | 'works' | 'textRoles' | 'first'>,
): Cluster {
  let c = s.byKey.get(key);
  if (!c) {
    c = { index: s.clusters.length, key, works: [], textRoles: [], first: Infinity, ...init() };
    s.clusters.push(c);
    s.byKey.set(key, c);
  }
  return c;
}

export function join(c: Cluster, w: Work): void {
  w.cluster = c.index;
  c.works.push(w);
  if (w.start < c.first) c.first = w.start;
  // A generic description ("NATO chief") found by the person's role adds no role of its own.
  if (w.role && !(w.kind === 'description' && GENERIC_TITLES.has(w.role.headKey))) c.textRoles.push(w.role);
}

export function personCluster(s: CorefState, p: Person): Cluster {
  return cluster(s, `kb:${p.id}`, () => ({ kind: 'person', type: 'PERSON', person: p }));
}

export function headKey(s: CorefState, w: Work): string {
  const [a, b] = headRange(w);
  const end = b - 1 > a && s.view.keys[b - 1] === "'s" ? b - 1 : b;
  return keyOf(s.view, a, end);
}

export function headText(s: CorefState, w: Work): string {
  const [a, b] = headRange(w);
  const end = b - 1 > a && s.view.keys[b - 1] === "'s" ? b - 1 : b;
  return s.view.text.slice(s.view.tokens[a].start, s.view.tokens[end - 1].end);
}

export function headRange(w: Work): [number, number] {
  if (w.head) return w.head;
  return [w.t0, w.t1];
}

export function addSurname<K>(map: Map<K, Cluster[]>, key: K, c: Cluster): void {
  const list = map.get(key);
  if (!list) map.set(key, [c]);
  else if (!list.includes(c) && list.length < MAX_CANDIDATES) list.push(c);
}

/**
 * The candidate introduced first in the article (by its first mention). A surname alone names the
 * article's principal bearer, not the relative or namesake introduced since: "Hillary Clinton …
 * her husband, former President Bill Clinton … Clinton said" is Hillary.
 */
export function firstIntroduced(candidates: readonly Cluster[]): Cluster {
  let first = candidates[0];
  for (const c of candidates) if (c.first < first.first) first = c;
  return first;
}
