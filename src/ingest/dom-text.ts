/**
 * Turns a DOM subtree into plain text paragraphs: block elements end a paragraph, `<br>` ends a
 * line, whitespace inside a paragraph collapses to single spaces. Text is read from text nodes
 * only, so markup can never leak into the result.
 */

/** The subset of the DOM this module reads (works for linkedom and browser DOMs alike). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Elements that start and end a paragraph. */
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Elements whose text is never article prose. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'VIDEO',
  'AUDIO',
  'MATH',
]);

export interface DomTextOptions {
  /** Element names (upper case) whose text is dropped, on top of the always-skipped ones. */
  skip?: ReadonlySet<string>;
}

/** A paragraph with the share of its characters that sit inside links. */
export interface TextBlock {
  text: string;
  /** 0–1: link text / all text (before whitespace collapsing). */
  linkRatio: number;
}

/** The paragraphs of a subtree, each trimmed and non-empty. */
export function domParagraphs(root: DomNode, options: DomTextOptions = {}): string[] {
  return domBlocks(root, options).map((b) => b.text);
}

/** The paragraphs of a subtree with their link density (navigation lists are mostly links). */
export function domBlocks(root: DomNode, options: DomTextOptions = {}): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: string[] = [];
  let chars = 0;
  let linkChars = 0;
  let linkDepth = 0;
  const flush = (): void => {
    const text = current.join('').replace(/[ \t\f\r\u00a0\u200b]+/g, ' ');
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    if (lines.length > 0)
      blocks.push({ text: lines.join('\n'), linkRatio: chars > 0 ? linkChars / chars : 0 });
    current = [];
    chars = linkChars = 0;
  };
  // Iterative walk: hostile pages nest elements thousands deep.
  const stack: Array<DomNode | 'end-block' | 'end-link'> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'end-block') {
      flush();
      continue;
    }
    if (node === 'end-link') {
      linkDepth--;
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const t = (node.nodeValue ?? '').replace(/\s+/g, ' ');
      current.push(t);
      const visible = t.trim().length;
      chars += visible;
      if (linkDepth > 0) linkChars += visible;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name) || options.skip?.has(name)) continue;
    if (name === 'BR') {
      current.push('\n');
      continue;
    }
    if (name === 'IMG') continue;
    if (BLOCK.has(name)) {
      flush();
      stack.push('end-block');
    } else if (name === 'A') {
      linkDepth++;
      stack.push('end-link');
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  flush();
  return blocks;
}
