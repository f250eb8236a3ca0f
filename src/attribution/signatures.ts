import type { Token } from '../model/index.js';
import type { LinkedAttribution } from './link.js';

/*
 * Embedded posts signed the way Twitter's embed code signs them, on a line of their own:
 *   "We must apply a system of compassion …"
 *   — Rep. Jane Roe (@janeroe) November 19, 2019
 * The dash is the cue, the name before the handle the source, and the paragraph above the
 * signature (blank lines between skipped) the content. The handle in parentheses is what makes
 * a line a signature: a dash before a name alone is too common in running text to be one.
 */

const DASHES = new Set(['—', '–', '-', '―', '--']);
/** Words of a name (with a title such as "Rep.") between the dash and the handle. */
const MAX_NAME_TOKENS = 8;
/** Tokens a post's paragraph may have (a long post is still one paragraph). */
const MAX_POST_TOKENS = 200;

export function signedPosts(text: string, tokens: readonly Token[]): LinkedAttribution[] {
  const out: LinkedAttribution[] = [];
  const surface = (i: number) => text.slice(tokens[i].start, tokens[i].end);
  const gapBefore = (i: number) => (i > 0 ? text.slice(tokens[i - 1].end, tokens[i].start) : '\n');
  for (let dash = 1; dash + 3 < tokens.length; dash++) {
    if (!DASHES.has(surface(dash)) || !gapBefore(dash).includes('\n')) continue;
    // The name, up to "(@handle)".
    let open = dash + 1;
    while (open < tokens.length && open - dash <= MAX_NAME_TOKENS && surface(open) !== '(') {
      if (gapBefore(open).includes('\n')) break;
      open++;
    }
    if (open === dash + 1 || open >= tokens.length - 1 || surface(open) !== '(') continue;
    if (!text.slice(tokens[open].end).startsWith('@')) continue;
    if (!/^\p{Lu}/u.test(surface(dash + 1))) continue;
    // The post: the paragraph above, over the blank lines between.
    const last = dash - 1;
    let from = last;
    while (from > 0 && last - from < MAX_POST_TOKENS && !/\n\s*\n/.test(gapBefore(from))) from--;
    if (last - from < 2) continue;
    out.push({
      cue: { role: 'cue', from: dash, to: dash + 1 },
      source: { role: 'source', from: dash + 1, to: open },
      content: [{ role: 'content', from, to: last + 1 }],
    });
  }
  return out;
}
