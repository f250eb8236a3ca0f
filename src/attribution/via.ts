import type { Doc, Token, Via } from '../model/index.js';
import { textSpan } from '../model/index.js';
import { cueLexicon } from './lexicon.js';

/** A relaying outlet found in a sentence: "Caliber.Az reports citing Russian media". */
export interface ViaMatch {
  via: Via;
  /** Token index of the outlet's verb, so the tagger's own attribution on it can be dropped. */
  cueToken: number;
}

const LINKERS = new Set(['the', 'of', '&', 'and']);

/**
 * Finds outlets relaying statements in the tokens [from, to) of one sentence: a capitalised name
 * directly before a relaying verb ("reports", "cited", "quoted"), optionally followed by what it
 * cites ("citing Russian media"). Lexicon data decides which verbs relay and which words cite.
 */
export function findVia(doc: Doc, tokens: readonly Token[], from: number, to: number): ViaMatch[] {
  const lex = cueLexicon();
  const out: ViaMatch[] = [];
  const lower = (i: number) => doc.text.slice(tokens[i].start, tokens[i].end).toLowerCase();
  const isCap = (i: number) => /^\p{Lu}/u.test(doc.text.slice(tokens[i].start, tokens[i].end));
  for (let i = from + 1; i < to; i++) {
    const entry = lex.forms.get(lower(i));
    if (!entry || !lex.outletVerbs.has(entry.lemma)) continue;
    // The outlet: a run of capitalised tokens (with "of", "the" inside) ending right before the verb.
    let s = i;
    while (s - 1 >= from && (isCap(s - 1) || (LINKERS.has(lower(s - 1)) && s - 2 >= from && isCap(s - 2))))
      s--;
    if (s === i) continue;
    if (s - 1 >= from && lower(s - 1) === 'the') s--;
    const outletSpan = textSpan(doc.text, tokens[s].start, tokens[i - 1].end);
    const via: Via = {
      outlet: outletSpan.text,
      outletSpan,
      cue: textSpan(doc.text, tokens[i].start, tokens[i].end),
    };
    // What it cites: "citing X" up to the next punctuation.
    let j = i + 1;
    for (const words of lex.citing) {
      if (words.every((w, k) => j + k < to && lower(j + k) === w)) {
        const cs = j + words.length;
        let ce = cs;
        while (ce < to && tokens[ce].kind !== 'punct' && tokens[ce].kind !== 'quote') ce++;
        if (ce > cs) via.citing = textSpan(doc.text, tokens[cs].start, tokens[ce - 1].end);
        j = ce;
        break;
      }
    }
    // Relaying is reported beside the statement: the clause must end after the verb (and citation).
    if (j < to && tokens[j].kind !== 'punct') continue;
    out.push({ via, cueToken: i });
  }
  return out;
}
