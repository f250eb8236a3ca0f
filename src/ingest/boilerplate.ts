/**
 * Page furniture out of the article text, driven by data/ingest/boilerplate.json: elements removed
 * before Readability scores the page (share bars, captions, related links, by class words, also in
 * camelCase such as "newsCaption"), and paragraphs dropped after (link lists, datelines and bylines,
 * "Read more" lines and the lists under "More stories" headings).
 */
import { z } from 'zod';
import { loadData } from '../util/data.js';
import type { DomNode, TextBlock } from './dom-text.js';

const BoilerplateSchema = z.object({
  description: z.string(),
  maxParagraphChars: z.number().int().positive(),
  linkTextRatio: z.number().min(0).max(1),
  paragraphPatterns: z.array(z.string()),
  metaWords: z.array(z.string()),
  dropElements: z.array(z.string()),
  dropClassWords: z.array(z.string()),
  relatedHeadings: z.array(z.string()),
});

export interface Boilerplate {
  maxParagraphChars: number;
  linkTextRatio: number;
  paragraph: RegExp;
  metaWords: ReadonlySet<string>;
  dropElements: ReadonlySet<string>;
  classWords: ReadonlySet<string>;
  relatedHeading: RegExp;
}

let boilerplate: Boilerplate | undefined;
export function getBoilerplate(): Boilerplate {
  if (!boilerplate) {
    const raw = loadData('ingest/boilerplate.json', BoilerplateSchema);
    boilerplate = {
      maxParagraphChars: raw.maxParagraphChars,
      linkTextRatio: raw.linkTextRatio,
      metaWords: new Set(raw.metaWords),
      paragraph: new RegExp(raw.paragraphPatterns.map((p) => `(?:${p})`).join('|'), 'iu'),
      dropElements: new Set(raw.dropElements),
      classWords: new Set(raw.dropClassWords),
      relatedHeading: new RegExp(`^(?:${raw.relatedHeadings.join('|')})\\s*[:.!…]*$`, 'iu'),
    };
  }
  return boilerplate;
}

/** The element API furniture removal needs (linkedom's Element satisfies it). */
export interface LinkedomElement extends DomNode {
  tagName: string;
  className: string;
  id: string;
  textContent: string | null;
  parentNode: LinkedomElement | null;
  getAttribute(name: string): string | null;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<LinkedomElement>;
}

/** Drops furniture elements (share bars, captions, related links) unless they hold much text. */
export function removeFurniture(document: { body: LinkedomElement | null }, bp: Boilerplate): void {
  const body = document.body;
  if (!body) return;
  const doomed: LinkedomElement[] = [];
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const tag = el.tagName.toUpperCase();
    if (bp.dropElements.has(tag)) {
      doomed.push(el);
      continue;
    }
    const raw = `${el.className ?? ''} ${el.id ?? ''}`;
    if (!raw.trim()) continue;
    let hit = false;
    for (const name of raw.split(/\s+/)) {
      if (!name) continue;
      const token = name.toLowerCase();
      // "related-posts", "ad_slot", and camelCase "InlineImage-imageEmbedCaption", "newsCaption".
      const parts = name.split(/[-_]+|(?<=[a-z])(?=[A-Z])/).map((x) => x.toLowerCase());
      if (bp.classWords.has(token) || parts.some((part) => bp.classWords.has(part))) {
        hit = true;
        break;
      }
    }
    if (hit && tag !== 'BODY' && tag !== 'HTML' && tag !== 'ARTICLE' && tag !== 'MAIN') doomed.push(el);
    else if (isImageBox(el, raw)) doomed.push(el);
  }
  for (const el of doomed) {
    // A container named like furniture that holds many paragraphs is probably the article itself
    // (class="article-body has-comments").
    if (el.tagName.toUpperCase() !== 'FIGCAPTION' && el.querySelectorAll('p').length >= 4) continue;
    el.remove();
  }
}

/**
 * Drops boilerplate paragraphs (patterns, datelines and timestamps, link-list items) and exact
 * repeats (a pull quote repeating a paragraph).
 */
export function cleanParagraphs(blocks: TextBlock[], bp: Boilerplate): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  // After a "More stories" / "Don't miss" heading, the short linked lines that follow are its list.
  let inRelatedList = false;
  for (const block of blocks) {
    const p = block.text.trim();
    if (!p || seen.has(p)) continue;
    seen.add(p);
    const firstLine = p.split('\n', 1)[0];
    if (bp.relatedHeading.test(firstLine) && (p === firstLine || block.linkRatio >= 0.5)) {
      inRelatedList = true;
      continue;
    }
    if (inRelatedList && p.length <= bp.maxParagraphChars && block.linkRatio >= 0.3) continue;
    inRelatedList = false;
    if (p.length <= bp.maxParagraphChars) {
      if (
        block.linkRatio >= bp.linkTextRatio ||
        bp.paragraph.test(p) ||
        isMetaLine(p, bp.metaWords) ||
        isBylineBlock(p, bp.metaWords)
      )
        continue;
    }
    out.push(p);
  }
  return out;
}

/** A line made only of date, time and reading-time words and numbers ("Nov. 20, 2019 5:52 AM EST"). */
function isMetaLine(p: string, words: ReadonlySet<string>): boolean {
  const tokens = p.toLowerCase().match(/\p{L}+|\p{N}+/gu);
  if (!tokens) return false;
  let numbers = 0;
  for (const t of tokens) {
    if (/^\p{N}+$/u.test(t)) numbers++;
    else if (!words.has(t)) return false;
  }
  return numbers > 0;
}

const IMAGE_WORDS: ReadonlySet<string> = new Set([
  'image',
  'img',
  'photo',
  'picture',
  'figure',
  'media',
  'gallery',
]);

/** A small box named for an image that holds one ("div.image" with the picture and its caption). */
function isImageBox(el: LinkedomElement, names: string): boolean {
  const parts = names.split(/[\s_-]+|(?<=[a-z])(?=[A-Z])/).map((x) => x.toLowerCase());
  if (!parts.some((p) => IMAGE_WORDS.has(p))) return false;
  if (el.querySelectorAll('img, picture').length === 0 || el.querySelectorAll('p').length > 1) return false;
  return (el.textContent ?? '').trim().length < 400;
}

/** A byline block: one line of date and time words, the others a few capitalised words ("The Associated Press"). */
function isBylineBlock(p: string, words: ReadonlySet<string>): boolean {
  const lines = p.split('\n');
  if (lines.length < 2 || lines.length > 3) return false;
  const meta = lines.filter((l) => isMetaLine(l, words));
  if (meta.length !== 1) return false;
  return lines
    .filter((l) => !meta.includes(l))
    .every((l) => l.split(/\s+/).length <= 6 && /^\p{Lu}/u.test(l) && !/[.!?]$/.test(l));
}
