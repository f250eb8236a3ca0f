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

/** An extra verb entry (`--verbs FILE`, a PETRARCH dictionary): the code its lemma takes when typed so. */
export interface VerbEntry {
  lemma: string;
  code: string;
  /** Object words (lemmas) that refine the code: "lift" + "curfew" → 0813. */
  objects?: Record<string, string>;
  objectsOnly?: boolean;
}

const ModalityTable = z.record(z.string(), z.string());
export const ControlKindSchema = z.enum(['intent', 'threat', 'refuse', 'demand', 'appeal', 'transparent']);
export type ControlKind = z.infer<typeof ControlKindSchema>;

const GrammarSchema = z.object({
  about: z.string(),
  controls: z.record(ControlKindSchema, z.array(z.string())),
  modality: z.object({
    intent: ModalityTable,
    threat: ModalityTable,
    refuse: ModalityTable,
    demand: ModalityTable,
    appeal: ModalityTable,
    halt: ModalityTable,
  }),
  /** Verbs that halt or cut the cooperative act they govern ("suspended talks", "withdrew from the pact"). */
  halt: z.array(z.string()),
  /** Aspectual verbs ("renewed negotiations"), each with the dictionary verb whose object patterns code the act. */
  resume: z.record(z.string(), z.string()).default({}),
  /** Control words of likelihood or wish: they govern an act without stating one ("likely to face"). */
  notComposed: z.array(z.string()),
  /** Intent words that state an act of their own to someone ("agreed to pay", "offered to cover"). */
  actsOfTheirOwn: z.array(z.string()).default([]),
  /** Verbs (or verb + particle) whose subject receives the act their object noun names ("faced criticism"). */
  receive: z.array(z.string()).default([]),
  /** Verbs whose object act does not happen ("avoided criticism", "averted an attack"). */
  avoid: z.array(z.string()).default([]),
  /** Refusal words that say an act did not happen, not that it was refused ("failed to note"). */
  unwilled: z.array(z.string()).default([]),
  negators: z.array(z.string()),
  /** Determiners that deny the noun group they open and what it governs ("no knowledge of any efforts to"). */
  nominalNegators: z.array(z.string()).default([]),
  /** Words whose object or that-clause is denied ("denied ordering", "denied that"). */
  deniers: z.array(z.string()).default([]),
  futureAux: z.array(z.string()),
  hypotheticalAux: z.array(z.string()),
  obligationAux: z.array(z.string()),
  hypotheticalMarkers: z.array(z.string()),
  /** Unconventional violence by a military source is conventional force: "jets bombed" is 195, not 183. */
  militarySourceCodes: z.record(CameoCode, CameoCode),
  /** Nouns for a nation's people and their places and property ("Iraqi towns" → IRQCVL). */
  civilianNouns: z.array(z.string()),
  /** Modifiers that make an office holder a former one, coded ELI ("former prime minister"). */
  formerModifiers: z.array(z.string()),
  /** Generic role words that yield to a more specific agent in the same phrase ("rebel leaders" → REB). */
  genericRoleWords: z.array(z.string()),
  /** Pronouns that stand for an actor named before ("they", "its"). */
  actorPronouns: z.array(z.string()),
  /** Capitalised words that start no actor phrase ("Monday", sentence-initial "The"). */
  notActors: z.array(z.string()),
});
type GrammarFile = z.infer<typeof GrammarSchema>;
/** The grammar with its word lists as sets, and control word → kind. */
export interface Grammar {
  controlKind: Map<string, ControlKind>;
  modality: GrammarFile['modality'];
  negators: Set<string>;
  nominalNegators: Set<string>;
  deniers: Set<string>;
  futureAux: Set<string>;
  hypotheticalAux: Set<string>;
  obligationAux: Set<string>;
  hypotheticalMarkers: Set<string>;
  militarySourceCodes: Record<string, string>;
  halt: Set<string>;
  resume: ReadonlyMap<string, string>;
  notComposed: Set<string>;
  actsOfTheirOwn: Set<string>;
  receive: Set<string>;
  avoid: Set<string>;
  unwilled: Set<string>;
  civilianNouns: Set<string>;
  formerModifiers: Set<string>;
  genericRoleWords: Set<string>;
  actorPronouns: readonly string[];
  notActors: Set<string>;
}

export const codebook = (): Record<string, CodeFacts> =>
  loadData('events/cameo-codebook.json', CodebookSchema).codes;

/** Facts of a CAMEO code; unknown sub-codes fall back to their base and root code. */
export function codeFacts(code: string): CodeFacts | undefined {
  const book = codebook();
  return book[code] ?? book[code.slice(0, 3)] ?? book[code.slice(0, 2)];
}

let grammarCache: Grammar | undefined;

/** The predicate grammar (data/events/grammar.json) with its word lists as sets. */
export function grammar(): Grammar {
  if (grammarCache) return grammarCache;
  const raw = loadData('events/grammar.json', GrammarSchema);
  const controlKind = new Map<string, ControlKind>();
  // Earlier kinds win: "vow" is a threat before an intent.
  for (const kind of ['threat', 'refuse', 'demand', 'appeal', 'intent', 'transparent'] as const)
    for (const w of raw.controls[kind] ?? []) if (!controlKind.has(w)) controlKind.set(w, kind);
  grammarCache = {
    controlKind,
    modality: raw.modality,
    negators: new Set(raw.negators),
    nominalNegators: new Set(raw.nominalNegators),
    deniers: new Set(raw.deniers),
    futureAux: new Set(raw.futureAux),
    hypotheticalAux: new Set(raw.hypotheticalAux),
    obligationAux: new Set(raw.obligationAux),
    hypotheticalMarkers: new Set(raw.hypotheticalMarkers),
    militarySourceCodes: raw.militarySourceCodes,
    halt: new Set(raw.halt),
    resume: new Map(Object.entries(raw.resume)),
    notComposed: new Set(raw.notComposed),
    actsOfTheirOwn: new Set(raw.actsOfTheirOwn),
    receive: new Set(raw.receive),
    avoid: new Set(raw.avoid),
    unwilled: new Set(raw.unwilled),
    civilianNouns: new Set(raw.civilianNouns),
    formerModifiers: new Set(raw.formerModifiers),
    genericRoleWords: new Set(raw.genericRoleWords),
    actorPronouns: raw.actorPronouns,
    notActors: new Set(raw.notActors),
  };
  return grammarCache;
}
