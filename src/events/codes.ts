import { z } from 'zod';
import { CameoAgent, authoredCountries } from '../actors/index.js';
import { loadData } from '../util/data.js';
import { once } from '../util/modules.js';

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

const Mapped = z.object({
  plover: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  reason: z.string(),
});
const PloverAgentsSchema = z.object({
  about: z.string(),
  sources: z.record(z.string(), z.string()),
  nonState: z.record(z.string(), z.string()),
  nonStateFromCameo: z.record(z.string(), Mapped),
  sectors: z.record(z.string(), z.string()),
  sectorFromCameo: z.record(z.string(), Mapped),
  notSectorsUnder: z.record(z.string(), z.object({ codes: z.array(z.string()), reason: z.string() })),
  secondary: z.object({ ethnicCase: z.literal('lower'), reason: z.string(), religions: z.array(z.string()) }),
});

interface PloverAgents {
  countries: ReadonlySet<string>;
  /** Actor-code heads as PLOVER writes them: a PLOVER non-state code, or CAMEO's that has one. */
  heads: ReadonlyMap<string, string>;
  /** CAMEO agent type → PLOVER sector, or null where PLOVER has none. */
  sectors: ReadonlyMap<string, string | null>;
  notSectorsUnder: ReadonlyMap<string, ReadonlySet<string>>;
  religions: ReadonlySet<string>;
}

/** The PLOVER actor and sector conventions (data/events/plover-agents.json), loaded once. */
const ploverAgents = once((): PloverAgents => {
  const raw = loadData('events/plover-agents.json', PloverAgentsSchema);
  const heads = new Map<string, string>();
  for (const c of NON_STATE) heads.set(c, c);
  for (const [c, m] of Object.entries(raw.nonStateFromCameo)) if (m.plover) heads.set(c, m.plover);
  const sectors = new Map<string, string | null>();
  // A CAMEO type PLOVER keeps is its own sector; the others are mapped or dropped by the table.
  for (const a of AGENT_TYPES) if (a in raw.sectors) sectors.set(a, a);
  for (const s of Object.keys(raw.sectors)) sectors.set(s, s);
  for (const [c, m] of Object.entries(raw.sectorFromCameo)) sectors.set(c, m.plover);
  return {
    countries: new Set(authoredCountries().map((x) => x.code)),
    heads,
    sectors,
    notSectorsUnder: new Map(Object.entries(raw.notSectorsUnder).map(([h, v]) => [h, new Set(v.codes)])),
    religions: new Set(raw.secondary.religions),
  };
});

/**
 * An actor code as PLOVER writes it (data/events/plover-agents.json): the country or non-state code,
 * its first sector in PLOVER's terms, and at most one secondary code, an ethnicity (lower case, as
 * CAMEO and ISO-639-2 write it) or a religion — without CAMEO's organisation, group and region
 * segments. "IGOUNO" → "IGO", "PSEREBHMS" → "PSEREB", "USAHLH" (health) → "USAMED", "USAMED" (media)
 * → "USAJRN", "IRQCVLkur" stays. PLOVER's event records code actors at this level.
 */
export function ploverActorCode(code: string): string {
  const c = code.trim();
  if (!/^[A-Za-z]{3}(?:[A-Za-z]{3})*$/.test(c)) return code;
  const k = ploverAgents();
  const head = c.slice(0, 3).toUpperCase();
  const ploverHead = k.countries.has(head) ? head : k.heads.get(head);
  if (!ploverHead) return code;
  const skip = k.notSectorsUnder.get(ploverHead);
  let sector: string | undefined;
  let secondary: string | undefined;
  for (let i = 3; i + 3 <= c.length; i += 3) {
    const seg = c.slice(i, i + 3);
    // CAMEO writes ethnic codes in lower case (cameo-actor-ethnic.tsv).
    if (/^[a-z]{3}$/.test(seg)) {
      secondary ??= seg;
      continue;
    }
    const up = seg.toUpperCase();
    if (sector === undefined && !skip?.has(up)) {
      const s = k.sectors.get(up);
      if (s) {
        sector = s;
        continue;
      }
    }
    if (k.religions.has(up)) secondary ??= up;
  }
  return sector ? `${ploverHead}${sector}${secondary ?? ''}` : ploverHead;
}
