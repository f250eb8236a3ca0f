/**
 * Generates data/events/fallback-countries.json — country names, demonyms and capitals keyed by
 * CAMEO country code — from the `world-countries` package (a dev dependency). The events coder uses
 * it only when the actors stage has not coded an actor (see src/events/actors.ts).
 *   npx tsx src/events/scripts/build-countries.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../../util/data.js';

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  independent?: boolean;
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { m: string; f: string } };
}
const require = createRequire(import.meta.url);
const list = JSON.parse(
  readFileSync(require.resolve('world-countries/countries.json'), 'utf8'),
) as WorldCountry[];

/** Plural of a demonym as news uses it for people ("Afghans", "Israelis"); "-ese"/"-sh"/"-ch" stay. */
function plural(d: string): string | undefined {
  if (/(?:ese|ss|sh|ch|s)$/i.test(d)) return undefined;
  return `${d}s`;
}

// Independent states first, so a demonym shared with a territory ("French", "American") names the state.
const out = [...list]
  .sort((a, b) => Number(b.independent === true) - Number(a.independent === true))
  .filter((c) => /^[A-Z]{3}$/.test(c.cca3))
  .map((c) => {
    const names = new Set<string>([c.name.common, c.name.official]);
    // Long alternative spellings only: two-letter codes ("US") are added deliberately in actor-words.json.
    for (const a of c.altSpellings) if (a.length > 3 && !/[^\p{L}\s'.-]/u.test(a)) names.add(a);
    const demonyms = new Set<string>();
    const d = c.demonyms?.eng;
    if (d) {
      for (const x of [d.m, d.f].flatMap((v) => v.split(/,\s*/))) {
        if (!x) continue;
        demonyms.add(x);
        const p = plural(x);
        if (p) demonyms.add(p);
      }
    }
    return {
      code: c.cca3,
      names: [...names],
      demonyms: [...demonyms],
      ...(c.capital?.[0] ? { capital: c.capital[0] } : {}),
    };
  });
const file = path.join(PROJECT_ROOT, 'data', 'events', 'fallback-countries.json');
writeFileSync(
  file,
  JSON.stringify(
    {
      about:
        "Country names, demonyms and capitals by CAMEO (ISO alpha-3) code, generated from world-countries by src/events/scripts/build-countries.ts. Used only as the events coder's fallback when no actor code is known.",
      countries: out,
    },
    null,
    1,
  ) + '\n',
);
console.log(`wrote ${out.length} countries`);
