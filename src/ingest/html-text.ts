import { parseHTML } from 'linkedom';
import { domParagraphs, type DomNode } from './dom-text.js';
import { prepareHtml } from './html-prep.js';

/**
 * The paragraphs of an HTML fragment (a feed entry's content), scripts and markup dropped: the
 * result is text read from text nodes only.
 */
export function htmlToParagraphs(html: string): string[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${prepareHtml(html).html}</body></html>`);
  const body = (document as unknown as { body: DomNode | null }).body;
  return body ? domParagraphs(body, { skip: new Set(['FIGCAPTION']) }) : [];
}
