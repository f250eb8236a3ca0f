import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFeed, parseOpml, sniffDocument } from './feeds.js';
import { decodeXmlEntities } from './xml.js';

const fixture = (name: string): string =>
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name), 'utf8');

describe('parseFeed', () => {
  it('reads RSS 2.0 with content:encoded, entities and CDATA', () => {
    const feed = parseFeed(fixture('rss2.xml'));
    expect(feed.kind).toBe('rss');
    expect(feed.title).toBe('Harbour Gazette');
    expect(feed.language).toBe('en-gb');
    expect(feed.entries).toHaveLength(2);
    const [a, b] = feed.entries;
    expect(a.title).toBe('Council & port agree <new> dredging plan');
    expect(a.id).toBe('gazette-1001');
    expect(a.url).toBe('https://gazette.example/news/dredging?utm_source=rss');
    expect(a.author).toBe('Mira Olsen');
    expect(a.published).toBe('2019-11-19T08:30:00Z');
    expect(a.contentHtml).toMatch(/^<p>The harbour council/);
    expect(b.summaryHtml).toBe('<p>The winter timetable starts on Sunday.</p>');
    expect(b.id).toBe('https://gazette.example/news/ferry');
  });

  it('reads RSS 1.0 (RDF)', () => {
    const feed = parseFeed(fixture('rss1.rdf'));
    expect(feed.kind).toBe('rdf');
    expect(feed.title).toBe('Valley Times');
    expect(feed.entries[0]).toMatchObject({
      url: 'https://valley.example/story/7',
      author: 'Jon Park',
      published: '2019-11-18T09:00:00+01:00',
      summaryHtml: 'The old bridge reopened to traffic after repairs.',
    });
  });

  it('reads Atom with xhtml content, alternate links and authors', () => {
    const feed = parseFeed(fixture('atom.xml'));
    expect(feed.kind).toBe('atom');
    expect(feed.language).toBe('fr');
    const e = feed.entries[0];
    expect(e.url).toBe('https://quotidien.example/2019/11/maire');
    expect(e.id).toBe('tag:quotidien.example,2019:1');
    expect(e.title).toBe('Le maire <em>démissionne</em>');
    expect(e.author).toBe('Claire Dubois');
    expect(e.contentHtml).toContain('<p>Le maire de la commune');
  });

  it('reads JSON Feed 1.1', () => {
    const feed = parseFeed(fixture('feed.json'));
    expect(feed.kind).toBe('json');
    expect(feed.entries[0]).toMatchObject({
      id: 'w-1',
      url: 'https://wire.example/a/1',
      author: 'Sami Haddad',
      published: '2019-11-20T12:00:00+03:00',
    });
    expect(feed.entries[0].contentText).toMatch(/wettest November day/);
  });

  it('refuses a billion-laughs feed before parsing it', () => {
    expect(() => parseFeed(fixture('bomb.xml'))).toThrow(
      'refused: the document declares entities (DOCTYPE), a billion-laughs risk',
    );
  });

  it('accepts a bare external DOCTYPE (RSS 0.91) without fetching it', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>Old</title><item><title>T</title><link>https://old.example/1</link></item></channel></rss>';
    expect(parseFeed(xml).entries[0].url).toBe('https://old.example/1');
  });

  it('reports malformed XML with its position', () => {
    expect(() => parseFeed(fixture('broken.xml'))).toThrow(/malformed XML at line 2, column \d+/);
  });

  it('reports bad JSON feeds and non-feeds', () => {
    expect(() => parseFeed('{"version": "https://jsonfeed.org/version/1", "items": 3}')).toThrow(
      /bad JSON feed: items/,
    );
    expect(() => parseFeed('<html><body>hi</body></html>')).toThrow(
      /not a feed: the document looks like html/,
    );
  });
});

describe('parseOpml', () => {
  it('lists feeds of nested outlines in document order', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
      <outline text="News"><outline text="A" type="rss" xmlUrl="https://a.example/feed"/><outline text="B" xmlUrl="https://b.example/rss?x=1&amp;y=2"/></outline>
      <outline text="C" title="Cee" xmlUrl="https://c.example/atom"/></body></opml>`;
    expect(parseOpml(opml)).toEqual([
      { url: 'https://a.example/feed', title: 'A' },
      { url: 'https://b.example/rss?x=1&y=2', title: 'B' },
      { url: 'https://c.example/atom', title: 'Cee' },
    ]);
  });
});

describe('sniffDocument and entities', () => {
  it('tells documents apart by their root', () => {
    expect(sniffDocument('<?xml version="1.0"?>\n<!-- c --><rss>')).toBe('rss');
    expect(sniffDocument('\uFEFF<feed xmlns="http://www.w3.org/2005/Atom">')).toBe('atom');
    expect(sniffDocument('<!DOCTYPE html><html>')).toBe('html');
    expect(sniffDocument('<opml version="1.0">')).toBe('opml');
    expect(sniffDocument('Just words.')).toBe('text');
  });

  it('decodes XML entities once, never custom ones', () => {
    expect(decodeXmlEntities('&amp;lt; &#233; &#x201C; &lol; &#0;')).toBe('&lt; é “ &lol; &#0;');
  });
});
