/**
 * One key per outlet however an article spells it: "the Continental Wire", "Continental Wire" and
 * "CONTINENTAL WIRE" are one node of the outlet graph; a host name ("cnn.com", "www.nbcnews.com")
 * keys as its name ("cnn", "nbcnews"). Case, a leading article, a possessive and punctuation around
 * the name are not part of the outlet.
 */
export function outletKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .trim()
    .replace(/^www\./u, '')
    .replace(/\.(com|org|net|co\.uk)$/u, '')
    .replace(/[’']s$/u, '')
    .replace(/^the\s+/u, '')
    .replace(/[^\p{L}\p{N}.&]+/gu, ' ')
    .trim();
}

const words = (key: string) => key.split(' ').filter(Boolean);

/**
 * Whether two outlet keys name one outlet: equal; equal without spaces ("nbcnews", "nbc news"); one
 * the other's last words ("gazette" in the "lindholm gazette"); word by word a shortening ("huff
 * post", "huffington post"); or initials ("nyt", "new york times"). Used to tell an outlet crediting
 * itself ("told the Valmora Post" in the Post: its own reporting, not a relay) and to find the
 * relayed outlet's own article.
 */
export function sameOutlet(a: string, b: string): boolean {
  if (a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`)) return true;
  if (a.replace(/ /g, '') === b.replace(/ /g, '')) return true;
  const wa = words(a);
  const wb = words(b);
  if (
    wa.length === wb.length &&
    wa.length > 1 &&
    wa.every((w, i) => wb[i].startsWith(w) || w.startsWith(wb[i]))
  )
    return true;
  const initials = (ws: string[]) => ws.map((w) => w[0]).join('');
  return (
    (wa.length === 1 && wb.length > 2 && wa[0] === initials(wb)) ||
    (wb.length === 1 && wa.length > 2 && wb[0] === initials(wa))
  );
}

/**
 * The key of the one fuller outlet name among `named` whose last words `key` is ("post" →
 * "washington post" in an article that named the Washington Post), else `key` itself: none, or
 * two that fit ("washington post", "new york post"), leave the short name as written.
 */
export function fullerName(key: string, named: readonly string[]): string {
  const fits = named.filter((n) => n !== key && n.endsWith(` ${key}`));
  return fits.length === 1 ? fits[0] : key;
}

/** A name rather than a description: every word capitalised but linking words ("a reporter for USA Today" is none). */
const isProperName = (name: string): boolean =>
  name
    .replace(/^the\s+/iu, '')
    .split(/\s+/u)
    .every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(of|the|and|&)$/u.test(w));

/** The keys of the outlet names an article gives, descriptions left out: what `fullerName` may choose from. */
export function namedOutletKeys(names: readonly string[]): string[] {
  return [...new Set(names.filter(isProperName).map(outletKey).filter(Boolean))];
}
