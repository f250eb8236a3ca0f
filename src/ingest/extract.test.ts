import { describe, expect, it } from 'vitest';
import { decodeHtmlBytes } from './encoding.js';
import { extractArticle } from './extract.js';
import { toIsoDate } from './metadata.js';
import { expectLinearGrowth } from '../util/__fixtures__/growth.js';

const PARAS = [
  'The city council voted on Tuesday to close the old harbour bridge to cars from January, after engineers found corrosion in two of its main supports during a routine inspection.',
  'The bridge carries about twelve thousand vehicles a day. Drivers will be diverted to the ring road, which the council says can absorb the extra traffic with new signal timings.',
  'Cyclists and pedestrians will still be able to use the bridge while a replacement is designed. The council expects to choose a design by the end of next year.',
];

function page(body: string, head = ''): string {
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Bridge to close | City Herald</title>${head}</head><body>${body}</body></html>`;
}

describe('extractArticle', () => {
  it('extracts paragraphs and page metadata', () => {
    const html = page(
      `<header><nav><a href="/">Home</a><a href="/sport">Sport</a></nav></header><main><article><h1>Bridge to close</h1>
       <p class="byline">By Ada Lind</p>${PARAS.map((p) => `<p>${p}</p>`).join('\n')}</article></main><footer>Contact us</footer>`,
      `<meta property="og:site_name" content="City Herald"><link rel="canonical" href="/2019/bridge?utm_source=x">
       <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour bridge to close to cars","datePublished":"2019-11-19T09:30:00+01:00","author":{"@type":"Person","name":"Ada Lind"}}</script>`,
    );
    const a = extractArticle(html, 'https://cityherald.example/news/123');
    expect(a.method).toBe('readability');
    expect(a.paragraphs).toEqual(expect.arrayContaining(PARAS));
    expect(a.text).not.toMatch(/Home|Sport|Contact us/);
    expect(a).toMatchObject({
      title: 'Harbour bridge to close to cars',
      byline: 'Ada Lind',
      published: '2019-11-19T09:30:00+01:00',
      publishedFrom: 'json-ld',
      outlet: 'City Herald',
      canonicalUrl: 'https://cityherald.example/2019/bridge?utm_source=x',
      language: 'en',
    });
  });

  it('gives inert text for script-laden HTML: no markup, no script, no handler code', () => {
    const hostile = page(
      `<article><h1 onmouseover="evil()">Bridge to close</h1>
       <script>document.write('<p>injected paragraph</p>')</script>
       <p>${PARAS[0]} <img src=x onerror="alert(1)"><b>&lt;script&gt;alert(2)&lt;/script&gt;</b></p>
       <p>${PARAS[1]}<iframe src="javascript:alert(3)">frame text</iframe></p>
       <style>p { color: red }</style><noscript><p>Enable JavaScript</p></noscript>
       <svg><text>svg text</text><script>alert(4)</script></svg>
       <p>${PARAS[2]}<a href="javascript:alert(5)">link text</a></p></article>`,
    );
    const a = extractArticle(hostile);
    expect(a.text).toContain(PARAS[1]);
    // Escaped markup in the page is text and stays text (the literal characters), never a tag.
    expect(a.text).toContain('<script>alert(2)</script>');
    for (const bad of [
      'injected paragraph',
      'evil',
      'onerror',
      'alert(1)',
      'frame text',
      'color: red',
      'Enable JavaScript',
      'svg text',
      'alert(4)',
      'javascript:',
    ]) {
      expect(a.text, bad).not.toContain(bad);
    }
  });

  it('drops boilerplate paragraphs, captions and share widgets', () => {
    const html = page(`<article><h1>Bridge to close</h1><p>${PARAS[0]}</p><p>Advertisement</p>
      <figure><img src="b.jpg"><figcaption>The bridge at dusk. Photograph: City Herald</figcaption></figure>
      <p>${PARAS[1]}</p><p>Read more: Council budget approved</p><div class="social-share"><a>Share on Facebook</a><a>Tweet</a></div>
      <p>${PARAS[2]}</p><p>Sign up for our daily newsletter in your inbox</p></article>`);
    // Readability may drop the heading that repeats the title; the body must be exactly the prose.
    expect(extractArticle(html).paragraphs.filter((p) => p !== 'Bridge to close')).toEqual(PARAS);
  });

  it('keeps a paragraph that merely ends with an agency name', () => {
    const line = 'The minister resigned on Friday, a spokesman told Reuters.';
    const html = page(
      `<article><p>${PARAS[0]}</p><p>${line}</p><p>${PARAS[1]}</p><p>${PARAS[2]}</p></article>`,
    );
    expect(extractArticle(html).paragraphs).toContain(line);
  });

  it('falls back to JSON-LD articleBody when the page body has no article', () => {
    const body = PARAS.join('\n\n');
    const html = page(
      '<div id="app"></div>',
      `<script type="application/ld+json">{"@type":"NewsArticle","articleBody":${JSON.stringify(body)}}</script>`,
    );
    const a = extractArticle(html);
    expect(a.method).toBe('json-ld');
    expect(a.paragraphs).toEqual(PARAS);
  });

  it('survives empty, binary, deeply nested and huge input', async () => {
    expect(extractArticle('')).toMatchObject({ text: '', method: 'none' });
    expect(extractArticle('\u0000\u0001\u0002garbage<<<>>>').method).toBeDefined();
    // Nesting this deep would take Readability minutes; the linear fallback answers instead.
    const deep = (n: number) => `${'<div>'.repeat(n)}<p>${PARAS[0]}</p>${'</div>'.repeat(n)}`;
    expect(await expectLinearGrowth((n) => extractArticle(deep(n)), 2000)).toMatchObject({
      method: 'densest-block',
      text: PARAS[0],
    });
    const huge = (n: number) =>
      page(
        `<article>${Array.from({ length: n }, (_, i) => `<p>${i}: ${PARAS[i % 3]}</p>`).join('')}</article>`,
      );
    expect(
      (await expectLinearGrowth((n) => extractArticle(huge(n)), 2000)).paragraphs.length,
    ).toBeGreaterThan(1000);
    const unclosed = `<html><body><p>${PARAS[0]}</p>${'<script>'.repeat(5000)}`;
    expect(extractArticle(unclosed).text).toBeDefined();
  });

  it('stays linear on tag soup built to be slow', async () => {
    const cases: Array<(n: number) => string> = [
      // Furniture nested thousands deep (removal would rescan every subtree).
      (n) => `${'<div class="share">'.repeat(n)}<p>${PARAS[0]}</p>${'</div>'.repeat(n)}`,
      // A million stray '<' characters (a million DOM nodes without the cap).
      (n) => `<p>${PARAS[0]}</p>${'<'.repeat(200 * n)}`,
      // Unterminated comments and a megabyte <title>.
      (n) => `<title>${'a - '.repeat(40 * n)}</title><p>${PARAS[0]}</p>${'<!--'.repeat(20 * n)}`,
    ];
    for (const html of cases) {
      const a = await expectLinearGrowth((n) => extractArticle(html(n)), 500);
      expect(a.text).toContain(PARAS[0].slice(0, 40));
    }
  });

  it('reads pages without <p> elements from their text blocks', () => {
    const html = `<html><body><div class="nav"><a href="/">Home</a></div>${PARAS.map((p) => `<div><span>${p}</span></div>`).join('')}</body></html>`;
    expect(extractArticle(html).text).toContain(PARAS[2]);
  });
});

describe('dates', () => {
  it('normalises page date formats to ISO, keeping the stated offset', () => {
    expect(toIsoDate('2019-11-19')).toBe('2019-11-19');
    expect(toIsoDate('Tue, 19 Nov 2019 08:30:00 GMT')).toBe('2019-11-19T08:30:00Z');
    expect(toIsoDate('20191119T083000Z')).toBe('2019-11-19T08:30:00Z');
    expect(toIsoDate('Tue, 19 Nov 2019 08:30:00 -0500')).toBe('2019-11-19T08:30:00-05:00');
    expect(toIsoDate('yesterday')).toBeUndefined();
    // Placeholders are not dates.
    expect(toIsoDate('0001-01-01')).toBeUndefined();
  });
});

describe('decodeHtmlBytes', () => {
  it('decodes latin1 / windows-1252 declared in the page, with the 0x80–0x9F characters', () => {
    const bytes = Buffer.from(
      '<meta charset="ISO-8859-1"><p>D\xe9j\xe0 vu \x96 \x93caf\xe9\x94 \x80 5</p>',
      'latin1',
    );
    const d = decodeHtmlBytes(bytes);
    expect(d).toMatchObject({ encoding: 'windows-1252', source: 'document' });
    expect(d.text).toContain('Déjà vu – “café” € 5');
  });

  it('lets the HTTP charset win over the page, and honours BOMs', () => {
    const bytes = Buffer.from('<meta charset="utf-8"><p>\xe9</p>', 'latin1');
    expect(decodeHtmlBytes(bytes, { contentType: 'text/html; charset=latin1' }).text).toContain('é');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Grüße</p>', 'utf16le')]);
    expect(decodeHtmlBytes(utf16)).toMatchObject({
      text: '<p>Grüße</p>',
      encoding: 'utf-16le',
      source: 'bom',
    });
  });

  it('decodes other declared encodings with TextDecoder', () => {
    const koi8 = Buffer.from([0x3c, 0x70, 0x3e, 0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]);
    expect(decodeHtmlBytes(koi8, { contentType: 'text/html; charset=koi8-r' }).text).toBe('<p>Привет');
  });

  it('replaces undeclared invalid UTF-8 with a warning, or refuses it', () => {
    const bad = Buffer.from([0x61, 0xff, 0x62]);
    expect(decodeHtmlBytes(bad)).toMatchObject({
      text: 'a\ufffdb',
      warning: expect.stringMatching(/invalid UTF-8/),
    });
    expect(() => decodeHtmlBytes(bad, { invalidUtf8: 'refuse' })).toThrow(
      /not valid UTF-8 and no charset is declared/,
    );
  });

  it('warns about an unknown charset label and falls back to UTF-8', () => {
    const d = decodeHtmlBytes(Buffer.from('<meta charset="klingon-8"><p>ok</p>'));
    expect(d.warning).toMatch(/unknown charset "klingon-8"/);
    expect(d.encoding).toBe('utf-8');
  });
});
