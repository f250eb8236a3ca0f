import { readFileSync } from 'node:fs';
import type { VerbEntry } from './lexicon.js';

/*
 * Reader for PETRARCH verb dictionaries (CAMEO.2.0.txt format): synonym sets (`&NAME` + `+WORD`
 * lines), verb blocks (`--- NAME [code] ---`, then the verbs with optional `{irregular forms}`,
 * then `- … * … [code]` patterns). Only what the coder can use is kept: each verb's block code and
 * the patterns whose first word after the verb (`*`) is a plain word or synonym set, as object words.
 * An optional extra (`--verbs FILE`); newsgraph's coder is trained (models/events.bin); its codes win only when the type agrees.
 */

export interface PetrarchPattern {
  /** The pattern text between "-" and the code, e.g. "* AID" or "&MILITARY *". */
  text: string;
  code: string;
}
export interface PetrarchVerbBlock {
  name: string;
  /** The block's default code, or null for "---" (patterns only). */
  code: string | null;
  verbs: string[];
  /** A verb's own code where its line gives one ("CONDEMN [111]" inside the BLAME block). */
  verbCodes: Record<string, string>;
  patterns: PetrarchPattern[];
}
export interface PetrarchDictionary {
  synsets: Map<string, string[]>;
  blocks: PetrarchVerbBlock[];
}

const CODE = /\[([0-9-]{2,4}|---)(?::[0-9-]{2,4})?\]/;

/** Parses dictionary text; unknown or malformed lines are skipped, never fatal. */
export function parsePetrarchVerbs(text: string): PetrarchDictionary {
  const synsets = new Map<string, string[]>();
  const blocks: PetrarchVerbBlock[] = [];
  let synset: string[] | undefined;
  let block: PetrarchVerbBlock | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (!line) {
      synset = undefined;
      continue;
    }
    const header = /^---\s+(\S.*?)\s+\[([^\]]*)\]\s+---$/.exec(line);
    if (header) {
      synset = undefined;
      const code = /^\d{2,4}/.exec(header[2]!.trim())?.[0] ?? null;
      block = { name: header[1]!, code, verbs: [], verbCodes: {}, patterns: [] };
      blocks.push(block);
      continue;
    }
    if (line.startsWith('&') && !block) {
      synset = [];
      synsets.set(line.split(/\s+/)[0]!, synset);
      continue;
    }
    if (synset && line.startsWith('+')) {
      synset.push(line.slice(1).trim().replace(/_/g, ' ').toLowerCase());
      continue;
    }
    if (!block) continue;
    if (line.startsWith('-')) {
      const m = CODE.exec(line);
      if (!m || m[1] === '---') continue;
      block.patterns.push({ text: line.slice(1, m.index).trim(), code: m[1]! });
      continue;
    }
    // A verb line: "HURRY {HURRIES HURRYING HURRIED}" — keep the base form.
    const verb = /^([A-Z][A-Z_-]*)/.exec(line)?.[1];
    if (verb) {
      block.verbs.push(verb.toLowerCase());
      const own = /\[(\d{2,4})\]/.exec(line)?.[1];
      if (own) block.verbCodes[verb.toLowerCase()] = own;
    }
  }
  return { synsets, blocks };
}

/** Verb entries for the coder: single-word verbs with their block code and object-word refinements. */
export function petrarchToEntries(dict: PetrarchDictionary): VerbEntry[] {
  const out: VerbEntry[] = [];
  for (const b of dict.blocks) {
    const objects: Record<string, string> = {};
    for (const p of b.patterns) {
      const after = /\*\s+(&?[A-Z][A-Z_-]*)/.exec(p.text)?.[1];
      if (!after) continue;
      const words = after.startsWith('&')
        ? (dict.synsets.get(after) ?? [])
        : [after.replace(/_/g, ' ').toLowerCase()];
      for (const w of words) if (!w.includes(' ') && !(w in objects)) objects[w] = p.code;
    }
    const hasObjects = Object.keys(objects).length > 0;
    const code = b.code ?? (hasObjects ? Object.values(objects)[0]! : undefined);
    if (!code) continue;
    for (const v of b.verbs) {
      if (v.includes('_')) continue;
      out.push({
        lemma: v,
        code,
        ...(hasObjects ? { objects } : {}),
        ...(b.code === null ? { objectsOnly: true } : {}),
      });
    }
  }
  return out;
}

/** Reads a PETRARCH verb dictionary file into coder entries. */
export function loadPetrarchVerbs(file: string): VerbEntry[] {
  return petrarchToEntries(parsePetrarchVerbs(readFileSync(file, 'utf8')));
}
