import type { EntityType } from '../model/index.js';
import type { Organization } from './kb/schema.js';
import type { Work } from './scan.js';
import type { TokenView } from './tokens.js';
import type { OrganisationFacts, OrganisationMention } from './groups.js';
import { singular, statedNouns } from './groups.js';

/** The parts of a coreference cluster the organisation index reads. */
export interface OrganisationCluster {
  kind: string;
  type: EntityType;
  works: readonly Work[];
  org?: Organization;
  name?: string;
}

export interface OrganisationIndex {
  /** Sorted by t0. */
  mentions: OrganisationMention[];
  facts: (entity: number) => OrganisationFacts;
  /** Adds a mention found later (a description resolved to the organisation), keeping the order. */
  add: (m: OrganisationMention) => void;
}

/** Cluster kinds that are organisations a common noun may refer back to (not groups, places or people). */
const ORGANISATION_KINDS = new Set(['org', 'other', 'coded', 'metonym']);

/**
 * The organisations of a document for groups.ts: their name mentions outside quotations in text
 * order (entity = cluster index) and, on demand, the words of their names and of the nouns the text
 * gives them ("the brokerage Kotak …").
 */
export function organisationIndex(
  view: TokenView,
  clusters: readonly OrganisationCluster[],
  subjects: ReadonlySet<Work>,
): OrganisationIndex {
  const mentions: OrganisationMention[] = [];
  clusters.forEach((c, entity) => {
    if (c.type !== 'ORG' || !ORGANISATION_KINDS.has(c.kind)) return;
    for (const w of c.works) {
      if ((w.kind !== 'name' && w.kind !== 'titled-name') || view.quoted[w.t0]) continue;
      mentions.push({ t0: w.t0, t1: w.t1, sentence: view.sentence[w.t0], entity, subject: subjects.has(w) });
    }
  });
  mentions.sort((a, b) => a.t0 - b.t0);
  // "X and Y met": a name coordinated with the subject is a subject too.
  for (let k = 1; k < mentions.length; k++) {
    const prev = mentions[k - 1];
    const gap = view.keys.slice(prev.t1, mentions[k].t0).join(' ');
    if (prev.subject && /^(?:,? ?(?:and|or)(?: the)?)$/.test(gap)) mentions[k].subject = true;
  }
  const cache = new Map<number, OrganisationFacts>();
  const facts = (entity: number): OrganisationFacts => {
    let f = cache.get(entity);
    if (!f) {
      const c = clusters[entity];
      const words = new Set<string>();
      const stated = new Set<string>();
      const add = (text: string) => {
        for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) words.add(singular(w));
      };
      if (c.org) add(c.org.name);
      if (c.name) add(c.name);
      for (const w of c.works) {
        if (w.kind !== 'name' && w.kind !== 'titled-name') continue;
        add(view.text.slice(w.start, w.end));
        for (const n of statedNouns(view, w.t0, w.t1)) stated.add(n);
      }
      f = { words, stated, ...(c.org ? { kind: c.org.kind } : {}) };
      cache.set(entity, f);
    }
    return f;
  };
  const add = (m: OrganisationMention) => {
    let k = mentions.length;
    while (k > 0 && mentions[k - 1].t0 > m.t0) k--;
    mentions.splice(k, 0, m);
  };
  return { mentions, facts, add };
}
