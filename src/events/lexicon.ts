import { z } from 'zod';
import { loadData } from '../util/data.js';

/* Schemas and loaders of the events coder's authored data (data/events/*.json). */

const CameoCode = z.string().regex(/^\d{2,4}$/);

const CodeFactsSchema = z.object({
  name: z.string(),
  goldstein: z.number(),
  quadClass: z.number().int().min(1).max(4),
  plover: z.object({ type: z.string(), mode: z.string().optional() }).nullable(),
});
export type CodeFacts = z.infer<typeof CodeFactsSchema>;
const CodebookSchema = z.object({ about: z.string(), codes: z.record(CameoCode, CodeFactsSchema) });

const VerbEntrySchema = z.object({
  lemma: z.string(),
  code: CameoCode,
  /** A particle that must follow the verb ("blow up", "hand over"). */
  particle: z.string().optional(),
  /** Object words (lemmas) that refine the code: "lift" + "curfew" → 0813. */
  objects: z.record(z.string(), CameoCode).optional(),
  /** The verb is an event only with one of its objects ("lift" alone is not). */
  objectsOnly: z.boolean().optional(),
  /** The giver is the "from" phrase and the subject receives ("received weapons from Y"). */
  reverse: z.boolean().optional(),
  /** Code when the act is joint (compound subject or a "with" partner): exercises alone are a show of force. */
  joint: CameoCode.optional(),
});
export type VerbEntry = z.infer<typeof VerbEntrySchema>;

const NounEntrySchema = z.object({
  lemma: z.string(),
  code: CameoCode,
  /** Verbs that make this noun an event, replacing the shared light-verb list. */
  lightVerbs: z.array(z.string()).optional(),
  /** Code when the act is joint (compound subject or a "with" partner). */
  joint: CameoCode.optional(),
});
export type NounEntry = z.infer<typeof NounEntrySchema>;

const ModalityTable = z.record(z.string(), z.string());
export const ControlKindSchema = z.enum(['intent', 'threat', 'refuse', 'demand', 'appeal', 'transparent']);
export type ControlKind = z.infer<typeof ControlKindSchema>;

const VerbLexiconSchema = z.object({
  about: z.string(),
  verbs: z.array(VerbEntrySchema),
  nouns: z.array(NounEntrySchema),
  lightVerbs: z.array(z.string()),
  reporting: z.array(z.string()),
  controls: z.record(ControlKindSchema, z.array(z.string())),
  modality: z.object({
    intent: ModalityTable,
    threat: ModalityTable,
    refuse: ModalityTable,
    demand: ModalityTable,
    appeal: ModalityTable,
  }),
  /** Codes whose unstated target is the source's own country (a government easing its own curfew). */
  domesticTargetCodes: z.array(CameoCode),
  /** Unconventional violence by a military source is conventional force: "jets bombed" is 195, not 183. */
  militarySourceCodes: z.record(CameoCode, CameoCode),
  /** Prepositions that introduce a target for some CAMEO roots although they usually mark a topic ("sanctions on X"). */
  targetPrepositionsByRoot: z.record(z.string(), z.array(z.string())),
  /** Irregular verb forms → lemma, for the tagger's misses and the sentence pre-filter. */
  irregularForms: z.record(z.string(), z.string()),
  negators: z.array(z.string()),
  futureAux: z.array(z.string()),
  hypotheticalAux: z.array(z.string()),
  obligationAux: z.array(z.string()),
  /** Verbs after "must"/"should" that state no demanded act ("must be", "should know"). */
  obligationSkip: z.array(z.string()),
  hypotheticalMarkers: z.array(z.string()),
});
export type VerbLexicon = z.infer<typeof VerbLexiconSchema>;

const AgentCode = z.string().regex(/^[A-Z]{3}$/);
const ActorWordsSchema = z.object({
  about: z.string(),
  countryAliases: z.array(
    z.object({
      code: AgentCode,
      /** Agent the names stand for ("White House" → GOV); none for plain country names. */
      agent: AgentCode.optional(),
      names: z.array(z.string()).optional(),
      demonyms: z.array(z.string()).optional(),
    }),
  ),
  organizations: z.array(z.object({ code: z.string().regex(/^[A-Z]{3,9}$/), names: z.array(z.string()) })),
  agents: z.array(z.object({ agent: AgentCode, words: z.array(z.string()) })),
  /** Nouns for a nation's people and their places and property ("Iraqi towns" → IRQCVL). */
  civilianNouns: z.array(z.string()),
  /** Modifiers that make an office holder a former one, coded ELI ("former prime minister"). */
  formerModifiers: z.array(z.string()),
  pronouns: z.array(z.string()),
  notActors: z.array(z.string()),
});
export type ActorWords = z.infer<typeof ActorWordsSchema>;

const CountriesSchema = z.object({
  about: z.string(),
  countries: z.array(
    z.object({
      code: AgentCode,
      names: z.array(z.string()),
      demonyms: z.array(z.string()),
      capital: z.string().optional(),
    }),
  ),
});
export type FallbackCountries = z.infer<typeof CountriesSchema>;

export const codebook = (): Record<string, CodeFacts> =>
  loadData('events/cameo-codebook.json', CodebookSchema).codes;
export const verbLexicon = (): VerbLexicon => loadData('events/verbs.json', VerbLexiconSchema);
export const actorWords = (): ActorWords => loadData('events/actor-words.json', ActorWordsSchema);
export const fallbackCountries = (): FallbackCountries =>
  loadData('events/fallback-countries.json', CountriesSchema);

/** Facts of a CAMEO code; unknown sub-codes fall back to their base and root code. */
export function codeFacts(code: string): CodeFacts | undefined {
  const book = codebook();
  return book[code] ?? book[code.slice(0, 3)] ?? book[code.slice(0, 2)];
}
