import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/__fixtures__/run-cli.js';
import { readTextInput } from '../cli/io.js';
import { decodeTextBytes, firstInvalidUtf8 } from './encoding.js';
import { parseFeed, sniffDocument } from './feeds.js';
import { readSources } from './sources.js';
import { isIngestProblem, type IngestItem, type IngestProblem } from './types.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-decoding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, data: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
};
const cli = runCli;

async function read(inputs: string[]) {
  const out: (IngestItem | IngestProblem)[] = [];
  for await (const x of readSources(inputs, { fetchLinks: false })) out.push(x);
  return {
    items: out.filter((x): x is IngestItem => !isIngestProblem(x)),
    problems: out.filter(isIngestProblem),
  };
}

const ARTICLE = 'Ministers met in Valmora on Monday.\nThey agreed to reopen the border crossing.\n';

describe('one decoder for every command', () => {
  it('analyze and ingest read UTF-16 (with or without a BOM) alike', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]);
    const be = Buffer.from(ARTICLE, 'utf16le').swap16();
    const bomless = Buffer.from(ARTICLE, 'utf16le');
    for (const [name, bytes] of [
      ['le.txt', le],
      ['be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
      ['bomless.txt', bomless],
    ] as const) {
      const p = file(name, bytes);
      expect(await readTextInput(p)).toBe(ARTICLE);
      const { items, problems } = await read([p]);
      expect(problems).toEqual([]);
      expect(items[0].text).toBe(ARTICLE.replace(/\n$/, '\n'));
    }
  });

  it('names the exact offset of the first invalid byte, in analyze and ingest alike', async () => {
    const bytes = Buffer.from('x'.repeat(116) + '!');
    bytes[116] = 0xff;
    expect(firstInvalidUtf8(bytes)).toBe(116);
    const p = file('bad.txt', bytes);
    await expect(readTextInput(p)).rejects.toThrow(/byte 0xFF at offset 116 \(line 1, byte 117/);
    const { items, problems } = await read([p]);
    expect(items).toEqual([]);
    expect(problems[0].reason).toMatch(/offset 116/);
    // Multi-byte sequences: a truncated one, an overlong one, a surrogate.
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xc0, 0xaf]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from('ok ü € 𝄞', 'utf8'))).toBe(-1);
    expect(() => decodeTextBytes(Buffer.from([0x61, 0, 0x62]), 'x')).toThrow(/NUL byte at offset 1/);
  });

  it('refuses an invalid JSONL line with its file offset, never storing U+FFFD', async () => {
    const good = (id: number) => JSON.stringify({ id, text: `Article ${id}. ${ARTICLE}` });
    const bad = Buffer.from(JSON.stringify({ id: 2, text: 'Caf? au lait in Valmora, officials said.' }));
    bad[bad.indexOf('?')] = 0xe9;
    const bytes = Buffer.concat([Buffer.from(good(1) + '\n'), bad, Buffer.from('\n' + good(3) + '\n')]);
    const offset = Buffer.byteLength(good(1) + '\n') + bad.indexOf(0xe9);
    const p = file('mixed.jsonl', bytes);
    const { items, problems } = await read([p]);
    expect(items.map((i) => i.text.slice(0, 9))).toEqual(['Article 1', 'Article 3']);
    expect(items.some((i) => i.text.includes('\ufffd'))).toBe(false);
    expect(problems).toEqual([
      { where: `${p}:2`, reason: expect.stringMatching(new RegExp(`0xE9 at offset ${offset}\\b`)) },
    ]);
    // analyze --jsonl reads the same file the same way.
    const r = await cli(['analyze', '--jsonl', p]);
    expect(r.out.trim().split('\n')).toHaveLength(2);
    expect(r.out).not.toContain('\\ufffd');
    expect(r.err).toMatch(
      new RegExp(`mixed.jsonl:2: skipped: not valid UTF-8: the byte 0xE9 at offset ${offset}`),
    );
  }, 60_000);
});

describe('feeds: entries that are not articles', () => {
  const rss = (items: string, prolog = '') =>
    `<?xml version="1.0"?>${prolog}<rss version="2.0"><channel><title>Wire</title>${items}</channel></rss>`;
  const body = 'Ministers from Valmora and Ostrava met on Monday and agreed to reopen the border.';

  it('never keys or links an entry by a file: or javascript: URL', async () => {
    const p = file(
      'links.rss',
      rss(
        `<item><title>A</title><link>file:///etc/passwd</link><description>${body}</description></item>` +
          `<item><title>B</title><link>javascript:alert(1)</link><guid>javascript:alert(1)</guid><description>${body} Again.</description></item>`,
      ),
    );
    const { items, problems } = await read([p]);
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item.key).not.toMatch(/^(file|javascript):/);
      expect(item.key).not.toMatch(/javascript:|file:/);
      expect(item.url).toBeUndefined();
      expect(item.canonicalUrl).toBeUndefined();
    }
    expect(problems.map((x) => x.reason).join('\n')).toMatch(
      /not an http\(s\) URL, ignored: file:\/\/\/etc\/passwd/,
    );
  });

  it('does not store a one-character summary as an article', async () => {
    const p = file(
      'short.rss',
      rss(`<item><title>Stub</title><guid>s1</guid><description>x</description></item>`),
    );
    const { items, problems } = await read([p]);
    expect(items).toEqual([]);
    expect(problems[0].reason).toMatch(/1 word\(s\).*not an article/);
  });

  it('recognises a feed after a leading comment of more than 4 KB', async () => {
    const comment = `<!-- ${'licence text '.repeat(600)} -->\n`;
    expect(comment.length).toBeGreaterThan(4096);
    const text = rss(
      `<item><title>A</title><guid>a1</guid><description>${body}</description></item>`,
      comment,
    );
    expect(sniffDocument(text)).toBe('rss');
    expect(parseFeed(text).entries).toHaveLength(1);
    const { items } = await read([file('comment.rss', text)]);
    expect(items.map((i) => i.text)).toEqual([body]);
  });

  it('refuses a .rss file that is no feed instead of storing its text', async () => {
    const { items, problems } = await read([
      file('plain.rss', 'Just some words in a file named like a feed.'),
    ]);
    expect(items).toEqual([]);
    expect(problems[0].reason).toMatch(/no feed/);
  });
});

describe('ingest messages', () => {
  it('says what is wrong with a gzip bomb, a file: URL and another scheme', async () => {
    const bomb = file('bomb.txt.gz', gzipSync(Buffer.alloc(30 * 1024 * 1024, 0x61)));
    const { problems } = await read([bomb, 'file:///etc/passwd', 'ftp://example.org/a.txt']);
    expect(problems.map((x) => x.reason)).toEqual([
      expect.stringMatching(/decompressed, the file is over the \d+-byte limit \(a gzip bomb/),
      'file: URLs are not read; give the path itself (/etc/passwd)',
      'only http(s) URLs are fetched, not ftp: URLs',
    ]);
  });

  it('reads standard input (- or /dev/stdin) to its end, keyed by its content', async () => {
    const db = path.join(dir, 'stdin.db');
    // `-` is read the same way (STDIN_NAMES); one process start is enough for the test.
    for (const input of ['/dev/stdin']) {
      const r = await cli(
        ['ingest', input, '--db', db, '--json', '--no-progress'],
        input === '-' ? ARTICLE : `Second. ${ARTICLE}`,
      );
      expect(r.err).not.toMatch(/empty file/);
      expect({ out: JSON.parse(r.out), err: r.err }).toMatchObject({ out: { stored: 1, problems: 0 } });
    }
  }, 60_000);
});
