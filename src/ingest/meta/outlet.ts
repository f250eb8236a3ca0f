/**
 * The outlet's name. Order of trust: the site name (`og:site_name`, `application-name`), the
 * JSON-LD publisher, Dublin Core publisher, then the table of hosts (data/ingest/outlets.json),
 * the `<title>` prefix or suffix, the Twitter handle, and the host name. A name that does not match
 * the host ("Hosted" on ap.org, a section name such as "U.S.") gives way to the table and to names
 * that do; a handle-like name ("detroitnews", "@politifact") gives way to a proper one ("The Detroit
 * News") from a less trusted place.
 */
import { z } from 'zod';
import type { MetaSource } from '../../model/index.js';
import { loadData } from '../../util/data.js';

const OutletsSchema = z.object({ description: z.string(), outlets: z.record(z.string(), z.string()) });

/** A name the page gives itself, and where. */
export interface OutletCandidate {
  name: string;
  from: MetaSource;
}

export interface OutletSources {
  /** Site names and publishers in order of trust (open-graph, site-meta, json-ld, dublin-core). */
  named: OutletCandidate[];
  documentTitle?: string;
  twitterSite?: string;
  url?: string;
}

/** Second-level suffixes under which the registrable name is one label further left. */
const TWO_LEVEL = /\.(?:co|com|net|org|gov|ac|edu|ne|or)\.[a-z]{2}$/;

/** The host without `www.`, and its registrable label ("nytimes" of www.nytimes.com). */
function hostOf(url: string | undefined): { host: string; label: string } | undefined {
  if (!url) return undefined;
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^www\d?\./, '');
    const labels = host.split('.');
    const label = labels[labels.length - (TWO_LEVEL.test(host) ? 3 : 2)] ?? labels[0];
    return { host, label };
  } catch {
    return undefined;
  }
}

const compactName = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether a name fits the host: shares four or more letters in a row with its registrable label. */
function resembles(name: string, label: string): boolean {
  if (!/[a-z]/i.test(name)) return true; // A name in another script cannot be compared; trust it.
  const a = compactName(name);
  const b = label.replace(/[^a-z0-9]+/g, '');
  if (b.length <= 4) return a.includes(b);
  for (let i = 0; i + 4 <= b.length; i++) if (a.includes(b.slice(i, i + 4))) return true;
  return false;
}

/** A handle or a bare domain ("detroitnews", "@politifact", "Wday_", "livescience.com") rather than a name. */
function handleLike(raw: string, name: string): boolean {
  if (raw.trim().startsWith('@') || name.includes('_')) return true;
  return !/\s/.test(name) && name === name.toLowerCase();
}

/** A site name without taglines ("LinkNaija | Nigeria's popular news platform"); undefined for URLs. */
function cleanName(raw: string, label: string | undefined): string | undefined {
  const t = raw.replace(/\s+/g, ' ').trim().replace(/^@/, '');
  if (!t || /^https?:|^www\./i.test(t) || t.length > 120) return undefined;
  const parts = t.split(/\s+[|–—]\s+|\s+-\s+/).filter(Boolean);
  if (parts.length > 1) return (label && parts.find((p) => resembles(p, label))) ?? parts[0];
  return t;
}

/** The site name carried by a `<title>` ("Rail strike called off | Northern Post"), if short. */
function titleNames(title: string | undefined): string[] {
  if (!title) return [];
  const parts = title.split(/\s+[|–—:·•»]\s+|\s+-\s+|:\s+/).map((p) => p.trim());
  if (parts.length < 2) return [];
  const short = (p: string): boolean => p.length >= 2 && p.length <= 40 && p.split(/\s+/).length <= 4;
  return [parts[parts.length - 1], parts[0]].filter(short);
}

let table: Record<string, string> | undefined;
function outletTable(): Record<string, string> {
  table ??= loadData('ingest/outlets.json', OutletsSchema).outlets;
  return table;
}

function tableName(host: string): string | undefined {
  const t = outletTable();
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const name = t[labels.slice(i).join('.')];
    if (name) return name;
  }
  return undefined;
}

/** The outlet's name and where it was read; undefined when the page and its URL say nothing. */
export function chooseOutlet(src: OutletSources): OutletCandidate | undefined {
  const h = hostOf(src.url);
  const named = src.named
    .map((c) => {
      const name = cleanName(c.name, h?.label);
      return name ? { name, from: c.from, handle: handleLike(c.name, name) } : undefined;
    })
    .filter((c): c is OutletCandidate & { handle: boolean } => c !== undefined);
  const titled = titleNames(src.documentTitle).map((name) => ({
    name,
    from: 'title' as const,
    handle: handleLike(name, name),
  }));
  const fits = (c: { name: string }): boolean => !h || resembles(c.name, h.label);
  const proper = named.find((c) => !c.handle && fits(c));
  if (proper) return { name: proper.name, from: proper.from };
  const listed = h ? tableName(h.host) : undefined;
  if (listed) return { name: listed, from: 'outlet-table' };
  const fromTitle = h ? titled.find((c) => !c.handle && fits(c)) : undefined;
  if (fromTitle) return { name: fromTitle.name, from: 'title' };
  const any = [...named, ...titled].find(fits) ?? named.find((c) => !c.handle);
  if (any) return { name: any.name, from: any.from };
  const handle = src.twitterSite?.trim().replace(/^@/, '');
  if (handle && h && /^\w{2,30}$/.test(handle) && resembles(handle, h.label))
    return { name: handle, from: 'site-meta' };
  return h ? { name: h.host, from: 'hostname' } : undefined;
}
