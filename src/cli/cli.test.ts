import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisSchema } from '../model/index.js';
import { runCli } from './__fixtures__/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = runCli;
const file = (name: string, data: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
};
const oneLineError = (err: string) => {
  const lines = err.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(err).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // no stack trace
  return lines[0];
};

describe('newsgraph analyze', () => {
  it('prints a valid analysis as JSON', async () => {
    const r = await cli(['analyze', 'test/fixtures/seed.txt', '--published', '2025-04-20']);
    expect(r.code).toBe(0);
    const a = AnalysisSchema.parse(JSON.parse(r.out));
    expect(a.times.find((t) => t.text === 'in early April')?.value).toBe('2025-04');
  });

  it('prints a human summary with --format text, from stdin too', async () => {
    const r = await cli(
      ['analyze', '-', '--format', 'text'],
      'Peace talks\nThe talks began in Geneva since 2014.\n',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('# Peace talks');
    expect(r.out).toMatch(/Dates \(1\)/);
  });

  it.each([
    ['a missing file', () => path.join(dir, 'nope.txt'), /no such file/],
    ['an empty file', () => file('empty.txt', ''), /empty/],
    ['binary data', () => file('bin.dat', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])), /binary/],
    [
      'invalid UTF-8',
      () => file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b])),
      /not valid UTF-8/,
    ],
    ['a directory', () => dir, /directory/],
  ])('refuses %s with a one-line error and a non-zero exit', async (_name, make, pattern) => {
    const r = await cli(['analyze', make()]);
    expect(r.code).not.toBe(0);
    expect(oneLineError(r.err)).toMatch(pattern);
  });

  it('refuses a 50 MB file by its size without reading it', async () => {
    const big = path.join(dir, 'big.txt');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x61));
    const r = await cli(['analyze', big]);
    expect(r.code).toBe(1);
    expect(oneLineError(r.err)).toMatch(/50\.0 MB, more than/);
  });

  it('rejects a bad option value as a usage error (exit 2)', async () => {
    const r = await cli(['analyze', 'test/fixtures/seed.txt', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(oneLineError(r.err)).toMatch(/--format must be json or text/);
  });

  it('streams a JSONL batch, reporting bad lines by number and analysing the rest', async () => {
    const lines = [
      JSON.stringify({
        id: 'a',
        text: 'First article about Ukraine since 2014.',
        meta: { published: '2025-01-02' },
      }),
      '{not json',
      JSON.stringify({ id: 'c', text: '' }),
      JSON.stringify({ id: 'd', text: 'Third one.', meta: { published: 'yesterday' } }),
      JSON.stringify({ id: 5, text: 'Fourth article.' }),
      // null means unknown; an impossible date is refused with the reason.
      JSON.stringify({ id: 'n', text: 'The council met yesterday.', meta: { published: null } }),
      JSON.stringify({ id: 'f', text: 'The council met yesterday.', meta: { published: '2025-02-30' } }),
    ];
    const r = await cli(['analyze', file('batch.jsonl', lines.join('\n') + '\n'), '--jsonl']);
    expect(r.code).toBe(1);
    const out = r.out
      .trim()
      .split('\n')
      .map((l) => AnalysisSchema.parse(JSON.parse(l)));
    expect(out.map((a) => a.id)).toEqual(['a', '5', 'n']);
    expect(out[2].times.map((t) => [t.value, t.anchor])).toEqual([['XXXX-XX-XX', 'none']]);
    expect(out[2].messages.map((m) => m.origin)).toContain('time:no-publication-date');
    expect(r.err).toMatch(/batch\.jsonl:7: skipped: .*day 30 is not in 2025-02/);
    expect(r.err).toMatch(/batch\.jsonl:2: skipped: bad JSON/);
    expect(r.err).toMatch(/batch\.jsonl:3: skipped: the text is empty/);
    expect(r.err).toMatch(/batch\.jsonl:4: skipped: .*ISO date/);
    expect(r.err).toMatch(/4 of 7 lines could not be analysed/);
  });
});

describe('newsgraph predict / eval', () => {
  it('rejects an unknown task', async () => {
    const r = await cli(['predict', 'sentiment', 'x.jsonl']);
    expect(r.code).toBe(2);
    expect(oneLineError(r.err)).toMatch(/unknown task "sentiment"/);
  });
  it('says clearly when the gold file is missing', async () => {
    const r = await cli(['predict', 'ner', path.join(dir, 'missing.jsonl')]);
    expect(r.code).toBe(1);
    expect(oneLineError(r.err)).toMatch(/gold file not found/);
  });
  it('says clearly when the shared data is absent', async () => {
    const r = await cli(['eval', 'ner', '--data', path.join(dir, 'no-shared')]);
    expect(r.code).toBe(1);
    expect(oneLineError(r.err)).toMatch(/dev split not found/);
  });
});
