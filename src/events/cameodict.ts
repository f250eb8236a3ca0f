import { parsePetrarchVerbs } from './petrarch.js';

/*
 * The CAMEO.2.0 verb dictionary reduced to what the coder's features read: each verb's code, and per
 * verb block the head words of its patterns' objects ("condemn … {SUICIDE BOMBING}" → "bombing": 111).
 * Synonym sets (&MILITARY) are expanded; the event coder uses the codes as evidence, not as answers.
 */

export interface CameoVerbs {
  /** lemma → [its code or "", indices of the blocks whose patterns it takes]. */
  verbs: Record<string, [string, ...number[]]>;
  /** Per block: object head word → code. */
  blocks: Array<Record<string, string>>;
}

const FUNCTION_WORDS = new Set(
  'for of with against to on in by from at as about over into upon after the a an and or its his their'.split(
    ' ',
  ),
);

/** Head words of a pattern's first object group: "{TERRORIST ATTACK}" → attack, "&MILITARY" → its set. */
function objectWords(pattern: string, synsets: Map<string, string[]>): string[] {
  const star = pattern.indexOf('*');
  if (star < 0) return [];
  const rest = pattern.slice(star + 1);
  const group = /\{([^}]*)\}/y;
  for (let k = 0; k < rest.length;) {
    const ch = rest[k]!;
    if (/[\s()]/.test(ch)) {
      k++;
      continue;
    }
    group.lastIndex = k;
    const g = group.exec(rest);
    if (g) {
      const words = g[1]!.trim().split(/\s+/);
      const last = words[words.length - 1]!;
      return last.startsWith('&') ? (synsets.get(last) ?? []) : [last.toLowerCase()];
    }
    const word = /^[^\s(){}]+/.exec(rest.slice(k))![0];
    k += word.length;
    if (/^[$+^%|]/.test(word)) return [];
    if (word.startsWith('&')) return (synsets.get(word) ?? []).filter((w) => !w.includes(' '));
    const w = word.toLowerCase().replace(/_/g, ' ');
    if (FUNCTION_WORDS.has(w)) continue;
    return [w];
  }
  return [];
}

export function parseCameoVerbs(text: string): CameoVerbs {
  const dict = parsePetrarchVerbs(text);
  const verbs = new Map<string, [string, ...number[]]>();
  const blocks: Array<Record<string, string>> = [];
  for (const b of dict.blocks) {
    const objects: Record<string, string> = {};
    for (const p of b.patterns) {
      for (const w of objectWords(p.text, dict.synsets))
        if (!w.includes(' ') && !(w in objects)) objects[w] = p.code;
    }
    const sorted = Object.fromEntries(Object.entries(objects).sort((x, y) => (x[0] < y[0] ? -1 : 1)));
    let index = -1;
    if (Object.keys(sorted).length > 0) {
      index = blocks.length;
      blocks.push(sorted);
    }
    for (const v of b.verbs) {
      const lemma = v.replace(/_/g, ' ');
      if (lemma.includes(' ')) continue;
      const entry = verbs.get(lemma) ?? [''];
      const code = b.verbCodes[v] ?? b.code ?? '';
      if (!entry[0] && code) entry[0] = code;
      if (index >= 0 && !entry.includes(index)) entry.push(index);
      verbs.set(lemma, entry);
    }
  }
  const sortedVerbs = Object.fromEntries([...verbs].sort((x, y) => (x[0] < y[0] ? -1 : 1)));
  return { verbs: sortedVerbs, blocks };
}
