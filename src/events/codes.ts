import { CameoAgent, authoredCountries } from '../actors/index.js';

/** Prefixes that stand where a country would (international, non-state actors). */
const NON_STATE = new Set(['IGO', 'NGO', 'IMG', 'INT', 'MNC', 'NGM', 'UIS']);
/**
 * CAMEO agent (role) types: the second and later three-letter segments of an actor code. The actors
 * stage's list, less the prefixes above, and three types its knowledge base never assigns.
 */
const AGENT_TYPES: ReadonlySet<string> = new Set([
  ...CameoAgent.options.filter((a) => !NON_STATE.has(a)),
  'JRN',
  'DEV',
  'SET',
]);

let countries: Set<string> | undefined;

/**
 * An actor code at PLOVER's level: the country (or IGO/NGO/IMG prefix) and its first agent type,
 * without CAMEO's organisation, group and ethnic suffixes — "IGOUNO" → "IGO", "PSEREBHMS" → "PSEREB",
 * "IGOUNOIAE" → "IGO", "USAGOV" stays. PLOVER's event records code actors at this level.
 */
export function ploverActorCode(code: string): string {
  const c = code.trim().toUpperCase();
  if (!/^[A-Z]{3}(?:[A-Z]{3})*$/.test(c)) return code;
  countries ??= new Set(authoredCountries().map((x) => x.code));
  const head = c.slice(0, 3);
  if (!countries.has(head) && !NON_STATE.has(head)) return code;
  for (let k = 3; k + 3 <= c.length; k += 3) {
    const seg = c.slice(k, k + 3);
    if (AGENT_TYPES.has(seg)) return head + seg;
  }
  return head;
}
