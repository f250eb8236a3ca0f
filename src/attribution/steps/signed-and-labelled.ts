import type { Doc } from '../../model/index.js';
import { dashSignedQuotes } from '../backstop.js';
import { speakerLabels } from '../labels.js';
import type { LinkedAttribution, RoleSpan } from '../link.js';
import { signedPosts } from '../signatures.js';
import { inTextOrder, type AttributionContext } from './context.js';

/**
 * Quotations signed with a dash ("“…” ― Name"), signed posts and speaker labels ("PENCE: …",
 * "Graham: …" in a headline) are attributions of their own (see `withRuled` for how they join).
 */
export function signedAndLabelled(
  c: AttributionContext,
  linked: readonly LinkedAttribution[],
): LinkedAttribution[] {
  const isName = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (!c.named[i]) return false;
    return true;
  };
  const ruled = [
    ...dashSignedQuotes(c.text, c.tokens, c.tagged.quote),
    ...signedPosts(c.text, c.tokens),
    ...speakerLabels(c.text, c.tokens, { title: c.doc.title, isName, personSurnames: personSurnames(c.doc) }),
  ];
  return ruled.length ? withRuled(linked, ruled, c.tokens.length) : [...linked];
}

/** Lower-cased last words of the people the mentions layer named ("rutte" for "Mark Rutte"). */
export function personSurnames(doc: Doc): Set<string> {
  const out = new Set<string>();
  for (const m of doc.mentions) {
    if (m.type !== 'PERSON' || (m.kind !== 'name' && m.kind !== 'titled-name')) continue;
    const name = m.head ?? m;
    const last = /[\p{L}'’-]+$/u.exec(doc.text.slice(name.start, name.end));
    if (last) out.add(last[0].toLowerCase());
  }
  return out;
}

/**
 * Adds rule-found attributions to the tagger's, in text order: a rule gives way where the tagger
 * already has a cue or source on its tokens; where it holds, its content is taken out of the tagger's
 * cue-less attributions (the tagger joins a column of signed quotes into one). Attributions with a
 * cue inside a rule's quotation are nested and stay.
 */
export function withRuled(
  linked: readonly LinkedAttribution[],
  ruled: readonly LinkedAttribution[],
  n: number,
): LinkedAttribution[] {
  const claimed = new Uint8Array(n);
  for (const a of linked) for (const r of [a.cue, a.source]) if (r) claimed.fill(1, r.from, r.to);
  const free = (r: RoleSpan | null) => !r || claimed.subarray(r.from, r.to).every((x) => x === 0);
  const rules = ruled.filter((a) => free(a.cue) && free(a.source));
  const inRuled = new Uint8Array(n);
  for (const a of rules) for (const r of a.content) inRuled.fill(1, r.from, r.to);
  const overlapsRuled = (r: RoleSpan) => inRuled.subarray(r.from, r.to).some((x) => x === 1);
  const kept: LinkedAttribution[] = [];
  for (const a of linked) {
    if (a.cue) kept.push(a);
    else {
      const content = a.content.filter((r) => !overlapsRuled(r));
      if (content.length) kept.push({ ...a, content });
    }
  }
  return inTextOrder([...kept, ...rules]);
}
