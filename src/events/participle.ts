import type { PreparedSentence } from './sentence.js';

/*
 * A past participle that modifies a noun instead of stating its subject's act: "one of 20 students
 * killed at the school", "the parents of a soldier killed by a suicide bomber", "another freed
 * American". Its noun is acted upon, as a passive's subject is; the tagger, which sees a noun before a
 * verb, takes it for the actor (a victim as the source of the killing).
 */

/** The endings of a past participle (killed, taken, shown, done). */
const PARTICIPLE = /(?:ed|en|wn|ne)$/;
/** Words after a participle that show it has no object: a preposition, "by", a clause break. */
const NO_OBJECT_POS: ReadonlySet<string> = new Set(['ADP', 'PUNCT']);
/** Words before a noun that show it is not its clause's subject ("one of 20 students", "was one of"). */
const BEFORE_NOUN_GROUP: ReadonlySet<string> = new Set(['DET', 'NUM', 'ADJ', 'PROPN', 'NOUN']);

/** Whether the verb at i is a participle modifying a noun next to it (before it or after it). */
export function participleModifier(s: PreparedSentence, i: number): boolean {
  const t = s.toks[i]!;
  if (t.pos !== 'VERB' || t.lower === t.lemma || !PARTICIPLE.test(t.lower)) return false;
  const prev = s.toks[i - 1];
  const next = s.toks[i + 1];
  if (!prev) return false;
  // Before its noun: "another freed American", "the slain soldier".
  if ((prev.pos === 'DET' || prev.pos === 'ADJ') && (next?.pos === 'NOUN' || next?.pos === 'PROPN'))
    return true;
  // After its noun, with no object of its own: "students killed at", "a soldier killed by".
  if (prev.pos !== 'NOUN' && prev.pos !== 'PROPN') return false;
  if (next?.lower === 'by') return true;
  if (next && !NO_OBJECT_POS.has(next.pos)) return false;
  return nounNotSubject(s, i - 1);
}

/**
 * Whether the noun group ending at h is counted or determined ("20 students", "a first-grader") and
 * follows "of", "among" or a verb ("one of 20 students", "swapped 10 agents"): a group, so no subject of its own
 * ("Secretary of State Hillary Clinton called for" is one).
 */
function nounNotSubject(s: PreparedSentence, h: number): boolean {
  let k = h;
  while (k > 0 && BEFORE_NOUN_GROUP.has(s.toks[k - 1]!.pos)) k--;
  while (k < h && s.toks[k]!.pos !== 'DET' && s.toks[k]!.pos !== 'NUM') k++;
  if (k === h) return false;
  const w = s.toks[k - 1];
  return !!w && (w.lower === 'of' || w.lower === 'among' || w.pos === 'VERB' || w.pos === 'AUX');
}
