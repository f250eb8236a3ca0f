import type { Doc, Mention, Sentence } from '../../model/index.js';
import { mentionIndex, overlapping, type MentionIndex } from '../sources.js';
import { tokenAtOrAfter } from '../../text/index.js';
import type { RoleSpan } from '../link.js';
import type { AttributionContext } from './context.js';

const PLACE_TYPES = new Set(['LOC', 'GPE']);
const NAME_KINDS = new Set(['name', 'titled-name']);
/** Words before a place that make it where someone works or lives ("a chemist at JPL in Pasadena"). */
const LOCATIVE = /\b(?:in|at|of|from|near|outside)\s+$/iu;
const PREPOSITION_BEFORE = /\b(?:in|at|of|from|near|outside|for|with|by|on|to|and)\s+(?:the\s+)?$/iu;

/**
 * "…, a chemist at the lab in Pasadena, California, said": the tagger may take the state that ends
 * the appositive for the source. A place right after ", " that itself follows "in/at/of <place>" is
 * the second half of a locative ("Pasadena, California"), never a speaker: the source is the name
 * heading the phrase (its first name that is neither a possessive nor a prepositional object), or
 * none. Returns undefined when `source` is no such place, so the caller keeps it.
 */
export function locativeHead(
  c: AttributionContext,
  source: RoleSpan,
  s: Sentence,
): RoleSpan | null | undefined {
  const { text, tokens, doc } = c;
  const start = tokens[source.from].start;
  const end = tokens[source.to - 1].end;
  // Cheap gate first: a name right after a comma ("…, California").
  if (!c.named[source.from] || !/,\s*$/u.test(text.slice(Math.max(s.start, start - 3), start)))
    return undefined;
  const inSentence = namesInSentence(doc, s);
  const place = inSentence.find((m) => m.start === start && m.end === end && PLACE_TYPES.has(m.type));
  if (!place) return undefined;
  const before = inSentence.filter((m) => m.end <= start);
  const previous = before[before.length - 1];
  if (!previous || !PLACE_TYPES.has(previous.type) || !/^\s*,\s*$/u.test(text.slice(previous.end, start)))
    return undefined;
  if (!LOCATIVE.test(text.slice(s.start, previous.start))) return undefined;
  // The phrase opens after a quotation that ends before it ("“…,” study author Maria Lopez, …") or
  // a dateline's dash ("PHILADELPHIA ― Felicia Sanders, …").
  const lead = text.slice(s.start, previous.start);
  const opening = Math.max(...['”', '"', '―', '—', '–'].map((mark) => lead.lastIndexOf(mark)));
  const from = opening >= 0 ? s.start + opening + 1 : s.start;
  const head = before.find((m) => m.start >= from && m !== previous && isHead(text, s.start, m));
  if (!head || PLACE_TYPES.has(head.type)) return null;
  const first = tokenAtOrAfter(tokens, head.start);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1].end <= head.end) last++;
  return { role: 'source', from: first, to: last + 1 };
}

/** Neither a possessive ("NASA's Goddard …") nor the object of a preposition. */
function isHead(text: string, sentenceStart: number, m: Mention): boolean {
  if (/^['’]s?\b/u.test(text.slice(m.end, m.end + 2)) || /['’]s?$/u.test(m.text)) return false;
  return !PREPOSITION_BEFORE.test(text.slice(Math.max(sentenceStart, m.start - 30), m.start));
}

/** The document's mentions indexed once per document, for the rare sources that reach here. */
const indexes = new WeakMap<Doc, MentionIndex>();

/** Name mentions within the sentence, in text order. */
function namesInSentence(doc: Doc, s: Sentence): Mention[] {
  let index = indexes.get(doc);
  if (!index) {
    index = mentionIndex(doc);
    indexes.set(doc, index);
  }
  return overlapping(index, s.start, s.end).filter(
    (m) => m.start >= s.start && m.end <= s.end && NAME_KINDS.has(m.kind),
  );
}
