import { z } from 'zod';
import { loadData } from '../util/data.js';
import { once } from '../util/modules.js';

/*
 * The grammatical gender a person's mentions give them, for pronoun agreement: the text's own
 * words first (an honorific, a gendered title), then the first name (data/actors/first-names.json,
 * only names whose gender is not in doubt). Conflicting evidence leaves the gender unknown, and an
 * unknown gender agrees with every pronoun, so a wrong guess can only make a pronoun unresolved.
 */

export type Gender = 'male' | 'female';

/** Honorifics and gendered person nouns, as token keys. Closed-class grammar, not knowledge. */
const GENDERED_WORDS: ReadonlyMap<string, Gender> = new Map([
  ...(['mr', 'sir', 'lord', 'mister', 'monsieur', 'herr', 'senor', 'señor'] as const).map(
    (w) => [w, 'male'] as const,
  ),
  ...(
    ['mrs', 'ms', 'miss', 'dame', 'lady', 'madam', 'madame', 'mme', 'frau', 'senora', 'señora'] as const
  ).map((w) => [w, 'female'] as const),
  ...pairs([
    ['spokesman', 'spokeswoman'],
    ['congressman', 'congresswoman'],
    ['chairman', 'chairwoman'],
    ['assemblyman', 'assemblywoman'],
    ['councilman', 'councilwoman'],
    ['policeman', 'policewoman'],
    ['businessman', 'businesswoman'],
    ['sportsman', 'sportswoman'],
    ['king', 'queen'],
    ['prince', 'princess'],
    ['duke', 'duchess'],
    ['emperor', 'empress'],
    ['husband', 'wife'],
    ['father', 'mother'],
    ['son', 'daughter'],
    ['brother', 'sister'],
    ['uncle', 'aunt'],
    ['nephew', 'niece'],
    ['grandfather', 'grandmother'],
    ['man', 'woman'],
    ['boy', 'girl'],
    ['actor', 'actress'],
    ['widower', 'widow'],
    ['boyfriend', 'girlfriend'],
    ['fiance', 'fiancee'],
  ]),
]);

function pairs(list: ReadonlyArray<readonly [string, string]>): Array<readonly [string, Gender]> {
  return list.flatMap(([m, f]) => [[m, 'male'] as const, [f, 'female'] as const]);
}

/** The gender an honorific or gendered noun gives ("mr" → male, "spokeswoman" → female). */
export function wordGender(key: string): Gender | undefined {
  return GENDERED_WORDS.get(key);
}

const FirstNamesSchema = z.object({ male: z.string(), female: z.string(), unisex: z.string() });
/** Each listed first name's gender, or 'unisex' for a name of both (data/actors/first-names.json), loaded once. */
const firstNames = once((): ReadonlyMap<string, Gender | 'unisex'> => {
  const data = loadData('actors/first-names.json', FirstNamesSchema);
  const names = new Map<string, Gender | 'unisex'>();
  for (const n of data.male.split(' ')) if (n) names.set(n, 'male');
  for (const n of data.female.split(' ')) if (n) names.set(n, 'female');
  for (const n of data.unisex.split(' ')) if (n) names.set(n, 'unisex');
  return names;
});

function firstNameEntry(key: string): Gender | 'unisex' | undefined {
  return firstNames().get(key);
}

/** The gender of a first name (token key), when the name lists agree on it. */
export function firstNameGender(key: string): Gender | undefined {
  const entry = firstNameEntry(key);
  return entry === 'unisex' ? undefined : entry;
}

/** True for a first name (token key) of either gender or of both ("taylor", "morgan", "andrea"). */
export function isFirstName(key: string): boolean {
  return firstNameEntry(key) !== undefined;
}

/** Combines evidence: the text's words outrank the name list; a conflict at one level is unknown. */
export class GenderVotes {
  private text = new Set<Gender>();
  private names = new Set<Gender>();

  addWord(g: Gender | undefined): void {
    if (g) this.text.add(g);
  }

  addName(g: Gender | undefined): void {
    if (g) this.names.add(g);
  }

  result(): Gender | undefined {
    if (this.text.size === 1) return [...this.text][0];
    if (this.text.size > 1) return undefined;
    return this.names.size === 1 ? [...this.names][0] : undefined;
  }
}

/** The gender a third-person pronoun asks for; undefined for they/it. */
export function pronounGender(key: string): Gender | undefined {
  if (key === 'he' || key === 'him' || key === 'his' || key === 'himself') return 'male';
  if (key === 'she' || key === 'her' || key === 'hers' || key === 'herself') return 'female';
  return undefined;
}
