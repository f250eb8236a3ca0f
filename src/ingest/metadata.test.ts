import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract.js';
import { toIsoDate } from './metadata.js';

const BODY =
  '<p>The city council voted on Tuesday to close the old bridge to heavy traffic after engineers found cracks in two of its piers.</p>' +
  '<p>Repairs will take at least a year, the mayor said, and buses will be rerouted through the harbour district in the meantime.</p>' +
  '<p>Residents of the east bank, who rely on the bridge to reach the hospital, asked for a temporary ferry service.</p>';

function page(head: string, body = BODY, attrs = 'lang="en"'): string {
  return `<!DOCTYPE html><html ${attrs}><head>${head}</head><body><article><h1>Bridge closed to trucks</h1>${body}</article></body></html>`;
}
const ld = (o: unknown): string => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('publication dates, in order of trust', () => {
  it('reads JSON-LD of any type, inside @graph arrays, before meta tags', () => {
    const a = extractArticle(
      page(
        ld({ '@graph': [{ '@type': 'ClaimReview', datePublished: '2021-03-04T10:00:00+01:00' }] }) +
          '<meta property="article:published_time" content="2021-03-05T10:00:00Z">',
      ),
    );
    expect([a.published, a.publishedFrom]).toEqual(['2021-03-04T10:00:00+01:00', 'json-ld']);
  });

  it('prefers an article object to a WebPage and a recipe', () => {
    const a = extractArticle(
      page(
        ld([
          { '@type': 'Recipe', datePublished: '2022-09-17' },
          { '@type': 'WebPage', datePublished: '2021-12-06T16:54:11+00:00' },
          { '@type': 'BlogPosting', datePublished: '2021-12-06' },
        ]),
      ),
    );
    expect(a.published).toBe('2021-12-06');
  });

  it('matches itemprop lists with several values', () => {
    const a = extractArticle(
      page('<meta itemprop="datePublished dateCreated" content="2020-07-01T09:00:00-04:00">'),
    );
    expect([a.published, a.publishedFrom]).toEqual(['2020-07-01T09:00:00-04:00', 'itemprop']);
  });

  it('reads <time datetime>, site meta names and the URL path, in that order', () => {
    const time = extractArticle(
      page('', `<time class="published" datetime="2018-10-05T08:15:05+02:00">5 Oct</time>${BODY}`),
    );
    expect([time.published, time.publishedFrom]).toEqual(['2018-10-05T08:15:05+02:00', 'time-element']);
    const site = extractArticle(page('<meta name="sn-post-date" content="2020-02-02 14:00:00 -0500">'));
    expect([site.published, site.publishedFrom]).toEqual(['2020-02-02T14:00:00-05:00', 'site-meta']);
    const url = extractArticle(page(''), 'https://news.example.org/2019/11/20/bridge-closed/');
    expect([url.published, url.publishedFrom]).toEqual(['2019-11-20', 'url']);
    const slug = extractArticle(page(''), 'https://news.example.org/bridge-closed-20191115/');
    expect(slug.published).toBe('2019-11-15');
  });

  it('skips placeholders and falls back to the dateline beside the headline', () => {
    const a = extractArticle(
      page(
        ld({ '@type': 'NewsArticle', datePublished: '0001-01-01T00:00:00Z' }),
        `<p class="meta">Published 11:11 PM EST Nov 19, 2019</p>${BODY}`,
      ),
    );
    expect([a.published, a.publishedFrom]).toEqual(['2019-11-19T23:11:00-05:00', 'dateline']);
  });

  it('reads datelines in other languages and scripts', () => {
    for (const [line, day] of [
      ['Von Anna Berg publiziert am 30. Juli 2018', '2018-07-30'],
      ['Publicado em 27 de setembro de 2018', '2018-09-27'],
      ['기사입력 :[ 2018-08-25 15:24 ]', '2018-08-25'],
      ['2016年12月01日', '2016-12-01'],
      ['Текст: Анна Иванова · 11 октября 2018', '2018-10-11'],
    ]) {
      expect(extractArticle(page('', `<div>${line}</div>${BODY}`)).published?.slice(0, 10)).toBe(day);
    }
  });

  it('does not take an embedded post or a sentence for the dateline', () => {
    const a = extractArticle(
      page(
        '',
        `<p>— A Reader (@areader) November 18, 2019</p>${BODY}<p>The bridge opened on May 3, 1961, and carried trams until the line closed.</p>`,
      ),
    );
    expect(a.published).toBeUndefined();
  });

  it('shows a UTC time in the outlet’s zone when the page reveals it', () => {
    // Given in UTC, shown to readers as the evening before in US Eastern time.
    const shown = extractArticle(
      page(
        '<meta property="article:published_time" content="2019-11-19T00:04:00Z">',
        `<p>Nov. 18, 2019 7:04 pm ET</p>${BODY}`,
      ),
    );
    expect(shown.published).toBe('2019-11-18T19:04:00-05:00');
    // Another of the page's dates carries the offset.
    const zoned = extractArticle(
      page(
        '<meta property="article:published_time" content="2019-11-20T02:07:18Z"><meta name="sailthru.date" content="2019-11-19 20:07:18 -0600">',
      ),
    );
    expect(zoned.published).toBe('2019-11-19T20:07:18-06:00');
    // Nothing on the page says otherwise: UTC stays UTC.
    const plain = extractArticle(
      page('<meta property="article:published_time" content="2019-11-20T02:07:18Z">'),
    );
    expect(plain.published).toBe('2019-11-20T02:07:18Z');
  });

  it('reads the modification date apart', () => {
    const a = extractArticle(
      page(
        '<meta property="article:published_time" content="2018-10-07T09:00:35-08:00"><meta property="article:modified_time" content="2018-11-12T17:36:26-08:00">',
      ),
    );
    expect([a.published, a.modified, a.modifiedFrom]).toEqual([
      '2018-10-07T09:00:35-08:00',
      '2018-11-12T17:36:26-08:00',
      'open-graph',
    ]);
  });
});

describe('outlet names', () => {
  it('takes the site name, else the JSON-LD publisher, with where it came from', () => {
    const a = extractArticle(
      page('<meta property="og:site_name" content="Harbour Herald">'),
      'https://harbourherald.example/x',
    );
    expect([a.outlet, a.outletFrom]).toEqual(['Harbour Herald', 'open-graph']);
    const b = extractArticle(
      page(ld({ '@type': 'NewsArticle', publisher: { name: 'Harbour Herald' } })),
      'https://harbourherald.example/x',
    );
    expect([b.outlet, b.outletFrom]).toEqual(['Harbour Herald', 'json-ld']);
  });

  it('prefers a proper name to a handle, and the table to a name that does not fit the host', () => {
    const handle = extractArticle(
      page(
        '<meta property="og:site_name" content="harbourherald">' +
          ld({ '@type': 'NewsArticle', publisher: { name: 'The Harbour Herald' } }),
      ),
      'https://www.harbourherald.example/a',
    );
    expect(handle.outlet).toBe('The Harbour Herald');
    const hosted = extractArticle(
      page('<meta property="og:site_name" content="Hosted">'),
      'https://hosted.ap.org/x/article/1',
    );
    expect([hosted.outlet, hosted.outletFrom]).toEqual(['The Associated Press', 'outlet-table']);
    const section = extractArticle(
      page('<meta property="og:site_name" content="U.S.">'),
      'https://www.reuters.com/article/us-x',
    );
    expect(section.outlet).toBe('Reuters');
    const none = extractArticle(page(''), 'https://www.nytimes.com/2019/11/19/opinion/x.html');
    expect(none.outlet).toBe('The New York Times');
  });

  it('cuts taglines and reads the <title> suffix, else the host', () => {
    const tag = extractArticle(
      page('<meta property="og:site_name" content="Harbour Herald | News for the coast">'),
      'https://harbourherald.example/a',
    );
    expect(tag.outlet).toBe('Harbour Herald');
    const title = extractArticle(
      page('<title>Bridge closed to trucks - Harbour Herald</title>'),
      'https://harbourherald.example/a',
    );
    expect([title.outlet, title.outletFrom]).toEqual(['Harbour Herald', 'title']);
    const host = extractArticle(page(''), 'https://www.harbourherald.example/a');
    expect([host.outlet, host.outletFrom]).toEqual(['harbourherald.example', 'hostname']);
  });
});

describe('titles, authors and language', () => {
  it('decodes entities left by double escaping', () => {
    const a = extractArticle(
      page(
        '<meta property="og:title" content="Why you can&amp;#39;t cross &amp;#8216;the bridge&amp;#8217; &amp;amp; why">',
      ),
    );
    expect(a.title).toBe("Why you can't cross ‘the bridge’ & why");
  });

  it('lists JSON-LD authors', () => {
    const a = extractArticle(
      page(ld({ '@type': 'NewsArticle', author: [{ name: 'Ann Lee' }, { name: 'Bo Chan' }] })),
    );
    expect(a.authors).toEqual(['Ann Lee', 'Bo Chan']);
    expect(a.byline).toBe('Ann Lee, Bo Chan');
  });

  it('detects the article’s language over the page’s declaration when the text tells', () => {
    const en = extractArticle(page('', BODY, 'lang="de"'));
    expect([en.language, en.languageFrom]).toEqual(['en', 'detected']);
    const de = extractArticle(
      page(
        '',
        '<p>Die Stadtverwaltung hat am Dienstag beschlossen, die alte Brücke für den Schwerverkehr zu sperren, nachdem Ingenieure Risse in zwei Pfeilern gefunden hatten.</p>',
        'lang="en"',
      ),
    );
    expect(de.language).toBe('de');
  });
});

describe('toIsoDate', () => {
  it('keeps the stated offset and refuses impossible dates', () => {
    expect(toIsoDate('Tue, 19 Nov 2019 08:41:00 +0000')).toBe('2019-11-19T08:41:00Z');
    expect(toIsoDate('2019-11-19T19:53:52-05:00')).toBe('2019-11-19T19:53:52-05:00');
    expect(toIsoDate('20191119')).toBe('2019-11-19');
    for (const bad of ['2025-13-45', '0000-00-00', '2025-02-30', 'soon'])
      expect(toIsoDate(bad)).toBeUndefined();
  });
});
