import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract.js';

const PARAS = [
  'The harbour authority said on Tuesday that the old ferry terminal will close for repairs at the end of the month, after divers found damage to its piles.',
  'Ferries will dock at the cargo quay in the meantime, and a shuttle bus will take passengers to the town centre every twenty minutes during the day.',
  'Local traders said they feared losing customers over the busy winter season, and asked the authority to keep the works as short as possible.',
];

function page(body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><title>Terminal to close</title></head><body><article><h1>Terminal to close</h1>${body}</article></body></html>`;
}
const prose = (html: string): string[] =>
  extractArticle(html).paragraphs.filter((p) => p !== 'Terminal to close');

describe('boilerplate out of the article text', () => {
  it('drops captions named in camelCase and small image boxes', () => {
    const html = page(
      `<p>${PARAS[0]}</p><div class="InlineImage-wrapper"><img src="a.jpg"><div class="InlineImage-imageEmbedCaption">The terminal at dawn on Monday, with the harbour behind it.</div></div>` +
        `<p>${PARAS[1]}</p><div class="image top"><img src="b.jpg"><p>In this file photo, a ferry leaves the terminal.</p></div>` +
        `<p>${PARAS[2]}</p><span class="newsCaption">Divers at work (Image: Harbour Authority)</span>`,
    );
    expect(prose(html)).toEqual(PARAS);
  });

  it('drops "More stories" and "Don’t miss" lists of other articles', () => {
    const html = page(
      `<p>${PARAS[0]}</p><p>${PARAS[1]}</p><p><strong>DON'T MISS</strong><br><a href="/a">Bridge repairs to last a year</a><br><a href="/b">Council approves new budget</a></p>` +
        `<p>${PARAS[2]}</p><div>More Great Harbour Stories</div><ul><li>Why the tide is late, <a href="/c">explained by experts</a></li><li>Fishing fleet returns <a href="/d">after the storm</a></li></ul>`,
    );
    expect(prose(html)).toEqual(PARAS);
  });

  it('drops a byline block of a name and a dateline, and keeps prose that mentions a date', () => {
    const dated = 'The terminal first opened on May 3, 1961, and has carried ferries ever since.';
    const html = page(
      `<p>The Harbour Gazette<br>Published Monday, November 18, 2019 8:22AM EST</p><p>${PARAS[0]}</p><p>${dated}</p><p>${PARAS[1]}</p><p>${PARAS[2]}</p><h3>Join the conversation...</h3>`,
    );
    expect(prose(html)).toEqual([PARAS[0], dated, PARAS[1], PARAS[2]]);
  });
});
