import { clauseWords } from './clause-words.js';
import type { Attribution, Claim, Doc, Sentence, TextSpan, Token } from '../model/index.js';
import { textSpan } from '../model/index.js';
import { countEndingBy } from '../util/sorted-spans.js';
import { cueLexicon } from './lexicon.js';
import type { QuoteState } from './quotes.js';

/**
 * Unattributed assertions of fact: a sentence with no attribution, no quotation and no cue word
 * whose main clause states that a named third party has done something ("the United States has
 * also made the decision to withdraw …"). Deliberately narrow — a fact-checker reads these — so
 * only named subjects with a perfect-tense action count, and only when the previous sentence of
 * the paragraph carries no attribution the clause could continue.
 */
export function findClaims(
  doc: Doc,
  tokens: readonly Token[],
  quote: QuoteState,
  attributions: readonly Attribution[],
): Claim[] {
  const lex = cueLexicon();
  const claims: Claim[] = [];
  const coveredFlags = coveredSentences(doc, attributions);
  const covered = (k: number) => coveredFlags[k] === 1;
  const lower = (i: number) => doc.text.slice(tokens[i].start, tokens[i].end).toLowerCase();
  const surface = (i: number) => doc.text.slice(tokens[i].start, tokens[i].end);
  // A lower-case reporting verb or phrase ("said", "according to") makes the sentence sourced.
  const blocks = (w: string, i: number, end: number) => {
    const entry = lex.forms.get(w);
    if (entry && lex.claimBlockers.has(entry.lemma)) return true;
    return (lex.phrases.get(w) ?? []).some(
      (p) => lex.claimBlockers.has(p.lemma) && p.words.every((x, k) => i + k < end && lower(i + k) === x),
    );
  };
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si];
    if (doc.title && s.start < doc.title.end && doc.title.start < s.end) continue;
    if (doc.byline && s.start < doc.byline.end && doc.byline.start < s.end) continue;
    if (covered(si)) continue;
    const prev = doc.sentences[si - 1];
    if (prev && prev.paragraph === s.paragraph && (covered(si - 1) || /:\s*$/.test(prev.text))) continue;
    let skip = false;
    let hedged = false;
    for (let i = s.tokenStart; i < s.tokenEnd && !skip; i++) {
      const w = lower(i);
      if (quote.mark[i] || quote.inside[i] || w === '?') skip = true;
      else if (surface(i) === w && blocks(w, i, s.tokenEnd)) skip = true;
      if (clauseWords().claims.hedges.has(w)) hedged = true;
    }
    if (skip) continue;
    const span = claimClause(doc.text, tokens, s);
    if (span)
      claims.push({
        id: `cl${claims.length + 1}`,
        ...span,
        reason: 'asserted as fact about a named party, with no source in the sentence or the one before it',
        stance: hedged ? 'hedged' : 'neutral',
      });
  }
  return claims;
}

/** Sentences touched by any attribution span, marked in one sweep (sentences are sorted). */
function coveredSentences(doc: Doc, attributions: readonly Attribution[]): Uint8Array {
  const coveredFlags = new Uint8Array(doc.sentences.length);
  for (const a of attributions) {
    for (const x of [...a.content, ...(a.cue ? [a.cue] : []), ...(a.source ? [a.source] : [])]) {
      for (
        let k = countEndingBy(doc.sentences, x.start);
        k < doc.sentences.length && doc.sentences[k].start < x.end;
        k++
      )
        coveredFlags[k] = 1;
    }
  }
  return coveredFlags;
}

/**
 * Where the subject ending at token `end` (exclusive) starts: a run of capitalised words, with a
 * determiner before it, and — when it is the last of coordinated names ("Donald Trump and Hillary
 * Clinton have won", "Warren, Biden and Obama have") — the names before it too, so a claim about
 * several parties is not cut to its last one. Returns `end` when no capitalised word ends there.
 */
function subjectStart(
  text: string,
  tokens: readonly Token[],
  s: Sentence,
  end: number,
  singular: boolean,
): number {
  const lower = (i: number) => text.slice(tokens[i].start, tokens[i].end).toLowerCase();
  const isName = (i: number) =>
    i >= s.tokenStart &&
    tokens[i].kind === 'word' &&
    /^\p{Lu}/u.test(text.slice(tokens[i].start, tokens[i].end));
  const words = clauseWords().claims;
  const run = (e: number) => {
    let b = e;
    while (isName(b - 1)) b--;
    if (b < e && b - 1 >= s.tokenStart && words.determiners.has(lower(b - 1))) b--;
    return b;
  };
  let b = run(end);
  if (b === end) return end;
  // "… and NAME", "…, and NAME": the names before the coordinator, then ", NAME" items of a list.
  // A singular verb ("… the Border Patrol and the DEA has tried") takes no coordinated subject.
  let c = b - 1;
  if (!singular && c - 1 >= s.tokenStart && words.coordinators.has(lower(c))) {
    if (lower(c - 1) === ',') c--;
    if (isName(c - 1)) {
      b = run(c);
      while (b - 2 >= s.tokenStart && lower(b - 1) === ',' && isName(b - 2)) b = run(b - 1);
      // "Both the House and Senate have approved …".
      if (b - 1 >= s.tokenStart && words.correlatives.has(lower(b - 1))) b--;
    }
  }
  return b;
}

/**
 * The main clause of a sentence whose subject, a capitalised name (optionally "the …") or
 * coordinated names, comes directly before has/have/had + participle; null when the sentence has none.
 */
function claimClause(text: string, tokens: readonly Token[], s: Sentence): TextSpan | null {
  const lower = (i: number) => text.slice(tokens[i].start, tokens[i].end).toLowerCase();
  for (let i = s.tokenStart + 1; i < s.tokenEnd - 1; i++) {
    if (!clauseWords().claims.perfectAuxiliaries.has(lower(i))) continue;
    let v = i + 1;
    while (v < s.tokenEnd && clauseWords().claims.adverbs.has(lower(v))) v++;
    if (v >= s.tokenEnd) break;
    const verb = lower(v);
    if (!(verb.endsWith('ed') || clauseWords().claims.irregularParticiples.has(verb)) || verb === 'been')
      continue;
    const b = subjectStart(text, tokens, s, i, clauseWords().claims.singularAuxiliaries.has(lower(i)));
    if (b === i) break;
    // The sentence's first capitalised word is not a name by itself ("Officials have …").
    if (b === s.tokenStart && i - b === 1) break;
    // A subordinate clause ("While Warren and Obama have occupied the spotlight, …") is no main clause.
    if (clauseWords().claims.subordinators.has(lower(b))) break;
    // The subject opens a main clause: at the sentence start or after a comma or conjunction,
    // not inside a relative clause ("the plan Obama had tried to push … failed").
    if (b > s.tokenStart && !clauseWords().claims.clauseOpeners.has(lower(b - 1))) break;
    // End of the clause: the sentence end, a semicolon, or a comma before a participle/relative.
    let e = v + 1;
    while (e < s.tokenEnd) {
      const w = lower(e);
      if (w === ';' || w === '.' || w === '!') break;
      if (w === ',' && e + 1 < s.tokenEnd && /^(which|who|while|but|marking|\p{L}+ing)$/u.test(lower(e + 1)))
        break;
      e++;
    }
    return textSpan(text, tokens[b].start, tokens[e - 1].end);
  }
  return null;
}
