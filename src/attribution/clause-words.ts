import { z } from 'zod';
import { loadData } from '../util/data.js';

/*
 * The grammar words the clause readings of the attribution stage rely on, from
 * `data/attribution/clause-words.json`: the unattributed-claim finder (`claims.ts`: "the United
 * States has withdrawn …") and the shared-subject reader (`subjects.ts`: "She didn't give a date, but
 * said …"), and the antecedent of a source that is a lone relative pronoun (`steps/relative-sources.ts`:
 * "Marco Rubio, who").
 */

const Words = z.array(z.string().min(1)).min(1);
const ClauseWordsSchema = z.strictObject({
  claims: z.strictObject({
    perfectAuxiliaries: Words,
    adverbs: Words,
    hedges: Words,
    irregularParticiples: Words,
    determiners: Words,
    clauseOpeners: Words,
    coordinators: Words,
    singularAuxiliaries: Words,
    correlatives: Words,
    subordinators: Words,
  }),
  subjects: z.strictObject({
    clauseVerbs: Words,
    joiners: Words,
    openers: Words,
    pronouns: Words,
    fronted: Words,
    relativeOrComma: Words,
    subjectRelatives: Words,
    nameParticles: Words,
    personalRelatives: Words,
    placeOrigins: Words,
    nounPrepositions: Words,
  }),
});

type Lists = z.infer<typeof ClauseWordsSchema>;
type SetsOf<T> = Record<keyof T, ReadonlySet<string>>;
export interface ClauseWords {
  claims: SetsOf<Lists['claims']>;
  subjects: SetsOf<Lists['subjects']>;
}

let cached: ClauseWords | undefined;

function setsOf<K extends string>(lists: Record<K, string[]>): Record<K, ReadonlySet<string>> {
  const out = {} as Record<K, ReadonlySet<string>>;
  for (const key of Object.keys(lists) as K[]) out[key] = new Set(lists[key]);
  return out;
}

/** The clause words as sets, read and validated once. */
export function clauseWords(): ClauseWords {
  if (cached) return cached;
  const data = loadData('attribution/clause-words.json', ClauseWordsSchema);
  cached = { claims: setsOf(data.claims), subjects: setsOf(data.subjects) };
  return cached;
}
