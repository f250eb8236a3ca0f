import { z } from 'zod';
import { loadData } from '../../util/data.js';

const LexiconSchema = z.object({
  about: z.string(),
  stance: z.record(z.string(), z.array(z.string())),
  condition: z.object({ words: z.array(z.string()), sequences: z.array(z.array(z.string())) }),
  negation: z.object({
    words: z.array(z.string()),
    suffixes: z.array(z.string()),
    focus: z.array(z.string()),
    affirming: z.array(z.array(z.string())),
  }),
  complementiser: z.string(),
  functionWords: z.array(z.string()),
  titleWords: z.array(z.string()),
});

export interface StatementsLexicon {
  /** Word → stance class of a cue ("claimed" → claim). */
  stanceOf: Map<string, string>;
  conditionWords: Set<string>;
  conditionSequences: string[][];
  negationWords: Set<string>;
  negationSuffixes: string[];
  /** Focus words that make a negation before them additive ("not just a loser, a liar"): drift only. */
  negationFocus: Set<string>;
  /** Idioms that start with a negation and assert ("nothing short of"): drift only. */
  negationAffirming: string[][];
  complementiser: string;
  functionWords: Set<string>;
  /** Words of a title or description before a name ("front-runner", "nominee"): see Profile.namesOnly. */
  titleWords: Set<string>;
}

let cached: StatementsLexicon | undefined;

/** The statements knowledge (data/statements/lexicon.json), loaded once. */
export function statementsLexicon(): StatementsLexicon {
  if (cached) return cached;
  const raw = loadData('statements/lexicon.json', LexiconSchema);
  const stanceOf = new Map<string, string>();
  for (const [cls, words] of Object.entries(raw.stance)) for (const w of words) stanceOf.set(w, cls);
  cached = {
    stanceOf,
    conditionWords: new Set(raw.condition.words),
    conditionSequences: raw.condition.sequences,
    negationWords: new Set(raw.negation.words),
    negationSuffixes: raw.negation.suffixes,
    negationFocus: new Set(raw.negation.focus),
    negationAffirming: raw.negation.affirming,
    complementiser: raw.complementiser,
    functionWords: new Set(raw.functionWords),
    titleWords: new Set(raw.titleWords),
  };
  return cached;
}
