import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../util/data.js';
import { loadPetrarchVerbs, parsePetrarchVerbs, petrarchToEntries } from './petrarch.js';

const FIXTURE = `
####### SYNONYM SETS #######
&FOOD_
+FOOD
+GRAIN

####### VERB PATTERNS #######
---  RUSH   [---]  ---
RUSH
SPEED {SPEEDING SPEEDS SPED }
- * AID                                               [070]         # RUSH
- * &FOOD_                                            [073]         # RUSH
- * (TO)                                              [042:043]     # RUSH

---  ACCUSE   [112]  ---
ACCUSE # comment
- * OF ESPIONAGE                                      [1125]
`;

describe('PETRARCH verb dictionary loader', () => {
  it('reads blocks, verbs, patterns and synonym sets from an inline fixture', () => {
    const dict = parsePetrarchVerbs(FIXTURE);
    expect(dict.synsets.get('&FOOD_')).toEqual(['food', 'grain']);
    expect(dict.blocks.map((b) => [b.name, b.code, b.verbs])).toEqual([
      ['RUSH', null, ['rush', 'speed']],
      ['ACCUSE', '112', ['accuse']],
    ]);
    const entries = petrarchToEntries(dict);
    const rush = entries.find((e) => e.lemma === 'rush')!;
    expect(rush.objectsOnly).toBe(true);
    expect(rush.objects).toMatchObject({ aid: '070', food: '073', grain: '073' });
    expect(entries.find((e) => e.lemma === 'accuse')).toMatchObject({ code: '112', objects: { of: '1125' } });
  });
  it('never throws on malformed text', () => {
    expect(parsePetrarchVerbs('--- BROKEN\n- * [\n\u0000').blocks).toEqual([]);
  });
});

const shared = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'dictionaries', 'CAMEO.2.0.txt');
const haveShared = existsSync(shared);
if (!haveShared) console.warn(`PETRARCH CAMEO.2.0 test skipped: ${shared} not found (../shared is absent)`);
describe.skipIf(!haveShared)('PETRARCH CAMEO.2.0.txt', () => {
  it('loads more than a thousand verb entries with valid CAMEO codes', () => {
    const entries = loadPetrarchVerbs(shared);
    expect(entries.length).toBeGreaterThan(1000);
    for (const e of entries) expect(e.code).toMatch(/^\d{2,4}$/);
    expect(entries.find((e) => e.lemma === 'accuse')?.code.slice(0, 2)).toBe('11');
  });
});
