import type { Doc, Mention } from '../../model/index.js';
import type { KnowledgeBase } from '../kb/index.js';
import { tokenView, keyOf } from '../tokens.js';

/*
 * TEST ONLY: a crude stand-in for NER until src/mentions lands. Runs of capitalised words, cut
 * where the KB knows a name or a role word (as a trained tagger would separate "NATO" from
 * "Secretary General" from "Mark Rutte"); runs of two or more unknown words are PERSON, single
 * unknown words MISC (ORG when they look like a web outlet, "Caliber.Az").
 */

const FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'by',
  'as',
  'in',
  'on',
  'at',
  'his',
  'her',
  'their',
  'there',
  'i',
  'it',
  'he',
  'she',
  'they',
  'meanwhile',
  'speaking',
  'we',
  'this',
  'that',
  'but',
  'and',
  'after',
  'if',
  'when',
  'while',
]);

export function naiveMentions(
  doc: Pick<Doc, 'text' | 'tokens' | 'quotations'>,
  kb: KnowledgeBase,
): Mention[] {
  const view = tokenView(doc);
  const { tokens, keys, capitalised, text } = view;
  const out: Mention[] = [];
  let runStart = -1;
  const flush = (end: number) => {
    if (runStart < 0) return;
    let i = runStart;
    while (i < end) {
      let matched = 0;
      let type: Mention['type'] | null = null;
      for (let len = Math.min(end - i, 6); len >= 1; len--) {
        const key = keyOf(view, i, i + len);
        const hit = kb.lookup(key)[0];
        if (hit) {
          matched = len;
          type = hit.kind === 'person' ? 'PERSON' : hit.kind === 'org' ? 'ORG' : 'LOC';
          break;
        }
        if (kb.roleWord(key)) {
          matched = len;
          break;
        }
      }
      if (matched > 0) {
        if (type) out.push(mention(i, i + matched, type));
        i += matched;
        continue;
      }
      let j = i;
      while (j < end && !kb.roleWord(keys[j]) && kb.lookup(keys[j]).length === 0) j++;
      const s = text.slice(tokens[i].start, tokens[j - 1].end);
      out.push(mention(i, j, j - i >= 2 ? 'PERSON' : /\.\p{L}{2,}$/u.test(s) ? 'ORG' : 'MISC'));
      i = j;
    }
    runStart = -1;
  };
  const mention = (a: number, b: number, type: Mention['type']): Mention => ({
    id: `n${out.length + 1}`,
    start: tokens[a].start,
    end: tokens[b - 1].end,
    text: text.slice(tokens[a].start, tokens[b - 1].end),
    type,
    kind: 'name',
  });
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].kind === 'word' && capitalised[i] && !FUNCTION_WORDS.has(keys[i]);
    const lineBreak = i > 0 && text.slice(tokens[i - 1].end, tokens[i].start).includes('\n');
    if (lineBreak) flush(i);
    if (word) {
      if (runStart < 0) runStart = i;
    } else flush(i);
  }
  flush(tokens.length);
  return out;
}
