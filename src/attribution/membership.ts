/**
 * "Pepsi, Costco and Winnebago are among retailers that said …", "Ms. Roe was one of the officials
 * who told …": the speakers of a relative clause on a group the copula's subject belongs to are that
 * subject. Returns the subject phrase's span, or undefined when the source is not such a group.
 *
 * `start`/`end` is the source the tagger found: the group noun ("retailers"), the relative pronoun
 * ("that") or both. The subject must open its sentence, or follow a fronted phrase that ends with a
 * comma ("In the meantime, Pepsi …"): after a fronted clause ("After Trump spoke, Pepsi was among …")
 * the first name is that clause's, so nothing is returned.
 */
const MEMBERSHIP =
  /\b(?:is|are|was|were)\s+(?:among|one of)\s+(?:(?:the|those|many|several|some|two|three|four|\d+)\s+)?(?:[\p{Ll}-]+\s+){0,3}$/u;
const RELATIVE_AFTER = /^\s*(?:who|that)\b/u;
const RELATIVE = /^(?:who|that)$/iu;

export function membershipSubject(
  text: string,
  sentenceStart: number,
  start: number,
  end: number,
): { from: number; to: number } | undefined {
  const source = text.slice(start, end).trim();
  const relative = RELATIVE.test(source) || /\s(?:who|that)$/iu.test(source);
  if (!relative && !RELATIVE_AFTER.test(text.slice(end, end + 8))) return undefined;
  const m = MEMBERSHIP.exec(text.slice(sentenceStart, start));
  if (!m || m.index === 0) return undefined;
  return { from: sentenceStart, to: sentenceStart + m.index };
}
