/**
 * One key per outlet however an article spells it: "the Continental Wire", "Continental Wire" and
 * "CONTINENTAL WIRE" are one node of the outlet graph. Case, a leading article and punctuation
 * around the name are not part of the outlet.
 */
export function outletKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']s$/u, '')
    .replace(/^the\s+/u, '')
    .replace(/[^\p{L}\p{N}.&]+/gu, ' ')
    .trim();
}

/**
 * Whether two outlet keys name one outlet: equal, or one the other's last words ("gazette" in an
 * article of the "lindholm gazette"). An outlet crediting itself ("told the Valmora Post" in the
 * Post) is its own reporting, not a relay.
 */
export function sameOutlet(a: string, b: string): boolean {
  return a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`);
}
