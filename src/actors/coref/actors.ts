import type { Actor, Role } from '../../model/index.js';
import type { Organization } from '../kb/schema.js';
import type { Work } from '../scan/index.js';
import type { Gender } from '../gender.js';
import type { Cluster, CorefState } from './clusters.js';
import { codeAt, nameKeys, roleAt } from '../kb/index.js';
import { headText } from './clusters.js';
import { genderOf } from './gender.js';

/* The actors the clusters stand for: name, roles, CAMEO code at the publication date, gender. */

/** Builds the actors, ordered by first mention, and the id of each cluster's actor. */
export function buildActors(s: CorefState, bylineRole: boolean): Actor[] {
  const genders = new Map<Cluster, Gender | undefined>();
  const genderOfCluster = (c: Cluster) => {
    if (!genders.has(c))
      genders.set(c, c.type === 'PERSON' && c.kind === 'person' ? genderOf(s, c) : undefined);
    return genders.get(c);
  };
  const used = s.clusters.filter((c) => c.works.length > 0);
  used.sort((a, b) => a.first - b.first);
  const out: Actor[] = [];
  for (const c of used) {
    const id = `a${out.length + 1}`;
    out.push({
      id,
      name: nameOf(s, c),
      type: c.type,
      mentions: [],
      roles: rolesOf(s, c, bylineRole),
      cameo: cameoOf(s, c),
      ...(genderOfCluster(c) ? { gender: genderOfCluster(c) } : {}),
      ...(c.person
        ? { kb: c.person.id }
        : c.org
          ? { kb: c.org.id }
          : c.country
            ? { kb: c.country.code }
            : {}),
    });
    (c as Cluster & { actorId?: string }).actorId = id;
  }
  return out;
}

export function actorIdOf(s: CorefState, w: Work): string | undefined {
  if (w.cluster < 0) return undefined;
  return (s.clusters[w.cluster] as Cluster & { actorId?: string }).actorId;
}

function nameOf(s: CorefState, c: Cluster): string {
  if (c.person) return c.person.name;
  if (c.org) return nameAt(c.org, s.date);
  if (c.kind === 'country' && c.country) return c.country.name;
  if (c.kind === 'person') {
    // The longest name the text uses for the person.
    let best = c.name ?? '';
    for (const w of c.works) {
      if (w.kind !== 'name' && w.kind !== 'titled-name') continue;
      const t = headText(s, w);
      if (t.length > best.length) best = t;
    }
    return best;
  }
  return c.name ?? s.view.text.slice(c.works[0].start, c.works[0].end);
}

function rolesOf(s: CorefState, c: Cluster, bylineRole: boolean): Role[] {
  const roles: Role[] = [];
  const seen = new Set<string>();
  const kbRole = c.person ? roleAt(c.person.roles, s.date) : undefined;
  const kbAffiliation = kbRole ? s.kb.affiliation(kbRole.affiliation) : undefined;
  const withAffiliation = new Set(c.textRoles.filter((r) => r.affiliation).map((r) => r.titleKey));
  for (const original of c.textRoles) {
    let r = original;
    // "President Zelenskyy": the text gives the title, the KB role of that title the country.
    if (!r.affiliation && kbRole && kbAffiliation && nameKeys(kbRole.title).join(' ') === r.titleKey) {
      r = { ...r, affiliation: kbAffiliation };
    } else if (!r.affiliation && withAffiliation.has(r.titleKey)) continue;
    const key = `${r.title}|${r.affiliation?.code ?? r.affiliation?.name ?? ''}|${r.former}`;
    if (seen.has(key)) continue;
    seen.add(key);
    roles.push({
      title: r.former ? `former ${r.title}` : r.title,
      ...(r.affiliation ? { affiliation: r.affiliation.name } : {}),
      ...(r.affiliation?.code ? { affiliationCode: r.affiliation.code } : {}),
      agent: r.former ? 'ELI' : r.agent,
      source: 'text',
      evidence: {
        start: r.evidence.start,
        end: r.evidence.end,
        text: s.view.text.slice(r.evidence.start, r.evidence.end),
      },
    });
  }
  if (c.person) {
    const r = kbRole;
    if (r) {
      const aff = kbAffiliation;
      roles.push({
        title: r.title,
        affiliation: aff?.name ?? r.affiliation,
        ...(aff ? { affiliationCode: aff.code } : {}),
        agent: r.agent,
        from: r.from,
        ...(r.until ? { until: r.until } : {}),
        source: 'kb',
        // Without a publication date this is the knowledge base's latest role, not one dated by the article.
        ...(s.date ? {} : { unanchored: true }),
      });
    }
  }
  if (bylineRole && c.works.some((w) => w.byline)) roles.push({ title: 'author', source: 'meta' });
  return roles;
}

/** CAMEO code valid at the publication date: the text's own role first, then the KB role then, then PETRARCH. */
function cameoOf(s: CorefState, c: Cluster): string | null {
  switch (c.kind) {
    case 'country':
    case 'capital':
      return c.country?.code ?? null;
    case 'metonym':
      return c.country ? c.country.code + (c.metonymAgent ?? 'GOV') : null;
    case 'org':
      return c.org?.cameo ?? null;
    case 'coded':
      return c.coded ? codeAt(c.coded.codes, s.date) : null;
    case 'group':
    case 'person':
    case 'other':
      break;
  }
  // 1. The article's own words: affiliation + title agent.
  for (const r of c.textRoles) {
    const aff = r.affiliation;
    if (!aff?.code) continue;
    if ('org' in aff && aff.org) {
      if (aff.org.kind === 'IGO' || !aff.org.country) return aff.org.cameo;
      return aff.org.country + (r.former ? 'ELI' : (aff.org.agent ?? r.agent));
    }
    if (aff.code.length === 3 && r.agent !== 'IGO') return aff.code + (r.former ? 'ELI' : r.agent);
    return aff.code;
  }
  // A body of a KB organisation the text names in full ("U.N. Conciliation Commission").
  if (c.parent) return c.parent.cameo;
  // 2. The KB role held at the publication date; a person whose roles all ended is an elite.
  if (c.person) {
    const r = roleAt(c.person.roles, s.date);
    if (r) {
      const aff = s.kb.affiliation(r.affiliation);
      if (aff?.org)
        return aff.org.kind === 'IGO' || !aff.org.country ? aff.org.cameo : aff.org.country + r.agent;
      if (aff) return aff.code + r.agent;
    }
    const past = s.date
      ? roleAt(
          c.person.roles.filter((x) => x.until !== null && x.until < s.date!),
          undefined,
        )
      : undefined;
    const aff = past ? s.kb.affiliation(past.affiliation) : undefined;
    if (aff?.country) return aff.country.code + 'ELI';
  }
  // 3. A PETRARCH dictionary entry for the name.
  if (c.coded) return codeAt(c.coded.codes, s.date);
  return null;
}

/** An organisation's name as of the article's date: Twitter in 2019, X Corp. since. */
function nameAt(org: Organization, date: string | undefined): string {
  // "National Assembly (France)": the KB's disambiguation is no part of the name.
  if (!date) return org.name.replace(/ \([^)]*\)$/u, '');
  const former = (org.formerNames ?? [])
    .filter((f) => date < f.until)
    .sort((a, b) => (a.until < b.until ? -1 : 1));
  return former[0]?.name ?? org.name.replace(/ \([^)]*\)$/u, '');
}
