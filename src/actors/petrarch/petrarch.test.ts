import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../util/data.js';
import { codeAt, KnowledgeBase } from '../kb/index.js';
import { resolveActors } from '../resolve.js';
import { fixtureSources } from '../__fixtures__/kb.js';
import { docWith } from '../__fixtures__/doc.js';
import {
  agentsToRoleWords,
  loadPetrarchActors,
  loadPetrarchAgents,
  parsePetrarchActors,
  parsePetrarchAgents,
} from './index.js';
import type { ParseReport } from './index.js';

const ACTORS = `
<!-- a test dictionary
     spanning lines -->
# comment line
JOHN_KERRY_ # just KERRY is vague
+SECRETARY_KERRY_
+SECRETARY_OF_STATE_JOHN_KERRY_
	[USAELI]
	[USAGOV 130201-170120]
GANDALF  [WIZ]
GOLLUM
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
BOROMIR  [---]
ORPHAN_CODE_BAD [x!y 950601]
WASHINGTON  [USAGOV] #jw 9/14/91
`;

describe('PETRARCH actor dictionaries', () => {
  it('reads entries, synonyms, dated codes and comments', () => {
    const report: ParseReport = { warnings: [] };
    const entries = parsePetrarchActors(ACTORS, report);
    expect(entries.map((e) => e.name)).toEqual([
      'John Kerry',
      'Gandalf',
      'Gollum',
      'Boromir',
      'Orphan Code Bad',
      'Washington',
    ]);
    const kerry = entries[0];
    expect(kerry.names).toEqual(['John Kerry', 'Secretary Kerry', 'Secretary of State John Kerry']);
    expect(kerry.codes).toEqual([
      { code: 'USAELI' },
      { code: 'USAGOV', from: '2013-02-01', until: '2017-01-20' },
    ]);
    const gollum = entries[2];
    expect(gollum.codes).toEqual([
      { code: 'HOB', until: '1995-05-31' },
      { code: 'HOBGOV', from: '1995-06-01', until: '1999-08-15' },
      { code: 'HOBREB', from: '1999-08-17' },
    ]);
    expect(entries[3].codes).toEqual([{ code: null }]);
    expect(report.warnings.length).toBe(1);
    expect(report.warnings[0]).toMatch(/invalid actor code "x!y"/);
  });

  it('picks the code valid at a date', () => {
    const [kerry, , gollum] = parsePetrarchActors(ACTORS);
    expect(codeAt(kerry.codes, '2015-06-01')).toBe('USAGOV');
    expect(codeAt(kerry.codes, '2020-06-01')).toBe('USAELI');
    expect(codeAt(gollum.codes, '1990-01-01')).toBe('HOB');
    expect(codeAt(gollum.codes, '1997-01-01')).toBe('HOBGOV');
    expect(codeAt(gollum.codes, '2005-01-01')).toBe('HOBREB');
    expect(codeAt(gollum.codes, undefined)).toBe('HOBREB');
  });

  it('serves as an extra knowledge source for the stage, time-aware', () => {
    const kb = new KnowledgeBase({ ...fixtureSources, petrarch: parsePetrarchActors(ACTORS) });
    const code = (date: string) => {
      const doc = docWith('John Kerry spoke in Geneva.', [['John Kerry', 'PERSON']], { published: date });
      return resolveActors(doc, kb).actors.find((a) => a.name === 'John Kerry')?.cameo;
    };
    expect(code('2015-06-01')).toBe('USAGOV');
    expect(code('2019-06-01')).toBe('USAELI');
  });

  it('reads agents with substitution sets, plurals and prefix/suffix codes', () => {
    const agents = parsePetrarchAgents(`
!MINIST! = MINISTER, MINISTERS
FOREIGN_!MINIST! [~GOVFRM] # jap
POLICE {} [ ~COP]
MSF {}  [NGO~]
AMBASSADOR {AMBASSADORS} [~GOV]
`);
    expect(agents[0]).toEqual({
      words: ['foreign minister', 'foreign ministers'],
      code: 'GOVFRM',
      placement: 'suffix',
      noPlural: false,
    });
    expect(agents[1]).toMatchObject({ words: ['police'], code: 'COP', noPlural: true });
    expect(agents[2]).toMatchObject({ code: 'NGO', placement: 'prefix' });
    expect(agents[3].words).toEqual(['ambassador', 'ambassadors']);
    const roleWords = agentsToRoleWords(agents);
    expect(roleWords).toContainEqual({
      words: ['foreign minister', 'foreign ministers'],
      agent: 'GOV',
      title: true,
    });
    expect(roleWords).toContainEqual({ words: ['police'], agent: 'COP', title: false });
  });

  it('refuses a missing file with a clear error', () => {
    expect(() => loadPetrarchActors('/nonexistent/actors.txt')).toThrow(/cannot read PETRARCH dictionary/);
  });
});

const SHARED = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'dictionaries');
const hasShared = existsSync(SHARED);
if (!hasShared) console.warn(`PETRARCH shared-dictionary tests skipped: ${SHARED} not found`);

describe.skipIf(!hasShared)('PETRARCH shared dictionaries', () => {
  it("loads the validation actors (Gollum's dated codes, synonyms)", () => {
    const entries = loadPetrarchActors(path.join(SHARED, 'PETR.Validate.actors.txt'));
    const gollum = entries.find((e) => e.name === 'Gollum')!;
    expect(gollum.names).toContain('Smeagol');
    expect(codeAt(gollum.codes, '1997-01-01')).toBe('HOBGOV');
    const sam = entries.find((e) => e.name === 'Sam Gamgee')!;
    expect(codeAt(sam.codes, '2010-01-10')).toBe('ORCHOB');
  });

  it('loads the Phoenix actors: NATO IGOWSTNAT, Obama USAGOV in 2012', () => {
    const intl = loadPetrarchActors(path.join(SHARED, 'Phoenix.International.actors.txt'));
    expect(intl.length).toBeGreaterThan(5000);
    expect(
      codeAt(intl.find((e) => e.names.includes('North Atlantic Treaty Organization'))!.codes, '2015-01-01'),
    ).toBe('IGOWSTNAT');
    const countries = loadPetrarchActors(path.join(SHARED, 'Phoenix.Countries.actors.txt'));
    expect(countries.length).toBeGreaterThan(15000);
    const obama = countries.find((e) => e.name === 'Barack Obama')!;
    expect(codeAt(obama.codes, '2012-06-01')).toBe('USAGOV');
  });

  it('loads the agent dictionaries as role words', () => {
    const phoenix = agentsToRoleWords(loadPetrarchAgents(path.join(SHARED, 'Phoenix.agents.txt')));
    expect(phoenix.length).toBeGreaterThan(1500);
    expect(phoenix.find((r) => r.words.includes('president'))?.agent).toBe('GOV');
    const validate = agentsToRoleWords(loadPetrarchAgents(path.join(SHARED, 'PETR.Validate.agents.txt')));
    expect(validate.find((r) => r.words.includes('foreign minister'))?.agent).toBe('GOV');
  });
});
